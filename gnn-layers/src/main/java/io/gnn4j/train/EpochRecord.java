package io.gnn4j.train;

import java.util.Map;

/**
 * One finished epoch as the {@link Trainer} reports it to its {@link TrainingListener}s.
 *
 * @param epoch   the epoch number, from 1
 * @param loss    the training loss the {@link Epoch} reported
 * @param metrics the {@link Evaluation#validate validation} metrics of this epoch
 * @param seconds wall time of the training part of the epoch (evaluation excluded)
 * @param best    whether this epoch is the best one so far
 */
public record EpochRecord(int epoch, double loss, Map<String, Double> metrics, double seconds, boolean best) {
    /** The metric {@code name}, or NaN when the evaluation did not give it. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }
}
