package io.gnn4j.train;

/**
 * What one training epoch consists of: the steps it asks the {@link Trainer} to take, one {@link LossFunction} per
 * (mini-)batch, and the epoch's training loss it reports. A full-batch epoch is one step
 * ({@link #fullBatch(LossFunction)}); a mini-batch epoch draws its batches, e.g. from a seeded random stream, and
 * averages the step losses.
 */
@FunctionalInterface
public interface Epoch {
    /** Takes the epoch's steps through {@code steps}; returns the epoch's training loss. */
    double run(int epoch, Steps steps);

    /** The optimisation step the {@link Trainer} takes on behalf of an {@link Epoch}. */
    @FunctionalInterface
    interface Steps {
        /**
         * Clears the gradients, records {@code loss} on the training tape, back-propagates, clips, updates the
         * parameters and recycles the tape; returns the step's loss value.
         *
         * @throws NonFiniteException when the loss or a gradient is NaN or infinite (before any parameter changes)
         */
        double step(LossFunction loss);
    }

    /** The epoch of full-batch training: a single step on {@code loss}. */
    static Epoch fullBatch(LossFunction loss) {
        return (epoch, steps) -> steps.step(loss);
    }
}
