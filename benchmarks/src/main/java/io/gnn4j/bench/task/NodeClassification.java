package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.EarlyStopping;
import io.gnn4j.bench.eval.Metrics;
import io.gnn4j.bench.eval.PeakMemory;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.eval.TrainingHistory;
import io.gnn4j.bench.models.NodeClassifier;
import io.gnn4j.datasets.Split;
import java.util.LinkedHashMap;
import java.util.Map;

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
        PeakMemory memory = PeakMemory.start();
        EarlyStopping stop = new EarlyStopping(hp.monitor(), hp.patience());
        TrainingHistory history = new TrainingHistory();
        double bestTest = Double.NaN, bestVal = Double.NaN;
        for (int epoch = 1; epoch <= hp.epochs(); epoch++) {
            long t0 = System.nanoTime();
            double loss = model.trainStep(split.train(), labels);
            double seconds = (System.nanoTime() - t0) / 1e9;
            float[] logits = model.logits();
            double trainAcc = Metrics.accuracy(logits, numClasses, labels, split.train());
            double valLoss = Metrics.crossEntropy(logits, numClasses, labels, split.val());
            double valAcc = Metrics.accuracy(logits, numClasses, labels, split.val());
            history.add(loss, trainAcc, valLoss, valAcc, seconds);
            if (stop.observe(epoch, valLoss, valAcc)) {
                bestVal = valAcc;
                bestTest = Metrics.accuracy(logits, numClasses, labels, split.test());
            }
            memory.sample();
            progress.step(String.format(java.util.Locale.ROOT, "%s run %d: loss %.3f val %.3f", modelName, run, loss,
                    valAcc));
            if (!Double.isFinite(loss)) {
                throw new ArithmeticException(modelName + " on " + dataset + ", run " + run + ": training loss became "
                        + loss + " at epoch " + epoch + " (lower --lr?)");
            }
            if (stop.shouldStop()) {
                break;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_acc", bestTest);
        metrics.put("val_acc", bestVal);
        return new RunResult(dataset, modelName, protocol, run, seed, metrics, stop.bestEpoch(), history.epochs(),
                history.meanSecondsPerEpoch(), memory.peakBytes(), history);
    }
}
