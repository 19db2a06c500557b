package io.gnn4j.train;

import io.gnn4j.nn.Optimizer;
import java.util.List;

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
    interface Steps {
        /**
         * Clears the gradients, records {@code loss} on the training tape, back-propagates, clips, updates the
         * parameters and recycles the tape; returns the step's loss value.
         *
         * @throws NonFiniteException when the loss or a gradient is NaN or infinite (before any parameter changes)
         */
        double step(LossFunction loss);

        /**
         * The same step for part of the model: only {@code optimizers} (some of the trainer's) clear, clip and apply
         * their gradients; {@code loss} must depend on no other trained parameter. Layer-local training takes one
         * such step per layer, each on its own tape recording, so one layer's activations are freed before the
         * next layer's are recorded.
         *
         * @throws IllegalArgumentException when an optimiser is not one of the trainer's
         */
        double step(LossFunction loss, List<? extends Optimizer> optimizers);
    }

    /** The epoch of full-batch training: a single step on {@code loss}. */
    static Epoch fullBatch(LossFunction loss) {
        return (epoch, steps) -> steps.step(loss);
    }
}
