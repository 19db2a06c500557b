package io.gnn4j.datasets.edgelist;

/** How the node tokens of an edge or adjacency list become node ids 0..N−1. */
public enum NodeIds {
    /** Tokens are integers 0..N−1; N is the largest id + 1 unless given. */
    ZERO_BASED,
    /** Tokens are integers 1..N (DeepWalk, node2vec, TU); node k becomes id k−1. */
    ONE_BASED,
    /**
     * Tokens are arbitrary names (without spaces, tabs or the separator); ids follow the order of first appearance
     * and the names are returned.
     */
    NAMES
}
