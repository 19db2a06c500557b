package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.layers.GraphLevelModule;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.StepLR;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.EarlyStopping;
import io.gnn4j.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the graph-level tasks share: their trainer set-up, collation of dataset graphs into one block-diagonal batch with its
 * node features (the fixed evaluation sets collated once, in chunks of {@link #EVAL_CHUNK} graphs), and the graph ids of an epoch's batches — one pass over
 * the shuffled training graphs or, with {@code batchesPerEpoch} N &gt; 0, N batches each drawn at random without
 * replacement (the GIN authors' {@code iters_per_epoch}).
 */
final class GraphMiniBatches {
    /** A collated mini-batch: the block-diagonal graph and its concatenated node features. */
    record Batch(GraphBatch batch, Tensor x) {
    }

    /**
     * Graphs per forward pass when a fixed evaluation set is scored: bounds the evaluation tape's memory, which grows
     * with the set's nodes (and kpath's path rows). A network in evaluation mode treats each graph on its own, so this
     * changes no output, except that kpath's sampled paths (beyond its per-root bound, seeded by the root's index in
     * the batch) are other draws of the same unbiased sample.
     */
    static final int EVAL_CHUNK = 128;

    private final GraphDataset data;
    private final Map<int[], List<Batch>> fixed = new IdentityHashMap<>();

    /**
     * Batches of {@code data} for one run (named {@code run}, e.g. "fold 3", in errors), which needs graphs in each of
     * its three parts and at least one node feature column.
     */
    GraphMiniBatches(GraphDataset data, String run, int[] train, int[] val, int[] test) {
        if (train.length == 0 || val.length == 0 || test.length == 0) {
            throw new IllegalArgumentException(run + " needs train, validation and test graphs, has " + train.length
                    + "/" + val.length + "/" + test.length);
        }
        if (data.numFeatures() < 1) {
            throw new IllegalArgumentException(data.name() + " has no node features (numFeatures = 0); a graph-level "
                    + "model needs at least one column (e.g. one-hot node labels, degrees or a constant)");
        }
        this.data = data;
    }

    /** A fresh batch of the graphs {@code ids}. */
    Batch of(int[] ids) {
        List<Graph> gs = new ArrayList<>(ids.length);
        List<float[]> xs = new ArrayList<>(ids.length);
        for (int i : ids) {
            gs.add(data.graphs().get(i));
            xs.add(data.nodeFeatures().get(i));
        }
        GraphBatch b = GraphBatch.of(gs);
        float[] x = b.concatNodeFeatures(xs, data.numFeatures());
        return new Batch(b, Tensor.of(b.graph().numNodes(), data.numFeatures(), x));
    }

    /**
     * The chunks of a fixed evaluation set (the same array each call), each of at most {@link #EVAL_CHUNK} graphs,
     * collated on first use.
     */
    private List<Batch> cached(int[] ids) {
        return fixed.computeIfAbsent(ids, all -> {
            List<Batch> chunks = new ArrayList<>();
            for (int from = 0; from < all.length; from += EVAL_CHUNK) {
                chunks.add(of(Arrays.copyOfRange(all, from, Math.min(all.length, from + EVAL_CHUNK))));
            }
            return chunks;
        });
    }

    /**
     * The network's outputs for a fixed evaluation set, row-major, computed chunk by chunk; the tape is reset after
     * each chunk so its buffers serve the next.
     */
    float[] outputs(GraphLevelModule net, Tape tape, int[] graphs) {
        float[] out = null;
        int row = 0;
        for (Batch b : cached(graphs)) {
            float[] part = net.forward(tape, b.batch(), b.x()).toFloatArray();
            tape.reset();
            int width = part.length / b.batch().numGraphs();
            if (out == null) {
                out = new float[graphs.length * width];
            }
            System.arraycopy(part, 0, out, row * width, part.length);
            row += b.batch().numGraphs();
        }
        return out;
    }

    /**
     * The graph-level tasks' trainer: Adam over {@code adam}'s parameters for {@code hp.epochs()} epochs, early
     * stopping on {@code monitor}, the step decay when {@code hp.lrStep() > 0}, the recorder as listener.
     */
    static Trainer.Builder trainer(Adam adam, HyperParameters hp, EarlyStopping.Monitor monitor, long seed,
                                   ExecutionContext ctx, RunRecorder recorder) {
        Trainer.Builder trainer = Trainer.builder().optimizer(adam).epochs(hp.epochs())
                .earlyStopping(monitor, hp.patience()).seed(seed ^ RunRecorder.TAPE_SEED_SALT).context(ctx)
                .listener(recorder);
        if (hp.lrStep() > 0) {
            trainer.schedule(new StepLR(adam, hp.lrStep(), hp.lrGamma()));
        }
        return trainer;
    }

    /**
     * The graph ids of one epoch's mini-batches: a pass over the shuffled training graphs, or
     * {@code batchesPerEpoch} uniform random samples of {@code batchSize} of them.
     */
    static List<int[]> ofEpoch(int[] train, HyperParameters hp, RandomGenerator rng) {
        int[] order = train.clone();
        List<int[]> out = new ArrayList<>();
        if (hp.batchesPerEpoch() == 0) {
            shuffle(order, order.length, rng);
            for (int from = 0; from < order.length; from += hp.batchSize()) {
                out.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + hp.batchSize())));
            }
        } else {
            int size = Math.min(hp.batchSize(), order.length);
            for (int b = 0; b < hp.batchesPerEpoch(); b++) {
                shuffle(order, size, rng);
                out.add(Arrays.copyOf(order, size));
            }
        }
        return out;
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

    /** 0, 1, …, n − 1. */
    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** {@code values[idx[i]]} for each i. */
    static int[] gather(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
