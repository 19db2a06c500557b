package io.gnn4j.layers;

import io.gnn4j.graph.GraphBatch;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * Graph-level readout over a batch of graphs stored as one block-diagonal graph: {@code graphOf[v]} is the graph of
 * node v (PyG's {@code batch} vector) and the result has one row per graph,
 * {@code r_g = ⊕_{v : graphOf[v] = g} x_v} with ⊕ sum, mean or max (empty graphs give 0). The overloads taking a
 * {@link GraphBatch} read its {@code graphIndex()}. Shapes: N×F → B×F.
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

    /** Sum readout over the graphs of {@code batch}. */
    public static Tensor sum(Tape tape, Tensor x, GraphBatch batch) {
        return sum(tape, x, batch.graphIndex(), batch.numGraphs());
    }

    /** Mean readout over the graphs of {@code batch}. */
    public static Tensor mean(Tape tape, Tensor x, GraphBatch batch) {
        return mean(tape, x, batch.graphIndex(), batch.numGraphs());
    }

    /** Max readout over the graphs of {@code batch}. */
    public static Tensor max(Tape tape, Tensor x, GraphBatch batch) {
        return max(tape, x, batch.graphIndex(), batch.numGraphs());
    }
}
