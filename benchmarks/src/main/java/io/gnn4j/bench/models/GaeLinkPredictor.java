package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.Activation;
import io.gnn4j.layers.Dropout;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.LinkLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The graph auto-encoder of Kipf &amp; Welling, "Variational Graph Auto-Encoders", 2016 (arXiv:1611.07308), non-
 * variational form: a GCN encoder Z = GCN(X, A_train) ({@code layers} GCN layers of width {@code hidden}, ReLU
 * between them, dropout before each; the paper's two by default) and the inner-product decoder
 * {@code s(u, v) = z_u · z_v}, trained with binary cross-entropy on the training edges against as many uniformly
 * sampled non-edges per step. Only the training graph is seen.
 */
public final class GaeLinkPredictor implements LinkPredictor {
    private final Sequential encoder;
    private final Graph graph;
    private final Tensor x;
    private final LinkLoss linkLoss;

    /** A freshly initialised auto-encoder on the training graph. */
    public GaeLinkPredictor(Graph trainGraph, float[] features, int numFeatures, int[] trainSrc, int[] trainDst,
                            HyperParameters hp, long seed) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException("the GCN auto-encoder needs node features, the dataset has none");
        }
        this.graph = trainGraph;
        this.x = Tensor.of(trainGraph.numNodes(), numFeatures, features);
        this.linkLoss = new LinkLoss(trainGraph, trainSrc, trainDst);
        if (hp.layers() < 1) {
            throw new IllegalArgumentException("the GCN auto-encoder needs at least one layer, got " + hp.layers());
        }
        float p = (float) hp.dropout();
        List<GraphModule> steps = new ArrayList<>();
        for (int i = 0; i < hp.layers(); i++) {
            if (i > 0) {
                steps.add(Activation.RELU.module());
            }
            steps.add(new Dropout(p));
            steps.add(new GCNConv(i == 0 ? numFeatures : hp.hidden(), hp.hidden()));
        }
        this.encoder = new Sequential(steps.toArray(GraphModule[]::new));
        encoder.resetParameters(new SplittableRandom(seed));
    }

    /** The factory for the registry. */
    public static LinkModelFactory factory() {
        return GaeLinkPredictor::new;
    }

    @Override
    public Module module() {
        return encoder;
    }

    /** {@link LinkLoss}: the training edges (target 1) against as many uniformly sampled non-edges (target 0). */
    @Override
    public Tensor loss(Tape tape, RandomGenerator rng) {
        return linkLoss.loss(tape, encoder.forward(tape, graph, x), rng);
    }

    @Override
    public Tensor scores(Tape tape, int[] src, int[] dst) {
        return LinkLoss.scores(tape, encoder.forward(tape, graph, x), src, dst);
    }
}
