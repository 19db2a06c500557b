package io.gnn4j.layers;

import java.util.Arrays;

/**
 * Options of {@link DGMLP}: the propagation depth and normalisation (the paper's smoothing depth D_p and r), and the
 * shape of the MLP that follows (the transformation depth D_t as hidden widths, its activation, the dropout on the
 * combined features and between layers). Defaults of the authors' Cora run: {@link #of(int)} with 20 hops, r = ½, no
 * hidden layer (the MLP is logistic regression), input dropout 0.2.
 *
 * @param hops         K ≥ 0: the propagated features Â⁰X … Â^K X are combined
 * @param r            exponent of the normalisation {@code Â = D̃^{r−1} Ã D̃^{−r}} (½ symmetric, 0 random walk)
 * @param hidden       hidden widths of the MLP, each ≥ 1 (empty: one linear layer); copied
 * @param activation   the MLP's activation between layers
 * @param inputDropout drop probability on the combined features, in [0, 1)
 * @param dropout      drop probability between the MLP's layers, in [0, 1)
 */
public record DGMLPParameters(int hops, double r, int[] hidden, Activation activation, float inputDropout,
                              float dropout) {
    /** Validates the ranges and copies {@code hidden}. */
    public DGMLPParameters {
        if (hops < 0) {
            throw new IllegalArgumentException("hops must be >= 0, got " + hops);
        }
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("r must be finite, got " + r);
        }
        hidden = hidden.clone();
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("hidden[" + i + "] must be >= 1, got " + hidden[i]);
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        if (!(inputDropout >= 0 && inputDropout < 1)) {
            throw new IllegalArgumentException("inputDropout must be in [0, 1), got " + inputDropout);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** K hops, r = ½, a single linear layer (ReLU and dropout 0.5 apply once hidden layers are added), input dropout 0.2. */
    public static DGMLPParameters of(int hops) {
        return new DGMLPParameters(hops, 0.5, new int[0], Activation.RELU, 0.2f, 0.5f);
    }

    /** The hidden widths; a copy. */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** The same options with normalisation exponent r. */
    public DGMLPParameters withR(double r) {
        return new DGMLPParameters(hops, r, hidden, activation, inputDropout, dropout);
    }

    /** The same options with these hidden widths. */
    public DGMLPParameters withHidden(int... widths) {
        return new DGMLPParameters(hops, r, widths, activation, inputDropout, dropout);
    }

    /** The same options with this activation between the MLP's layers. */
    public DGMLPParameters withActivation(Activation a) {
        return new DGMLPParameters(hops, r, hidden, a, inputDropout, dropout);
    }

    /** The same options with this dropout on the combined features. */
    public DGMLPParameters withInputDropout(float p) {
        return new DGMLPParameters(hops, r, hidden, activation, p, dropout);
    }

    /** The same options with this dropout between the MLP's layers. */
    public DGMLPParameters withDropout(float p) {
        return new DGMLPParameters(hops, r, hidden, activation, inputDropout, p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DGMLPParameters p && hops == p.hops && Double.compare(r, p.r) == 0
                && Arrays.equals(hidden, p.hidden) && activation == p.activation
                && Float.compare(inputDropout, p.inputDropout) == 0 && Float.compare(dropout, p.dropout) == 0;
    }

    @Override
    public int hashCode() {
        return ((Integer.hashCode(hops) * 31 + Double.hashCode(r)) * 31 + Arrays.hashCode(hidden)) * 31
                + activation.hashCode() * 7 + Float.hashCode(inputDropout) * 3 + Float.hashCode(dropout);
    }

    @Override
    public String toString() {
        return "DGMLPParameters[hops=" + hops + ", r=" + r + ", hidden=" + Arrays.toString(hidden) + ", activation="
                + activation + ", inputDropout=" + inputDropout + ", dropout=" + dropout + "]";
    }
}
