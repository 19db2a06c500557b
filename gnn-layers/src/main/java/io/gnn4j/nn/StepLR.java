package io.gnn4j.nn;

/**
 * Step learning-rate schedule: after every {@code stepSize} calls of {@link #step()} (one per epoch) the learning
 * rate is multiplied by γ, i.e. {@code η_t = η₀·γ^⌊t / stepSize⌋}, as PyTorch's {@code StepLR}.
 */
public final class StepLR {
    private final Optimizer optimizer;
    private final int stepSize;
    private final double gamma;
    private final double baseLr;
    private long epoch;

    /** A schedule starting from the optimiser's current learning rate. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        if (stepSize < 1) {
            throw new IllegalArgumentException("stepSize must be >= 1, got " + stepSize);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        }
        this.optimizer = optimizer;
        this.stepSize = stepSize;
        this.gamma = gamma;
        this.baseLr = optimizer.learningRate();
    }

    /** Ends an epoch and sets the optimiser's learning rate for the next one; returns it. */
    public double step() {
        epoch++;
        double lr = baseLr * Math.pow(gamma, epoch / stepSize);
        optimizer.setLearningRate(lr);
        return lr;
    }
}
