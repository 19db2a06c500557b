package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.layers.PerLayerReadoutNetwork;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.StepLR;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.Epoch;
import io.gnn4j.train.Evaluation;
import io.gnn4j.train.Metrics;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One fold of graph classification, trained by the {@link Trainer}: mini-batch Adam epochs on the fold's training
 * graphs (with the scenario's labels, possibly noisy) and a step learning-rate decay, evaluation of validation and test
 * graphs with their true labels, early stopping on validation and {@code test_acc} at the best validation epoch. An
 * epoch is one pass over the shuffled training graphs or, with {@code batchesPerEpoch} N &gt; 0, N mini-batches each
 * drawn at random without replacement (the GIN authors' {@code iters_per_epoch}).
 */
public final class GraphClassification {
    private GraphClassification() {
    }

    /**
     * @param trainLabels labels the model trains on (noisy in the noisy-label scenario)
     * @param trueLabels  labels validation and test are scored against
     */
    public static RunResult run(String modelName, String protocol, int fold, long seed, PerLayerReadoutNetwork net,
                                GraphDataset data, int[] trainLabels, int[] trueLabels, int[] train, int[] val,
                                int[] test, HyperParameters hp, ExecutionContext ctx, Progress progress) {
        if (train.length == 0 || val.length == 0 || test.length == 0) {
            throw new IllegalArgumentException("fold " + fold + " needs train, validation and test graphs, has "
                    + train.length + "/" + val.length + "/" + test.length);
        }
        if (data.numFeatures() < 1) {
            throw new IllegalArgumentException(data.name() + " has no node features (numFeatures = 0); a graph "
                    + "classifier needs at least one column (e.g. one-hot node labels or degrees)");
        }
        Batches batches = new Batches(data);
        RunRecorder recorder = new RunRecorder(modelName, "fold " + fold, "val_acc", progress);
        Adam adam = new Adam(net.parameters(), hp.lr(), hp.weightDecay());
        Trainer.Builder trainer = Trainer.builder().optimizer(adam).epochs(hp.epochs())
                .earlyStopping(hp.monitor(), hp.patience()).seed(seed ^ RunRecorder.TAPE_SEED_SALT).context(ctx)
                .listener(recorder);
        if (hp.lrStep() > 0) {
            trainer.schedule(new StepLR(adam, hp.lrStep(), hp.lrGamma()));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Epoch epoch = (e, steps) -> {
            double total = 0;
            int seen = 0;
            for (int[] ids : batchesOfEpoch(train, hp, rng)) {
                int[] y = gather(trainLabels, ids);
                Batch b = batches.of(ids);
                total += steps.step(tape -> tape.crossEntropy(net.forward(tape, b.batch(), b.x()), y, null))
                        * ids.length;
                seen += ids.length;
            }
            return total / seen;
        };
        Evaluation evaluation = new FoldEvaluation(net, batches, trainLabels, trueLabels, train, val, test);
        TrainingResult trained = trainer.build().fit(net, epoch, evaluation);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_acc", trained.best("test_acc"));
        metrics.put("val_acc", trained.best("val_acc"));
        return recorder.result(data.name(), protocol, fold, seed, trained, metrics);
    }

    /**
     * The graph ids of one epoch's mini-batches: a pass over the shuffled training graphs, or {@code batchesPerEpoch}
     * uniform random samples of {@code batchSize} of them.
     */
    private static List<int[]> batchesOfEpoch(int[] train, HyperParameters hp, RandomGenerator rng) {
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

    /** A collated mini-batch: the block-diagonal graph and its concatenated node features. */
    private record Batch(GraphBatch batch, Tensor x) {
    }

    /** Collates graphs of the dataset into batches; the fixed evaluation sets are collated once. */
    private static final class Batches {
        private final GraphDataset data;
        private final Map<int[], Batch> fixed = new IdentityHashMap<>();

        Batches(GraphDataset data) {
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

        /** The batch of a fixed evaluation set, collated on first use. */
        Batch cached(int[] ids) {
            return fixed.computeIfAbsent(ids, this::of);
        }
    }

    /**
     * Scores a fold after each epoch: training accuracy against the labels trained on, validation loss and accuracy
     * against the true labels, and test accuracy at the best epoch (from the validation logits when, as in fold-mean
     * selection, the test fold is the evaluation set).
     */
    private static final class FoldEvaluation implements Evaluation {
        private final PerLayerReadoutNetwork net;
        private final Batches batches;
        private final int[] train, val, test;
        private final int[] trainSeen, valTrue, testTrue;
        private final int classes;
        private float[] valLogits;

        FoldEvaluation(PerLayerReadoutNetwork net, Batches batches, int[] trainLabels, int[] trueLabels, int[] train,
                       int[] val, int[] test) {
            this.net = net;
            this.batches = batches;
            this.train = train;
            this.val = val;
            this.test = test;
            this.trainSeen = gather(trainLabels, train);
            this.valTrue = gather(trueLabels, val);
            this.testTrue = gather(trueLabels, test);
            this.classes = batches.data.numClasses();
        }

        private float[] logits(Tape tape, int[] graphs) {
            Batch b = batches.cached(graphs);
            float[] out = net.forward(tape, b.batch(), b.x()).toFloatArray();
            tape.reset();   // its buffers serve the next set
            return out;
        }

        @Override
        public Map<String, Double> validate(Tape noGrad) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train_acc", Metrics.accuracy(logits(noGrad, train), classes, trainSeen, identity(train.length)));
            valLogits = logits(noGrad, val);
            m.put("val_loss", Metrics.crossEntropy(valLogits, classes, valTrue, identity(val.length)));
            m.put("val_acc", Metrics.accuracy(valLogits, classes, valTrue, identity(val.length)));
            return m;
        }

        @Override
        public Map<String, Double> atBest(Tape noGrad) {
            float[] tl = test == val ? valLogits : logits(noGrad, test);
            return Map.of("test_acc", Metrics.accuracy(tl, classes, testTrue, identity(test.length)));
        }
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static int[] gather(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
