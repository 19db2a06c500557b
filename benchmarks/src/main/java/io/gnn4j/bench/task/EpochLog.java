package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.EarlyStopping;
import io.gnn4j.bench.eval.PeakMemory;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.eval.TrainingHistory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bookkeeping every classification run shares, epoch after epoch: the curves, early stopping, peak memory, the
 * progress line, the guard against a diverging loss, and finally the {@link RunResult} whose {@code test_acc} is
 * the test accuracy at the best validation epoch.
 */
final class EpochLog {
    private final String modelName;
    private final String dataset;
    private final String runLabel;
    private final PeakMemory memory = PeakMemory.start();
    private final EarlyStopping stop;
    private final TrainingHistory history = new TrainingHistory();
    private double bestTest = Double.NaN;
    private double bestVal = Double.NaN;

    /** @param runLabel e.g. "run 3" or "fold 7", for messages */
    EpochLog(String modelName, String dataset, String runLabel, HyperParameters hp) {
        this.modelName = modelName;
        this.dataset = dataset;
        this.runLabel = runLabel;
        this.stop = new EarlyStopping(hp.monitor(), hp.patience());
    }

    /**
     * Records one epoch; returns whether it is the new best validation epoch, in which case the caller reports the
     * test accuracy of this epoch with {@link #bestTest}.
     *
     * @throws ArithmeticException when the training loss is no longer finite
     */
    boolean epoch(int epoch, double loss, double trainAcc, double valLoss, double valAcc, double seconds,
                  Progress progress) {
        history.add(loss, trainAcc, valLoss, valAcc, seconds);
        boolean best = stop.observe(epoch, valLoss, valAcc);
        if (best) {
            bestVal = valAcc;
        }
        memory.sample();
        progress.step(String.format(java.util.Locale.ROOT, "%s %s: loss %.3f val %.3f", modelName, runLabel, loss,
                valAcc));
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException(modelName + " on " + dataset + ", " + runLabel + ": training loss became "
                    + loss + " at epoch " + epoch + " (lower --lr?)");
        }
        return best;
    }

    /** The test accuracy of the epoch {@link #epoch} just declared best. */
    void bestTest(double testAcc) {
        bestTest = testAcc;
    }

    /** Whether early stopping ends the run. */
    boolean shouldStop() {
        return stop.shouldStop();
    }

    /** The run's result, labelled with the given names. */
    RunResult result(String protocol, int run, long seed) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_acc", bestTest);
        metrics.put("val_acc", bestVal);
        return new RunResult(dataset, modelName, protocol, run, seed, metrics, stop.bestEpoch(), history.epochs(),
                history.meanSecondsPerEpoch(), memory.peakBytes(), history);
    }
}
