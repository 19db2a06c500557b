package io.gnn4j.datasets;

/**
 * What every loader returns: a named dataset of one of the task shapes gnn4j knows — {@link NodeDataset} (one
 * graph, node labels), {@link GraphDataset} (many graphs, graph labels) — and later recommendation data.
 */
public sealed interface Dataset permits NodeDataset, GraphDataset, RatingsDataset {
    /** The dataset's name, e.g. "cora". */
    String name();
}
