package io.gnn4j.nn;

import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code Y = X·W + b} (W is in×out, Glorot-uniform initialised; b is 1×out, zero
 * initialised, optional). Shapes: N×in → N×out.
 */
public final class Linear extends Module {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    /** A linear layer with a bias. */
    public Linear(int in, int out) {
        this(in, out, true);
    }

    /** A linear layer, with or without a bias. */
    public Linear(int in, int out, boolean bias) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("in and out must be >= 1, got " + in + " and " + out);
        }
        this.in = in;
        this.out = out;
        this.weight = addParameter("weight", in, out);
        this.bias = bias ? addParameter("bias", 1, out) : null;
    }

    @Override
    public void resetParameters(RandomGenerator rng) {
        Init.glorotUniform(weight, rng);
        if (bias != null) {
            Init.zeros(bias);
        }
    }

    /** {@code X·W + b}. */
    public Tensor forward(Tape tape, Tensor x) {
        return tape.linear(x, weight, bias);
    }

    /** The in×out weight. */
    public Parameter weight() {
        return weight;
    }

    /** The 1×out bias, or {@code null}. */
    public Parameter bias() {
        return bias;
    }

    /** Input width. */
    public int in() {
        return in;
    }

    /** Output width. */
    public int out() {
        return out;
    }

    @Override
    public String toString() {
        return "Linear(" + in + ", " + out + (bias == null ? ", bias=false" : "") + ")";
    }
}
