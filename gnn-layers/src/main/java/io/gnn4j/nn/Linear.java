package io.gnn4j.nn;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code Y = X·W + b} (W is in×out, b is 1×out, optional). Initialised Glorot-uniform with
 * a zero bias by default, or as PyTorch's {@code nn.Linear} ({@link Initialisation#TORCH}) where a port of PyTorch
 * code should start from the same distribution. Shapes: N×in → N×out.
 */
public final class Linear extends Module {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private final Initialisation initialisation;

    /** How {@link #resetParameters} draws W and b. */
    public enum Initialisation {
        /** W Glorot-uniform, b zero (gnn4j's default; PyG's GCN-style layers). */
        GLOROT,
        /** W and b uniform in ±1/√in: PyTorch's {@code nn.Linear} default (kaiming_uniform_, a = √5). */
        TORCH
    }

    /** A linear layer with a bias. */
    public Linear(int in, int out) {
        this(in, out, true);
    }

    /** A linear layer, with or without a bias. */
    public Linear(int in, int out, boolean bias) {
        this(in, out, bias, Initialisation.GLOROT);
    }

    /** A linear layer, with or without a bias, initialised as {@code initialisation} says. */
    public Linear(int in, int out, boolean bias, Initialisation initialisation) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("in and out must be >= 1, got " + in + " and " + out);
        }
        this.in = in;
        this.out = out;
        this.weight = addParameter("weight", in, out);
        this.bias = bias ? addParameter("bias", 1, out) : null;
        this.initialisation = Objects.requireNonNull(initialisation, "initialisation");
    }

    @Override
    public void resetParameters(RandomGenerator rng) {
        if (initialisation == Initialisation.TORCH) {
            double bound = 1 / Math.sqrt(in);
            Init.uniform(weight, bound, rng);
            if (bias != null) {
                Init.uniform(bias, bound, rng);
            }
            return;
        }
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
