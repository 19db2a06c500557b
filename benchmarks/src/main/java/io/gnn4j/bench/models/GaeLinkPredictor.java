package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.Activation;
import io.gnn4j.layers.Dropout;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The graph auto-encoder of Kipf &amp; Welling, "Variational Graph Auto-Encoders", 2016 (arXiv:1611.07308), non-
 * variational form: a two-layer GCN encoder Z = GCN(X, A_train) and the inner-product decoder
 * {@code s(u, v) = z_u · z_v}, trained with binary cross-entropy on the training edges against as many uniformly
 * sampled non-edges per step. Only the training graph is seen.
 */
public final class GaeLinkPredictor implements LinkPredictor {
    private final Sequential encoder;
    private final Graph graph;
    private final Tensor x;
    private final int[] trainSrc;
    private final int[] trainDst;

    /** A freshly initialised auto-encoder on the training graph. */
    public GaeLinkPredictor(Graph trainGraph, float[] features, int numFeatures, int[] trainSrc, int[] trainDst,
                            HyperParameters hp, long seed) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException("the GCN auto-encoder needs node features, the dataset has none");
        }
        this.graph = trainGraph;
        this.x = Tensor.of(trainGraph.numNodes(), numFeatures, features);
        this.trainSrc = trainSrc;
        this.trainDst = trainDst;
        float p = (float) hp.dropout();
        this.encoder = new Sequential(new Dropout(p), new GCNConv(numFeatures, hp.hidden()), Activation.RELU.module(),
                new Dropout(p), new GCNConv(hp.hidden(), hp.hidden()));
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

    /** Binary cross-entropy of the training edges (target 1) and as many uniformly sampled non-edges (target 0). */
    @Override
    public Tensor loss(Tape tape, RandomGenerator rng) {
        int m = trainSrc.length, n = graph.numNodes();
        int[] src = new int[2 * m], dst = new int[2 * m];
        float[] target = new float[2 * m];
        System.arraycopy(trainSrc, 0, src, 0, m);
        System.arraycopy(trainDst, 0, dst, 0, m);
        for (int i = 0; i < m; i++) {
            target[i] = 1f;
            int u, v;
            do {
                u = rng.nextInt(n);
                v = rng.nextInt(n);
            } while (u == v || graph.hasEdge(u, v));
            src[m + i] = u;
            dst[m + i] = v;
        }
        return tape.bceWithLogits(scores(tape, src, dst), Tensor.of(2 * m, 1, target));
    }

    @Override
    public Tensor scores(Tape tape, int[] src, int[] dst) {
        Tensor z = encoder.forward(tape, graph, x);
        return tape.sumRows(tape.mul(tape.gatherRows(z, src), tape.gatherRows(z, dst)));
    }
}
