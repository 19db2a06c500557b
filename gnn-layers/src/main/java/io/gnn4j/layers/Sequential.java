package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.List;

/**
 * A stack of graph modules applied in order, each to the previous one's output on the same graph; parameters are
 * named by position ({@code "0.weight"}, {@code "2.lin_l.weight"}, …). An activation followed by a {@link Dropout}
 * runs as {@link Activation#applyThenDropout} (one operation for ReLU and LeakyReLU: the same numbers, one stored
 * N×F value fewer).
 *
 * <pre>{@code
 * Sequential gcn = new Sequential(
 *         new Dropout(0.5f), new GCNConv(features, 16), Activation.RELU.module(),
 *         new Dropout(0.5f), new GCNConv(16, classes));
 * }</pre>
 */
public final class Sequential extends GraphModule {
    private final List<GraphModule> steps;

    /** The modules in order. */
    public Sequential(GraphModule... steps) {
        if (steps.length == 0) {
            throw new IllegalArgumentException("a Sequential needs at least one module, got 0");
        }
        this.steps = List.of(steps);
        for (int i = 0; i < steps.length; i++) {
            addModule(Integer.toString(i), steps[i]);
        }
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        Tensor h = x;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Activation.Layer act && i + 1 < steps.size()
                    && steps.get(i + 1) instanceof Dropout drop) {
                h = act.activation().applyThenDropout(tape, h, drop.probability(), drop.isTraining());
                i++;
            } else {
                h = steps.get(i).forward(tape, graph, h);
            }
        }
        return h;
    }

    /** The modules, in order. */
    public List<GraphModule> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "Sequential" + steps;
    }
}
