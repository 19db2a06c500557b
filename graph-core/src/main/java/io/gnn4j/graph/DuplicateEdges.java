package io.gnn4j.graph;

/** What {@link GraphBuilder} does with several entries for the same (u, v) pair. */
public enum DuplicateEdges {
    /** Keep every entry: the result may be a multigraph. */
    KEEP,
    /** Keep one entry whose weight is the sum of the duplicates' weights. */
    SUM,
    /** Keep one entry with the smallest weight. */
    MIN,
    /** Keep one entry with the largest weight. */
    MAX,
    /** Keep the entry added first. */
    FIRST
}
