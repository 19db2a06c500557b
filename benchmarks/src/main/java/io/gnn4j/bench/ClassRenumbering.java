package io.gnn4j.bench;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;

/**
 * A node dataset renumbered class by class (order of (label, id)), so that each class's nodes are consecutive: on a
 * graph whose edges mostly stay inside a class (the planted partition), the most memory locality a renumbering can
 * give the gathered rows of a sparse product. Benchmarks use it to bound what a locality-aware node order would save;
 * {@code newId[u]} is node u's new number.
 */
record ClassRenumbering(int[] newId, Graph graph, float[] features, int[] labels, int[] train) {
    static ClassRenumbering of(NodeDataset d) {
        Graph g = d.graph();
        int n = g.numNodes(), f = d.numFeatures();
        int[] newId = new int[n];
        int next = 0;
        for (int c = -1; c < d.numClasses(); c++) {   // unlabelled nodes (label −1) first
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
                if (u < g.colIdx()[e]) {
                    b.addEdge(newId[u], newId[g.colIdx()[e]]);
                }
            }
            System.arraycopy(d.features(), u * f, x, newId[u] * f, f);
            y[newId[u]] = d.labels()[u];
        }
        int[] train = d.splits().getFirst().train().clone();
        for (int k = 0; k < train.length; k++) {
            train[k] = newId[train[k]];
        }
        return new ClassRenumbering(newId, b.build(), x, y, train);
    }
}
