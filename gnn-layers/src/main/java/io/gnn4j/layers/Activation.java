package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/** Elementwise non-linearities, usable between layers of a {@link Sequential} or inside an {@link MLP}. */
public enum Activation {
    /** max(x, 0). */
    RELU,
    /** LeakyReLU with slope 0.2 (GAT's). */
    LEAKY_RELU,
    /** ELU with α = 1 (the GAT paper's hidden activation). */
    ELU,
    /** SELU (Self-Normalizing Networks). */
    SELU,
    /** tanh. */
    TANH,
    /** logistic sigmoid. */
    SIGMOID,
    /** the identity. */
    IDENTITY;

    /** LeakyReLU's negative slope. */
    private static final float LEAKY_SLOPE = 0.2f;

    /** Applies the activation on the tape. */
    public Tensor apply(Tape tape, Tensor x) {
        return switch (this) {
            case RELU -> tape.relu(x);
            case LEAKY_RELU -> tape.leakyRelu(x, LEAKY_SLOPE);
            case ELU -> tape.elu(x, 1f);
            case SELU -> tape.selu(x);
            case TANH -> tape.tanh(x);
            case SIGMOID -> tape.sigmoid(x);
            case IDENTITY -> x;
        };
    }

    /**
     * {@code dropout(apply(x), p, training)}; for ReLU and LeakyReLU as one operation that does not store the
     * activation's output ({@link Tape#reluDropout}), with the same values and gradients as the two steps.
     */
    public Tensor applyThenDropout(Tape tape, Tensor x, float p, boolean training) {
        return switch (this) {
            case RELU -> tape.reluDropout(x, p, training);
            case LEAKY_RELU -> tape.leakyReluDropout(x, LEAKY_SLOPE, p, training);
            default -> tape.dropout(apply(tape, x), p, training);
        };
    }

    /**
     * {@code linear(dropout(apply(x), p, training), w, b)} (b may be null) with the dropped input never stored: one
     * operation for ReLU, LeakyReLU and the identity ({@link Tape#leakyReluDropoutThenLinear}, {@link
     * Tape#dropoutThenLinear}), otherwise the activation then the fused dropout and product. The same values and
     * gradients as the three steps (see {@link Tape#dropoutThenLinear} for W's gradient on more than 8,192 rows).
     */
    public Tensor applyDropoutThenLinear(Tape tape, Tensor x, float p, boolean training, Tensor w, Tensor b) {
        return switch (this) {
            case RELU -> tape.leakyReluDropoutThenLinear(x, 0f, p, training, w, b);
            case LEAKY_RELU -> tape.leakyReluDropoutThenLinear(x, LEAKY_SLOPE, p, training, w, b);
            default -> tape.dropoutThenLinear(apply(tape, x), p, training, w, b);
        };
    }

    /** This activation as a parameter-free module. */
    public GraphModule module() {
        return new Layer(this);
    }

    /** An activation as a parameter-free, row-wise module (the graph is not read). */
    public static final class Layer extends GraphModule {
        private final Activation activation;

        private Layer(Activation activation) {
            this.activation = activation;
        }

        /** The activation applied. */
        public Activation activation() {
            return activation;
        }

        @Override
        public Tensor forward(Tape tape, Graph graph, Tensor x) {
            return activation.apply(tape, x);
        }

        @Override
        public String toString() {
            return activation.name();
        }
    }
}
