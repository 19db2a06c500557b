package io.gnn4j.graph.arrow;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.NodeTable;
import java.util.List;

/**
 * A graph together with its node table, as stored in a pair of Arrow IPC files ({@code nodes.arrow},
 * {@code edges.arrow}). The node table always exists; it has F = 0 and no labels when the file holds only ids.
 *
 * @param graph the edges as an immutable CSR graph on nodes 0..N−1
 * @param nodes features and labels of the same N nodes
 * @param split the {@code split} column by node id: {@code "train"}, {@code "val"}, {@code "test"} or null (in no
 *              set); null when the node table has no such column
 */
public record GraphTables(Graph graph, NodeTable nodes, String[] split) {
    /** The values a {@code split} column may hold (besides null). */
    public static final List<String> SPLIT_VALUES = List.of("train", "val", "test");

    public GraphTables {
        if (graph.numNodes() != nodes.numNodes()) {
            throw new IllegalArgumentException("node table has " + nodes.numNodes() + " nodes but the graph has "
                    + graph.numNodes());
        }
        if (split != null && split.length != nodes.numNodes()) {
            throw new IllegalArgumentException(split.length + " split values for " + nodes.numNodes() + " nodes");
        }
        for (int u = 0; split != null && u < split.length; u++) {
            if (split[u] != null && !SPLIT_VALUES.contains(split[u])) {
                throw new IllegalArgumentException("split value '" + split[u] + "' of node " + u + ": expected one of "
                        + SPLIT_VALUES + " or null");
            }
        }
    }

    /** A graph and its node table without a split column. */
    public GraphTables(Graph graph, NodeTable nodes) {
        this(graph, nodes, null);
    }
}
