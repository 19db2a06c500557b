package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Optimizer;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.StepLR;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link NodeClassifier} over any gnn-layers {@link GraphModule} that maps N×F features to N×C logits: full-batch
 * Adam steps on the mean cross-entropy of the training nodes, recorded on an autograd {@link Tape} seeded from the
 * run's seed (dropout masks), with L2 weight decay on the chosen parameters only (GCN decays its first layer, as in
 * Kipf &amp; Welling's code) and an optional step learning-rate schedule.
 */
public final class TapeNodeClassifier implements NodeClassifier {
    private final GraphModule model;
    private final Graph graph;
    private final Tensor x;
    private final Tape tape;
    private final Tape evalTape;
    private final List<Optimizer> optimizers = new ArrayList<>();
    private final List<StepLR> schedules = new ArrayList<>();

    /**
     * @param decayed parameters that get weight decay ({@code hp.weightDecay()}); all others get none. The model must
     *                already be initialised.
     */
    public TapeNodeClassifier(GraphModule model, Set<Parameter> decayed, Graph graph, float[] features,
                              int numFeatures, HyperParameters hp, long seed, ExecutionContext ctx) {
        this.model = model;
        this.graph = graph;
        this.x = Tensor.of(graph.numNodes(), numFeatures, features);
        this.tape = new Tape(seed, ctx);
        this.evalTape = Tape.noGrad(ctx);
        List<Parameter> withDecay = new ArrayList<>(), without = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            (decayed.contains(p) ? withDecay : without).add(p);
        }
        if (!withDecay.isEmpty()) {
            optimizers.add(new Adam(withDecay, hp.lr(), hp.weightDecay()));
        }
        if (!without.isEmpty()) {
            optimizers.add(new Adam(without, hp.lr()));
        }
        if (hp.lrStep() > 0) {
            for (Optimizer o : optimizers) {
                schedules.add(new StepLR(o, hp.lrStep(), hp.lrGamma()));
            }
        }
    }

    @Override
    public double trainStep(int[] train, int[] labels) {
        model.train();
        for (Optimizer o : optimizers) {
            o.zeroGrad();
        }
        Tensor loss = tape.crossEntropy(model.forward(tape, graph, x), labels, train);
        double value = loss.item();
        tape.backward(loss);
        for (Optimizer o : optimizers) {
            o.step();
        }
        tape.reset();
        for (StepLR s : schedules) {
            s.step();
        }
        return value;
    }

    @Override
    public float[] logits() {
        model.eval();
        float[] logits = model.forward(evalTape, graph, x).toFloatArray();
        evalTape.reset(); // its buffers serve the next evaluation
        return logits;
    }
}
