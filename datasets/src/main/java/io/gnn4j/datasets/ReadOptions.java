package io.gnn4j.datasets;

import io.gnn4j.datasets.tu.TuFeatures;
import java.util.Objects;

/**
 * How {@link Datasets} reads a dataset. {@code tuFeatures}: the node features of TU datasets. {@code edgesAsArcs}:
 * read the stored edges of the formats that hold an undirected graph as one entry per edge — edge lists
 * ({@code .edgelist}, {@code .csv}, {@code .tsv}), adjacency lists ({@code .adjlist}) and heterophilous-graphs
 * {@code .npz} files — as arcs u→v, as stored, instead of symmetrising them; that is how a directed graph kept in one
 * of these formats is read as directed (PyG keeps {@code edge_index} as stored in the same way, and symmetrises only
 * when asked). Formats that store both directions or carry their own orientation (Planetoid, Geom-GCN,
 * gnn-benchmark and scipy.sparse {@code .npz}, Arrow folders, TU) and the bundled copies read as they always do.
 */
public record ReadOptions(TuFeatures tuFeatures, boolean edgesAsArcs) {
    /** One-hot TU node labels only; edge and adjacency lists and heterophilous-graphs files symmetrised. */
    public static final ReadOptions DEFAULT = new ReadOptions(TuFeatures.LABELS_ONLY, false);

    public ReadOptions {
        Objects.requireNonNull(tuFeatures, "tuFeatures");
    }

    /** These options with the TU node features given. */
    public ReadOptions withTuFeatures(TuFeatures features) {
        return new ReadOptions(features, edgesAsArcs);
    }

    /** These options with the stored edges read as arcs ({@code true}) or symmetrised. */
    public ReadOptions withEdgesAsArcs(boolean arcs) {
        return new ReadOptions(tuFeatures, arcs);
    }
}
