package io.gnn4j.bench.task;

import io.gnn4j.bench.eval.PeakMemory;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.eval.TrainingHistory;
import io.gnn4j.train.EpochRecord;
import io.gnn4j.train.TrainingListener;
import io.gnn4j.train.TrainingResult;
import java.util.Locale;
import java.util.Map;

/**
 * The harness's listener on a {@link io.gnn4j.train.Trainer} run: the curves (training loss and accuracy, validation
 * loss and the validation score the run is selected on), the peak memory sampled every epoch and the progress line;
 * at the end, the {@link RunResult} with the metrics of the best epoch.
 */
final class RunRecorder implements TrainingListener {
    /** Salt between a run's seed and its training tape's seed, so weights and dropout masks draw different streams. */
    static final long TAPE_SEED_SALT = 0x9E3779B97F4A7C15L;

    private final String modelName;
    private final String runLabel;
    private final String scoreMetric;
    private final Progress progress;
    private final PeakMemory memory = PeakMemory.start();
    private final TrainingHistory history = new TrainingHistory();

    /**
     * @param runLabel    e.g. "run 3" or "fold 7", for the progress line
     * @param scoreMetric the validation metric shown and kept as the curve's validation score ({@code val_acc},
     *                    {@code val_auc})
     */
    RunRecorder(String modelName, String runLabel, String scoreMetric, Progress progress) {
        this.modelName = modelName;
        this.runLabel = runLabel;
        this.scoreMetric = scoreMetric;
        this.progress = progress;
    }

    @Override
    public void onEpoch(EpochRecord r) {
        history.add(r.loss(), r.metric("train_acc"), r.metric("val_loss"), r.metric(scoreMetric), r.seconds());
        memory.sample();
        progress.step(String.format(Locale.ROOT, "%s %s: loss %.3f %s %.3f", modelName, runLabel, r.loss(),
                scoreMetric, r.metric(scoreMetric)));
    }

    /** The run's result: {@code metrics} taken from the best epoch, labelled with the given names. */
    RunResult result(String dataset, String protocol, int run, long seed, TrainingResult trained,
                     Map<String, Double> metrics) {
        return new RunResult(dataset, modelName, protocol, run, seed, metrics, trained.bestEpoch(), history.epochs(),
                history.meanSecondsPerEpoch(), memory.peakBytes(), history);
    }
}
