package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * A multi-layer perceptron {@code Linear → [BatchNorm] → act → dropout → … → Linear} over widths {@code dims[0] →
 * … → dims[L]}; the optional batch normalisation, the activation and dropout apply between layers, not after the
 * last (GIN's MLPs, Xu et al. 2019, normalise every hidden layer: {@code new MLP(Activation.RELU, 0f, true, f, h,
 * h)}). It ignores the graph, so it can sit in a {@link Sequential} or serve as GIN's h_Θ. Parameters are named
 * {@code "0.weight"}, {@code "0.bias"}, {@code "norm0.weight"}, … Shapes: N×dims[0] → N×dims[L].
 */
public final class MLP extends GraphModule implements DroppedInputModule {
    private final Linear[] layers;
    private final BatchNorm[] norms;
    private final Activation activation;
    private final float dropout;
    private final int[] dims;

    /** ReLU MLP without dropout, e.g. {@code new MLP(16, 32, 32)}. */
    public MLP(int... dims) {
        this(Activation.RELU, 0f, dims);
    }

    /** An MLP with the given activation and dropout probability between layers. */
    public MLP(Activation activation, float dropout, int... dims) {
        this(activation, dropout, false, dims);
    }

    /**
     * An MLP with the given activation and dropout probability between layers and, when {@code batchNorm}, a
     * {@link BatchNorm} (ε 1e-5, momentum 0.1) after every hidden linear layer, before the activation.
     */
    public MLP(Activation activation, float dropout, boolean batchNorm, int... dims) {
        if (dims.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least 2 widths, got " + dims.length);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.dims = dims.clone();
        this.activation = activation;
        this.dropout = dropout;
        this.layers = new Linear[dims.length - 1];
        this.norms = batchNorm ? new BatchNorm[layers.length - 1] : null;
        for (int i = 0; i < layers.length; i++) {
            layers[i] = addModule(Integer.toString(i), new Linear(dims[i], dims[i + 1]));
            if (norms != null && i + 1 < layers.length) {
                norms[i] = addModule("norm" + i, new BatchNorm(dims[i + 1]));
            }
        }
    }

    /** The MLP on x alone. */
    public Tensor forward(Tape tape, Tensor x) {
        return forwardAfter(tape, null, x, Activation.IDENTITY, 0f, false);
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        return forward(tape, x);
    }

    /**
     * The MLP on {@code dropout(activation(x), p, training)}; each layer after the first takes its input through
     * the MLP's own activation and dropout in the same fused product, so no layer's dropped input is stored.
     */
    @Override
    public Tensor forwardAfter(Tape tape, Graph graph, Tensor x, Activation inputActivation, float p,
                               boolean training) {
        Tensor h = inputActivation.applyDropoutThenLinear(tape, x, p, training, layers[0].weight(), layers[0].bias());
        for (int i = 1; i < layers.length; i++) {
            if (norms != null) {
                h = norms[i - 1].forward(tape, h);
            }
            h = activation.applyDropoutThenLinear(tape, h, dropout, isTraining(), layers[i].weight(),
                    layers[i].bias());
        }
        return h;
    }

    @Override
    public String toString() {
        return "MLP" + java.util.Arrays.toString(dims) + (norms != null ? "+BatchNorm" : "");
    }
}
