package io.gnn4j.train;

/**
 * Thrown by the {@link Trainer}'s guard when a loss or a gradient stops being finite: the message names the epoch, the
 * step within it and the tensor (the loss, or the parameter whose gradient holds the first NaN/Inf), and no parameter
 * has been updated with it.
 */
public final class NonFiniteException extends ArithmeticException {
    /** @param message what became non-finite, and where */
    public NonFiniteException(String message) {
        super(message);
    }
}
