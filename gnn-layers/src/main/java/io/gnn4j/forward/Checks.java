package io.gnn4j.forward;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tensor;

/** The argument checks the objectives share: a node-classification task whose parts agree. */
final class Checks {
    private Checks() {
    }

    static void nodeTask(Graph graph, Tensor x, int[] labels, int[] train, int classes) {
        int n = graph.numNodes();
        if (x.rows() != n) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but the graph has " + n + " nodes");
        }
        if (labels.length != n) {
            throw new IllegalArgumentException("labels has length " + labels.length + " but the graph has " + n
                    + " nodes");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
        if (train.length == 0) {
            throw new IllegalArgumentException("forward learning needs training nodes, got none");
        }
        for (int v : train) {
            if (v < 0 || v >= n) {
                throw new IllegalArgumentException("training node " + v + " is outside 0.." + (n - 1));
            }
            if (labels[v] < 0 || labels[v] >= classes) {
                throw new IllegalArgumentException("training node " + v + " has label " + labels[v]
                        + ", outside 0.." + (classes - 1));
            }
        }
    }
}
