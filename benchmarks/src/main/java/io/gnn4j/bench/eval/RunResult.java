package io.gnn4j.bench.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one run (one seed or one fold) of one model on one dataset: its named metrics (fractions in [0, 1],
 * e.g. {@code test_acc} measured at the best validation epoch, {@code val_acc}, {@code test_auc},
 * {@code test_hits@50}), the best epoch, the number of epochs run, mean wall time per epoch, the process's peak
 * memory during the run and the curves.
 *
 * @param run            index of the seed or fold, from 0
 * @param seed           the seed this run used
 * @param metrics        metric name → value, in display order
 * @param peakMemory     bytes, or −1 when unknown
 */
public record RunResult(String dataset, String model, String protocol, int run, long seed, Map<String, Double> metrics,
                        int bestEpoch, int epochs, double secondsPerEpoch, long peakMemory, TrainingHistory history) {
    public RunResult {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The value of {@code metric}, NaN when absent. */
    public double metric(String metric) {
        Double v = metrics.get(metric);
        return v == null ? Double.NaN : v;
    }
}
