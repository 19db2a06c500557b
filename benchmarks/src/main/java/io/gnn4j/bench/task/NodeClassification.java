package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Metrics;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.NodeClassifier;
import io.gnn4j.datasets.Split;

/**
 * One node-classification run: up to {@code epochs} full-batch steps on the split's training nodes; after each, the
 * model's logits give training/validation loss and accuracy (computed here, for every model alike); early stopping
 * watches validation, and the reported {@code test_acc} is the test accuracy at the best validation epoch. Time per
 * epoch is the training step alone.
 */
public final class NodeClassification {
    private NodeClassification() {
    }

    /** Runs {@code model} (freshly initialised) and returns its result, labelled with the given names. */
    public static RunResult run(String dataset, String modelName, String protocol, int run, long seed,
                                NodeClassifier model, int[] labels, int numClasses, Split split, HyperParameters hp,
                                Progress progress) {
        if (split.train().length == 0 || split.val().length == 0 || split.test().length == 0) {
            throw new IllegalArgumentException("split " + split.name() + " needs train, validation and test nodes, has "
                    + split.train().length + "/" + split.val().length + "/" + split.test().length);
        }
        EpochLog log = new EpochLog(modelName, dataset, "run " + run, hp);
        for (int epoch = 1; epoch <= hp.epochs(); epoch++) {
            long t0 = System.nanoTime();
            double loss = model.trainStep(split.train(), labels);
            double seconds = (System.nanoTime() - t0) / 1e9;
            float[] logits = model.logits();
            double trainAcc = Metrics.accuracy(logits, numClasses, labels, split.train());
            double valLoss = Metrics.crossEntropy(logits, numClasses, labels, split.val());
            double valAcc = Metrics.accuracy(logits, numClasses, labels, split.val());
            if (log.epoch(epoch, loss, trainAcc, valLoss, valAcc, seconds, progress)) {
                log.bestTest(Metrics.accuracy(logits, numClasses, labels, split.test()));
            }
            if (log.shouldStop()) {
                break;
            }
        }
        return log.result(protocol, run, seed);
    }
}
