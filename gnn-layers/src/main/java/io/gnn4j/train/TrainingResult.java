package io.gnn4j.train;

import java.util.List;
import java.util.Map;

/**
 * What {@link Trainer#fit} returns.
 *
 * @param bestEpoch   the epoch early stopping judged best (from 1)
 * @param bestMetrics the validation metrics of that epoch together with its {@link Evaluation#atBest} metrics
 * @param epochs      every epoch run, in order
 */
public record TrainingResult(int bestEpoch, Map<String, Double> bestMetrics, List<EpochRecord> epochs) {
    /** The best epoch's metric {@code name}, or NaN when it was not computed. */
    public double best(String name) {
        return bestMetrics.getOrDefault(name, Double.NaN);
    }
}
