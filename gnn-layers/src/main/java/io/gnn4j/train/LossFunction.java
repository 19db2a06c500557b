package io.gnn4j.train;

import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/** One optimisation step's forward pass: records the model and its loss on {@code tape} and returns the 1×1 loss. */
@FunctionalInterface
public interface LossFunction {
    /** The step's scalar loss, recorded on {@code tape}. */
    Tensor loss(Tape tape);
}
