package io.gnn4j.datasets.edgelist;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.graph.Graph;
import java.util.List;

/**
 * A graph read from an edge or adjacency list, with what the reader did to it, so nothing is dropped silently.
 *
 * @param graph          the graph (ids as {@link NodeIds} says)
 * @param nodeNames      the token of each node id with {@link NodeIds#NAMES}, otherwise null
 * @param edgeLines      edges read from the file (adjacency lists: neighbour entries)
 * @param mergedEntries  edges that repeated an earlier one (for undirected graphs also a listing of v–u after u–v)
 *                       and were merged by the duplicate policy; 0 when duplicates are kept
 * @param headerLine     the skipped header line, or null
 */
public record LoadedGraph(Graph graph, String[] nodeNames, long edgeLines, long mergedEntries, String headerLine) {
    /** This graph as a node dataset without features, labels (all −1) or splits. */
    public NodeDataset asNodeDataset(String name) {
        int n = graph.numNodes();
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        return new NodeDataset(name, graph, 0, new float[0], labels, 0, List.of(), null);
    }
}
