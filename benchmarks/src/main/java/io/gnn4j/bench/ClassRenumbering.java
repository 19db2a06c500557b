package io.gnn4j.bench;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.util.List;

/**
 * A node dataset renumbered class by class (order of (label, id), unlabelled nodes first), so that each class's nodes
 * are consecutive: on a graph whose edges mostly stay inside a class (the planted partition), the most memory locality
 * a renumbering can give the gathered rows of a sparse product. Benchmarks use it to bound what a locality-aware node
 * order would save.
 */
final class ClassRenumbering {
    private ClassRenumbering() {
    }

    /**
     * The same graph, features, labels and splits with node u renumbered by its rank in (label, id) order. The graph
     * must be undirected, unweighted and without self loops (as the generated ones), since only such are rebuilt.
     */
    static NodeDataset of(NodeDataset d) {
        Graph g = d.graph();
        if (g.isDirected() || g.isWeighted()) {
            throw new IllegalArgumentException("class renumbering rebuilds undirected unweighted graphs only, got "
                    + (g.isDirected() ? "a directed" : "a weighted") + " graph");
        }
        int n = g.numNodes(), f = d.numFeatures();
        int[] newId = new int[n];
        int next = 0;
        for (int c = -1; c < d.numClasses(); c++) {
            for (int u = 0; u < n; u++) {
                if (d.labels()[u] == c) {
                    newId[u] = next++;
                }
            }
        }
        GraphBuilder b = GraphBuilder.undirected(n);
        float[] x = new float[n * f];
        int[] y = new int[n];
        for (int u = 0; u < n; u++) {
            for (int e = g.rowPtr()[u]; e < g.rowPtr()[u + 1]; e++) {
                if (u == g.colIdx()[e]) {
                    throw new IllegalArgumentException("class renumbering rebuilds graphs without self loops, got "
                            + "one at node " + u);
                }
                if (u < g.colIdx()[e]) {
                    b.addEdge(newId[u], newId[g.colIdx()[e]]);
                }
            }
            System.arraycopy(d.features(), u * f, x, newId[u] * f, f);
            y[newId[u]] = d.labels()[u];
        }
        List<Split> splits = d.splits().stream().map(s -> new Split(s.name(), renumbered(s.train(), newId),
                renumbered(s.val(), newId), renumbered(s.test(), newId))).toList();
        return new NodeDataset(d.name(), b.build(), f, x, y, d.numClasses(), splits, null);
    }

    private static int[] renumbered(int[] nodes, int[] newId) {
        int[] out = new int[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            out[k] = newId[nodes[k]];
        }
        return out;
    }
}
