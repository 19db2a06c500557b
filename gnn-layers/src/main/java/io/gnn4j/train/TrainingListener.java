package io.gnn4j.train;

/** Observes training epoch by epoch: progress bars, logging, curves, memory sampling. */
@FunctionalInterface
public interface TrainingListener {
    /** Called after each epoch's evaluation, before the early-stopping decision ends the run. */
    void onEpoch(EpochRecord record);
}
