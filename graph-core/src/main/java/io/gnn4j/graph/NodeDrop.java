package io.gnn4j.graph;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Graph augmentation that removes nodes, after the node dropping of GraphCL (You et al., "Graph Contrastive Learning
 * with Augmentations", NeurIPS 2020, §3.1): every node is removed independently with probability {@code rate},
 * together with its edges, and the view is the subgraph the kept nodes induce, numbered in their original order. A
 * view is never empty: when every draw removes its node, one node drawn uniformly stays. The draws follow the node
 * order, so a seed fixes the view; the kept edges keep their weights and the graph its directedness.
 */
public final class NodeDrop {
    private NodeDrop() {
    }

    /**
     * The induced subgraph of the kept nodes and which nodes they are.
     *
     * @param graph the view; its node i is node {@code kept[i]} of the original graph
     * @param kept  the kept nodes of the original graph, ascending
     */
    public record View(Graph graph, int[] kept) {
    }

    /** A view of {@code g} without the nodes a draw with probability {@code rate} each removes. */
    public static View apply(Graph g, double rate, RandomGenerator rng) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("node drop rate must be in [0, 1], got " + rate);
        }
        int n = g.numNodes();
        IntArrayList kept = new IntArrayList(n);
        for (int u = 0; u < n; u++) {
            if (rng.nextDouble() >= rate) {
                kept.add(u);
            }
        }
        if (kept.isEmpty() && n > 0) {
            kept.add(rng.nextInt(n));
        }
        int[] newId = new int[n];
        Arrays.fill(newId, -1);
        for (int i = 0; i < kept.size(); i++) {
            newId[kept.getInt(i)] = i;
        }
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        GraphBuilder view = g.isDirected() ? GraphBuilder.directed(kept.size()) : GraphBuilder.undirected(kept.size());
        for (int u : kept) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int v = colIdx[k];
                if (newId[v] < 0 || (!g.isDirected() && v < u)) {
                    continue; // v dropped, or the undirected pair was added at its entry u–v with u <= v
                }
                if (g.isWeighted()) {
                    view.addEdge(newId[u], newId[v], g.weight(k));
                } else {
                    view.addEdge(newId[u], newId[v]);
                }
            }
        }
        return new View(view.build(), kept.toIntArray());
    }
}
