package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * A graph module whose first use of its input x is a product x·W (+ b), with x read nowhere else, so that an
 * activation and a dropout in front of it can run inside that product ({@link Activation#applyDropoutThenLinear}):
 * the activated, dropped input — an N×F buffer a step would otherwise hold until its backward pass — is never stored.
 * {@link Sequential} calls {@link #forwardAfter} for a dropout, or an activation and a dropout, followed by such a
 * module; {@link MLP}, {@link GCNConv} and {@link GATConv} are ones.
 */
public interface DroppedInputModule {
    /**
     * {@code forward(tape, graph, dropout(activation.apply(x), p, training))}, with the same values and gradients
     * (W's gradient summed block by block on more than 8,192 rows, see {@link Tape#dropoutThenLinear}).
     */
    Tensor forwardAfter(Tape tape, Graph graph, Tensor x, Activation activation, float p, boolean training);
}
