package io.gnn4j.layers;

import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * Graph-level readout over a batch of graphs stored as one block-diagonal graph: {@code graphOf[v]} is the graph of
 * node v (PyG's {@code batch} vector) and the result has one row per graph,
 * {@code r_g = ⊕_{v : graphOf[v] = g} x_v} with ⊕ sum, mean or max (empty graphs give 0). Shapes: N×F → B×F.
 */
public final class GlobalPooling {
    private GlobalPooling() {}

    /** Sum readout (GIN's). */
    public static Tensor sum(Tape tape, Tensor x, int[] graphOf, int numGraphs) {
        return tape.scatterSum(x, graphOf, numGraphs);
    }

    /** Mean readout. */
    public static Tensor mean(Tape tape, Tensor x, int[] graphOf, int numGraphs) {
        return tape.scatterMean(x, graphOf, numGraphs);
    }

    /** Elementwise max readout. */
    public static Tensor max(Tape tape, Tensor x, int[] graphOf, int numGraphs) {
        return tape.scatterMax(x, graphOf, numGraphs);
    }
}
