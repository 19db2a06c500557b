package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.layers.GraphContrastiveLoss;
import io.gnn4j.layers.GraphLevelModule;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.EarlyStopping;
import io.gnn4j.train.Epoch;
import io.gnn4j.train.Evaluation;
import io.gnn4j.train.Metrics;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One fold of graph classification, trained by the {@link Trainer}: mini-batch Adam epochs on the fold's training
 * graphs (with the scenario's labels, possibly noisy) and a step learning-rate decay, evaluation of validation and test
 * graphs with their true labels, early stopping on validation and {@code test_acc} at the best validation epoch. Epochs
 * are batched as {@link GraphMiniBatches} says. With {@link ContrastiveSettings} on, the network is first pre-trained
 * on the NT-Xent of two augmented views ({@link GraphContrastiveLoss}) over the unlabelled pool, and/or each
 * mini-batch's task loss also carries the weighted NT-Xent; the projection head trains with the network.
 */
public final class GraphClassification {
    private static final long CONTRASTIVE_SALT = 0x636f6e7472617374L;
    private static final long PRETRAIN_SALT = 0x7072657472616e69L;
    private static final String PRETRAIN_LOSS = "contrastive_loss";

    private GraphClassification() {
    }

    /**
     * One fold as below, with the training graphs themselves as the contrastive pre-training pool.
     */
    public static RunResult run(String modelName, String protocol, int fold, long seed, GraphLevelModule net,
                                GraphDataset data, int[] trainLabels, int[] trueLabels, int[] train, int[] val,
                                int[] test, HyperParameters hp, ContrastiveSettings contrastive, ExecutionContext ctx,
                                Progress progress) {
        return run(modelName, protocol, fold, seed, net, data, trainLabels, trueLabels, train, train, val, test, hp,
                contrastive, ctx, progress);
    }

    /**
     * @param trainLabels labels the model trains on (noisy in the noisy-label scenario)
     * @param trueLabels  labels validation and test are scored against
     * @param unlabeled   the graphs contrastive pre-training may use, labels unused (the fold's training part before
     *                    a scenario subsampled it)
     */
    public static RunResult run(String modelName, String protocol, int fold, long seed, GraphLevelModule net,
                                GraphDataset data, int[] trainLabels, int[] trueLabels, int[] unlabeled, int[] train,
                                int[] val, int[] test, HyperParameters hp, ContrastiveSettings contrastive, ExecutionContext ctx,
                                Progress progress) {
        GraphMiniBatches batches = new GraphMiniBatches(data, "fold " + fold, train, val, test);
        RunRecorder recorder = new RunRecorder(modelName, "fold " + fold, "val_acc", progress);
        List<Parameter> parameters = new ArrayList<>(net.parameters());
        GraphContrastiveLoss cl = null;
        if (contrastive.enabled()) {
            cl = contrastive.objective(net, hp.hidden());
            cl.resetParameters(new SplittableRandom(seed ^ CONTRASTIVE_SALT));
            parameters.addAll(cl.parameters());
            if (contrastive.pretraining()) {
                pretrain(net, cl, batches, unlabeled, hp, contrastive.pretrainEpochs(), seed, ctx);
            }
        }
        GraphContrastiveLoss objective = contrastive.auxiliary() ? cl : null;
        // the views draw from their own stream, so a run with the objective sees the same mini-batches as one without
        SplittableRandom viewRng = new SplittableRandom(seed ^ CONTRASTIVE_SALT ^ 1);
        Adam adam = new Adam(parameters, hp.lr(), hp.weightDecay());
        Trainer.Builder trainer = GraphMiniBatches.trainer(adam, hp, hp.monitor(), seed, ctx, recorder);
        SplittableRandom rng = new SplittableRandom(seed);
        Epoch epoch = (e, steps) -> {
            double total = 0;
            int seen = 0;
            for (int[] ids : GraphMiniBatches.ofEpoch(train, hp, rng)) {
                int[] y = GraphMiniBatches.gather(trainLabels, ids);
                GraphMiniBatches.Batch b = batches.of(ids);
                total += steps.step(tape -> {
                    Tensor loss = tape.crossEntropy(net.forward(tape, b.batch(), b.x()), y, null);
                    if (objective == null || ids.length < 2) { // NT-Xent needs another graph as a negative
                        return loss;
                    }
                    Tensor aux = objective.loss(tape, net, b.batch(), b.x(), viewRng);
                    return tape.add(loss, tape.scale(aux, (float) contrastive.weight()));
                }) * ids.length;
                seen += ids.length;
            }
            return total / seen;
        };
        Evaluation evaluation = new FoldEvaluation(net, batches, data.numClasses(), trainLabels, trueLabels, train, val,
                test);
        TrainingResult trained = trainer.build().fit(net, epoch, evaluation);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_acc", trained.best("test_acc"));
        metrics.put("val_acc", trained.best("val_acc"));
        return recorder.result(data.name(), protocol, fold, seed, trained, metrics);
    }

    /**
     * GraphCL's pre-training: {@code epochs} passes of mini-batch Adam over {@code pool} on the NT-Xent of two views
     * alone (no labels), updating the network and the projection head. Its batches and views draw from their own
     * streams, so the task's training afterwards sees the same batches as without it. Returns the pre-training's
     * history (its per-epoch loss).
     */
    static TrainingResult pretrain(GraphLevelModule net, GraphContrastiveLoss objective, GraphMiniBatches batches,
                                   int[] pool, HyperParameters hp, int epochs, long seed, ExecutionContext ctx) {
        if (pool.length < 2) {
            throw new IllegalArgumentException("contrastive pre-training needs at least 2 graphs (one negative), the "
                    + "pool has " + pool.length);
        }
        List<Parameter> parameters = new ArrayList<>(net.parameters());
        parameters.addAll(objective.parameters());
        SplittableRandom order = new SplittableRandom(seed ^ PRETRAIN_SALT);
        SplittableRandom views = new SplittableRandom(seed ^ PRETRAIN_SALT ^ 1);
        double[] epochLoss = {Double.NaN};
        Epoch epoch = (e, steps) -> {
            double total = 0;
            int seen = 0;
            for (int[] ids : GraphMiniBatches.ofEpoch(pool, hp, order)) {
                if (ids.length < 2) {
                    continue;
                }
                GraphMiniBatches.Batch b = batches.of(ids);
                total += steps.step(tape -> objective.loss(tape, net, b.batch(), b.x(), views)) * ids.length;
                seen += ids.length;
            }
            epochLoss[0] = total / seen;
            return epochLoss[0];
        };
        return Trainer.builder().optimizer(new Adam(parameters, hp.lr(), hp.weightDecay())).epochs(epochs)
                .earlyStopping(EarlyStopping.Monitor.minimize(PRETRAIN_LOSS), 0).seed(seed ^ PRETRAIN_SALT)
                .context(ctx).build().fit(net, epoch, noGrad -> Map.of(PRETRAIN_LOSS, epochLoss[0]));
    }

    /**
     * Scores a fold after each epoch: training accuracy against the labels trained on, validation loss and accuracy
     * against the true labels, and test accuracy at the best epoch (from the validation logits when, as in fold-mean
     * selection, the test fold is the evaluation set).
     */
    private static final class FoldEvaluation implements Evaluation {
        private final GraphLevelModule net;
        private final GraphMiniBatches batches;
        private final int[] train, val, test;
        private final int[] trainSeen, valTrue, testTrue;
        private final int classes;
        private float[] valLogits;

        FoldEvaluation(GraphLevelModule net, GraphMiniBatches batches, int classes, int[] trainLabels, int[] trueLabels,
                       int[] train, int[] val, int[] test) {
            this.net = net;
            this.batches = batches;
            this.train = train;
            this.val = val;
            this.test = test;
            this.trainSeen = GraphMiniBatches.gather(trainLabels, train);
            this.valTrue = GraphMiniBatches.gather(trueLabels, val);
            this.testTrue = GraphMiniBatches.gather(trueLabels, test);
            this.classes = classes;
        }

        private float[] logits(Tape tape, int[] graphs) {
            return batches.outputs(net, tape, graphs);
        }

        @Override
        public Map<String, Double> validate(Tape noGrad) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train_acc", Metrics.accuracy(logits(noGrad, train), classes, trainSeen, GraphMiniBatches.identity(train.length)));
            valLogits = logits(noGrad, val);
            m.put("val_loss", Metrics.crossEntropy(valLogits, classes, valTrue, GraphMiniBatches.identity(val.length)));
            m.put("val_acc", Metrics.accuracy(valLogits, classes, valTrue, GraphMiniBatches.identity(val.length)));
            return m;
        }

        @Override
        public Map<String, Double> atBest(Tape noGrad) {
            float[] tl = test == val ? valLogits : logits(noGrad, test);
            return Map.of("test_acc", Metrics.accuracy(tl, classes, testTrue, GraphMiniBatches.identity(test.length)));
        }
    }
}
