package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.layers.Activation;
import io.gnn4j.layers.BatchNorm;
import io.gnn4j.layers.GINConv;
import io.gnn4j.layers.Sequential;
import io.gnn4j.layers.GlobalPooling;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.MLP;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.StepLR;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Graph classifiers after Xu et al., "How Powerful are Graph Neural Networks?", ICLR 2019 (arXiv:1810.00826), §4–5:
 * L − 1 message-passing layers h⁽ˡ⁾ = ReLU(conv(h⁽ˡ⁻¹⁾)) on top of the input h⁽⁰⁾ = x, each layer's nodes pooled,
 * and the graph's logits summed over all layers ("jumping knowledge" readout of Eq. 4.2):
 * {@code z_G = Σ_{l=0..L−1} dropout(W_l · READOUT({h_v⁽ˡ⁾ : v ∈ G}))}. With {@code gin}: conv = GINConv(ε = 0) with a
 * two-layer ReLU MLP and sum readout (GIN-0), batch normalisation after the MLP's hidden layer and after each
 * convolution (as the authors' code); with {@code gcn}: GCNConv and mean readout. Adam with a step learning-rate decay (the paper halves it every 50 epochs).
 */
public final class GinClassifier implements GraphClassifier {
    private final GraphDataset data;
    private final boolean gin;
    private final Net net;
    private final Adam adam;
    private final StepLR schedule;
    private final Tape tape;
    private final Tape evalTape;
    private final int batchSize;
    private final int batchesPerEpoch;
    private final Map<int[], Batch> evalBatches = new IdentityHashMap<>();

    private record Batch(GraphBatch batch, Tensor x) {
    }

    private final class Net extends Module {
        final List<GraphModule> convs = new ArrayList<>();
        final List<Linear> heads = new ArrayList<>();
        final float dropout;

        Net(int f, int hidden, int classes, int layers, float dropout) {
            this.dropout = dropout;
            for (int l = 0; l < layers - 1; l++) {
                int in = l == 0 ? f : hidden;
                // GIN as in the paper's code: batch norm inside the MLP and after the convolution, before ReLU.
                GraphModule conv = gin
                        ? new Sequential(new GINConv(new MLP(Activation.RELU, 0f, true, in, hidden, hidden)),
                                new BatchNorm(hidden))
                        : new io.gnn4j.layers.GCNConv(in, hidden);
                convs.add(addModule("conv" + l, conv));
            }
            for (int l = 0; l < layers; l++) {
                heads.add(addModule("head" + l, new Linear(l == 0 ? f : hidden, classes)));
            }
        }

        Tensor forward(Tape t, Batch b) {
            int[] graphOf = b.batch().graphIndex();
            int numGraphs = b.batch().numGraphs();
            Graph g = b.batch().graph();
            Tensor h = b.x();
            Tensor score = null;
            for (int l = 0; l < heads.size(); l++) {
                if (l > 0) {
                    h = Activation.RELU.apply(t, convs.get(l - 1).forward(t, g, h));
                }
                Tensor pooled = gin ? GlobalPooling.sum(t, h, graphOf, numGraphs)
                        : GlobalPooling.mean(t, h, graphOf, numGraphs);
                Tensor s = t.dropout(heads.get(l).forward(t, pooled), dropout, isTraining());
                score = score == null ? s : t.add(score, s);
            }
            return score;
        }
    }

    /** A freshly initialised classifier; {@code gin} selects GIN-0 + sum readout, otherwise GCN + mean readout. */
    public GinClassifier(boolean gin, GraphDataset data, HyperParameters hp, long seed, ExecutionContext ctx) {
        if (data.numFeatures() < 1) {
            throw new IllegalArgumentException(data.name() + " has no node features (numFeatures = 0); a graph "
                    + "classifier needs at least one column (e.g. one-hot node labels or degrees)");
        }
        this.data = data;
        this.gin = gin;
        this.net = new Net(data.numFeatures(), hp.hidden(), data.numClasses(), Math.max(2, hp.layers()),
                (float) hp.dropout());
        net.resetParameters(new SplittableRandom(seed));
        this.adam = new Adam(net.parameters(), hp.lr(), hp.weightDecay());
        this.schedule = hp.lrStep() > 0 ? new StepLR(adam, hp.lrStep(), hp.lrGamma()) : null;
        this.tape = new Tape(seed ^ 0x9E3779B97F4A7C15L, ctx);
        this.evalTape = Tape.noGrad(ctx);
        this.batchSize = hp.batchSize();
        this.batchesPerEpoch = hp.batchesPerEpoch();
    }

    /** GIN-0 factory. */
    public static GraphModelFactory gin() {
        return (data, hp, seed, ctx) -> new GinClassifier(true, data, hp, seed, ctx);
    }

    /** GCN + mean readout factory. */
    public static GraphModelFactory gcn() {
        return (data, hp, seed, ctx) -> new GinClassifier(false, data, hp, seed, ctx);
    }

    private Batch batch(int[] graphs) {
        List<Graph> gs = new ArrayList<>(graphs.length);
        List<float[]> xs = new ArrayList<>(graphs.length);
        for (int i : graphs) {
            gs.add(data.graphs().get(i));
            xs.add(data.nodeFeatures().get(i));
        }
        GraphBatch b = GraphBatch.of(gs);
        float[] x = b.concatNodeFeatures(xs, data.numFeatures());
        return new Batch(b, Tensor.of(b.graph().numNodes(), data.numFeatures(), x));
    }

    /**
     * One epoch: one pass over the shuffled training graphs in mini-batches, or, with {@code batchesPerEpoch} N > 0,
     * N mini-batches each drawn at random without replacement (the GIN authors' {@code iters_per_epoch}).
     */
    @Override
    public double trainEpoch(int[] train, int[] labels, RandomGenerator rng) {
        net.train();
        int[] order = train.clone();
        double total = 0;
        int seen = 0;
        if (batchesPerEpoch == 0) {
            shuffle(order, order.length, rng);
            for (int from = 0; from < order.length; from += batchSize) {
                int[] ids = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
                total += step(ids, labels) * ids.length;
                seen += ids.length;
            }
        } else {
            int size = Math.min(batchSize, order.length);
            for (int b = 0; b < batchesPerEpoch; b++) {
                shuffle(order, size, rng);
                total += step(Arrays.copyOf(order, size), labels) * size;
                seen += size;
            }
        }
        if (schedule != null) {
            schedule.step();
        }
        return total / seen;
    }

    /** Moves a uniform random sample of {@code count} elements of {@code a}, in random order, to its front. */
    private static void shuffle(int[] a, int count, RandomGenerator rng) {
        for (int i = 0; i < Math.min(count, a.length - 1); i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** One optimiser step on the graphs {@code ids}; returns the batch's mean loss. */
    private double step(int[] ids, int[] labels) {
        int[] y = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            y[i] = labels[ids[i]];
        }
        adam.zeroGrad();
        Tensor loss = tape.crossEntropy(net.forward(tape, batch(ids)), y, null);
        double value = loss.item();
        tape.backward(loss);
        adam.step();
        tape.reset();
        return value;
    }

    @Override
    public float[] logits(int[] graphs) {
        net.eval();
        Batch b = evalBatches.computeIfAbsent(graphs, this::batch);
        float[] logits = net.forward(evalTape, b).toFloatArray();
        evalTape.reset(); // its buffers serve the next evaluation
        return logits;
    }
}
