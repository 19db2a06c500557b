package io.gnn4j.nn;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Updates parameters from their accumulated gradients: {@link #step()} applies one update, {@link #zeroGrad()}
 * clears the gradients for the next one. The learning rate may be changed between steps (see {@link StepLR}).
 */
public abstract class Optimizer {
    protected final List<Parameter> params;
    protected double lr;
    protected long steps;

    protected Optimizer(List<Parameter> params, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
        }
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    /** Applies one update to every parameter. */
    public final void step() {
        steps++;
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            update(i, p.data, p.gradData, p.size());
        }
    }

    /** Updates parameter number {@code index} (value {@code w}, gradient {@code g}, n elements) in place. */
    protected abstract void update(int index, MemorySegment w, MemorySegment g, long n);

    /** Sets every parameter's gradient to zero. */
    public void zeroGrad() {
        for (Parameter p : params) {
            p.zeroGrad();
        }
    }

    /** The current learning rate. */
    public double learningRate() {
        return lr;
    }

    /** Sets the learning rate for the following steps. */
    public void setLearningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
        }
        this.lr = lr;
    }

    /** Number of steps taken. */
    public long steps() {
        return steps;
    }

    /** The parameters this optimiser updates. */
    public List<Parameter> parameters() {
        return params;
    }

    static float[][] zeroStates(List<Parameter> params) {
        float[][] s = new float[params.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new float[Math.toIntExact(params.get(i).size())];
        }
        return s;
    }

    static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
        }
    }

    static void requireUnit(String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + v);
        }
    }
}
