package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.List;

/**
 * A stack of graph modules applied in order, each to the previous one's output on the same graph; parameters are
 * named by position ({@code "0.weight"}, {@code "2.lin_l.weight"}, …). Where a {@link Dropout} (or an activation and
 * a dropout) precedes a {@link DroppedInputModule} ({@link MLP}, {@link GCNConv}, {@link GATConv}), the dropout runs inside that
 * module's first product ({@link DroppedInputModule#forwardAfter}), and an activation followed by a dropout otherwise
 * as {@link Activation#applyThenDropout}: the same numbers, with the dropped (and activated) N×F values not stored.
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
            GraphModule step = steps.get(i);
            Activation act = step instanceof Activation.Layer layer ? layer.activation() : null;
            int dropAt = act == null ? i : i + 1;
            if (dropAt < steps.size() && steps.get(dropAt) instanceof Dropout drop) {
                float p = drop.probability();
                boolean training = drop.isTraining();
                Activation before = act == null ? Activation.IDENTITY : act;
                if (dropAt + 1 < steps.size() && steps.get(dropAt + 1) instanceof DroppedInputModule next) {
                    h = next.forwardAfter(tape, graph, h, before, p, training);
                    i = dropAt + 1;
                    continue;
                }
                if (act != null) {
                    h = act.applyThenDropout(tape, h, p, training);
                    i = dropAt;
                    continue;
                }
            }
            h = step.forward(tape, graph, h);
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
