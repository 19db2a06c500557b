package io.gnn4j.bench.models;

/**
 * A node classifier under training, as the node-classification loop sees it: full-batch optimisation steps on the
 * training nodes, and logits for every node in evaluation mode. Metrics are computed by the harness from the logits.
 */
public interface NodeClassifier {
    /** One optimisation step on the nodes {@code train} with targets {@code labels[train[i]]}; returns the loss. */
    double trainStep(int[] train, int[] labels);

    /** Logits of every node, N×C row-major, in evaluation mode (no dropout). */
    float[] logits();
}
