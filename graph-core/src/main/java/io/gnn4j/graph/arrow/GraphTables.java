package io.gnn4j.graph.arrow;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.NodeTable;

/**
 * A graph together with its node table, as stored in a pair of Arrow IPC files ({@code nodes.arrow},
 * {@code edges.arrow}). The node table always exists; it has F = 0 and no labels when the file holds only ids.
 *
 * @param graph the edges as an immutable CSR graph on nodes 0..N−1
 * @param nodes features and labels of the same N nodes
 */
public record GraphTables(Graph graph, NodeTable nodes) {
    public GraphTables {
        if (graph.numNodes() != nodes.numNodes()) {
            throw new IllegalArgumentException("node table has " + nodes.numNodes() + " nodes but the graph has "
                    + graph.numNodes());
        }
    }
}
