package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.EarlyStopping;
import io.gnn4j.bench.eval.Metrics;
import io.gnn4j.bench.eval.PeakMemory;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.eval.TrainingHistory;
import io.gnn4j.bench.models.LinkPredictor;
import io.gnn4j.datasets.split.EdgeSplit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One link-prediction run on a held-out edge split: training steps, then the validation positives and negatives
 * scored each epoch (ROC-AUC, and a binary cross-entropy of the scores as the validation loss); early stopping on
 * validation (accuracy monitor = AUC), and test ROC-AUC and Hits@K at the best validation epoch.
 */
public final class LinkPrediction {
    private LinkPrediction() {
    }

    /** Runs {@code model} (freshly initialised on {@code split.trainGraph()}) and returns its result. */
    public static RunResult run(String dataset, String modelName, String protocol, int run, long seed,
                                LinkPredictor model, EdgeSplit split, int[] hitsK, HyperParameters hp,
                                Progress progress) {
        if (split.valPositive().size() == 0 || split.testPositive().size() == 0) {
            throw new IllegalArgumentException("the edge split needs validation and test edges, has "
                    + split.valPositive().size() + " and " + split.testPositive().size());
        }
        PeakMemory memory = PeakMemory.start();
        EarlyStopping stop = new EarlyStopping(hp.monitor(), hp.patience());
        TrainingHistory history = new TrainingHistory();
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Double> best = new LinkedHashMap<>();
        for (int epoch = 1; epoch <= hp.epochs(); epoch++) {
            long t0 = System.nanoTime();
            double loss = model.trainStep(rng);
            double seconds = (System.nanoTime() - t0) / 1e9;
            float[] vp = model.score(split.valPositive().src(), split.valPositive().dst());
            float[] vn = model.score(split.valNegative().src(), split.valNegative().dst());
            double valAuc = Metrics.rocAuc(vp, vn);
            double valLoss = bce(vp, vn);
            history.add(loss, Double.NaN, valLoss, valAuc, seconds);
            if (stop.observe(epoch, valLoss, valAuc)) {
                float[] tp = model.score(split.testPositive().src(), split.testPositive().dst());
                float[] tn = model.score(split.testNegative().src(), split.testNegative().dst());
                best.clear();
                best.put("test_auc", Metrics.rocAuc(tp, tn));
                for (int k : hitsK) {
                    best.put("test_hits@" + k, Metrics.hitsAtK(tp, tn, k));
                }
                best.put("val_auc", valAuc);
            }
            memory.sample();
            progress.step(String.format(java.util.Locale.ROOT, "%s run %d: loss %.3f val AUC %.3f", modelName, run,
                    loss, valAuc));
            if (!Double.isFinite(loss)) {
                throw new ArithmeticException(modelName + " on " + dataset + ", run " + run + ": training loss became "
                        + loss + " at epoch " + epoch + " (lower --lr?)");
            }
            if (stop.shouldStop()) {
                break;
            }
        }
        return new RunResult(dataset, modelName, protocol, run, seed, best, stop.bestEpoch(), history.epochs(),
                history.meanSecondsPerEpoch(), memory.peakBytes(), history);
    }

    /** Mean binary cross-entropy of sigmoid(score) against 1 for positives and 0 for negatives. */
    static double bce(float[] pos, float[] neg) {
        double s = 0;
        for (float z : pos) {
            s += softplus(-z);
        }
        for (float z : neg) {
            s += softplus(z);
        }
        return s / (pos.length + neg.length);
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
