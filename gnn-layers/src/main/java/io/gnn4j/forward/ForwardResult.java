package io.gnn4j.forward;

import io.gnn4j.train.TrainingResult;
import java.util.List;

/**
 * What {@link LocalTrainer#fit} returns.
 *
 * @param layers        each layer's training, in order; layer i's {@code test_acc} is the accuracy of the stack of
 *                      layers 0..i at that layer's best validation epoch (the layers above do not change it). The
 *                      {@link TopDownTrainer}'s layers train together: one record, the whole stack's
 * @param peakLiveBytes the largest activation memory held while training any one layer: the training tape's peak
 *                      {@link io.gnn4j.nn.Tape#liveBytes() live bytes} plus the detached inputs and accumulated
 *                      scores (top-down: the states) kept between layers
 */
public record ForwardResult(List<TrainingResult> layers, long peakLiveBytes) {
    public ForwardResult {
        layers = List.copyOf(layers);
    }

    /** The test accuracy of the first {@code depth} layers (1 ≤ depth ≤ number of layers). */
    public double testAccuracy(int depth) {
        if (depth < 1 || depth > layers.size()) {
            throw new IllegalArgumentException("depth must be in 1.." + layers.size() + ", got " + depth);
        }
        return layers.get(depth - 1).best("test_acc");
    }

    /** The test accuracy of the whole stack. */
    public double testAccuracy() {
        return testAccuracy(layers.size());
    }
}
