package io.gnn4j.forward;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tensor;
import java.util.List;

/**
 * A {@link LocalObjective} whose training and prediction run the same single input stream (ForwardGNN-SF, tpSGD),
 * so the {@link LocalTrainer} propagates it once per layer.
 */
abstract class SingleStreamObjective implements LocalObjective {
    private final Graph graph;
    private final List<Tensor> inputs;

    SingleStreamObjective(Graph graph, Tensor input) {
        this.graph = graph;
        this.inputs = List.of(input);
    }

    @Override
    public final Graph graph() {
        return graph;
    }

    @Override
    public final List<Tensor> trainingInputs() {
        return inputs;
    }

    @Override
    public final List<Tensor> predictionInputs() {
        return inputs;
    }
}
