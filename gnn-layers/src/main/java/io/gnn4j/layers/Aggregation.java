package io.gnn4j.layers;

import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * The permutation-invariant reduction ⊕ of {@link MessagePassing}: messages (E×F, one row per edge) are reduced
 * into the edge's target node (N×F); nodes without incoming edges get 0.
 */
public enum Aggregation {
    /** {@code Σ_{j∈N(i)} m_{j→i}}. */
    SUM,
    /** {@code (1/|N(i)|) Σ_{j∈N(i)} m_{j→i}}. */
    MEAN,
    /** Elementwise {@code max_{j∈N(i)} m_{j→i}}. */
    MAX,
    /** Elementwise {@code min_{j∈N(i)} m_{j→i}}. */
    MIN;

    /** Reduces {@code messages} by {@code target[e]} into {@code numNodes} rows. */
    public Tensor reduce(Tape tape, Tensor messages, int[] target, int numNodes) {
        return switch (this) {
            case SUM -> tape.scatterSum(messages, target, numNodes);
            case MEAN -> tape.scatterMean(messages, target, numNodes);
            case MAX -> tape.scatterMax(messages, target, numNodes);
            case MIN -> tape.scale(tape.scatterMax(tape.scale(messages, -1f), target, numNodes), -1f);
        };
    }
}
