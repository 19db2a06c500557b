package io.gnn4j.bench.data;

/** The on-disk dataset formats the harness recognises, each with how it is recognised. */
public enum DatasetFormat {
    /** Planetoid pickles {@code ind.<name>.{x,y,tx,ty,allx,ally,graph,test.index}} (Kipf & Welling split). */
    PLANETOID("Planetoid (ind.<name>.x, .graph, ...)"),
    /** gnn-benchmark / graph2gauss CSR-triplet {@code .npz} ({@code adj_indptr}, {@code attr_*}, {@code labels}). */
    GNN_BENCHMARK_NPZ("gnn-benchmark .npz (adj_indptr, attr_*, labels)"),
    /** heterophilous-graphs {@code .npz} ({@code node_features}, {@code edges}, {@code train_masks}). */
    HETEROPHILOUS_NPZ("heterophilous-graphs .npz (node_features, edges, masks)"),
    /** Geom-GCN text {@code out1_graph_edges.txt} + {@code out1_node_feature_label.txt} + {@code splits/}. */
    GEOM_GCN("Geom-GCN text (out1_graph_edges.txt, out1_node_feature_label.txt)"),
    /** LINQS {@code <name>.content} + {@code <name>.cites}. */
    LINQS("LINQS text (<name>.content, <name>.cites)"),
    /** TU Dortmund text format {@code <NAME>_A.txt}, {@code _graph_indicator.txt}, {@code _graph_labels.txt}. */
    TU("TU text (<NAME>_A.txt, _graph_indicator.txt, _graph_labels.txt)");

    private final String description;

    DatasetFormat(String description) {
        this.description = description;
    }

    /** How the format looks on disk. */
    public String description() {
        return description;
    }
}
