package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * A module that maps node features over a graph, {@code N×F_in → N×F_out}: the common type of convolutions,
 * propagation steps, MLPs (which ignore the graph) and {@link Sequential} stacks of them.
 */
public abstract class GraphModule extends Module {
    /** Computes the output for node features {@code x} (N×F_in) on {@code graph}, recording on {@code tape}. */
    public abstract Tensor forward(Tape tape, Graph graph, Tensor x);
}
