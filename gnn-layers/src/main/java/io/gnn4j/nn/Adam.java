package io.gnn4j.nn;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015, arXiv:1412.6980) with optional weight decay, either coupled L2 (added to the gradient,
 * as PyTorch's {@code Adam}) or decoupled (AdamW, Loshchilov &amp; Hutter 2019, arXiv:1711.05101:
 * {@code w ← w − ηλw} before the Adam update; see {@link #adamW}). Moments m, v start at 0 and are bias-corrected:
 * {@code w ← w − η·m̂ / (sqrt(v̂) + ε)}.
 */
public final class Adam extends Optimizer {
    /** Defaults as in PyTorch: β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    private final double beta1, beta2, eps, weightDecay;
    private final boolean decoupled;
    private final float[][] m, v;

    /** Adam with default betas and ε, no weight decay. */
    public Adam(List<Parameter> params, double lr) {
        this(params, lr, BETA1, BETA2, EPS, 0, false);
    }

    /** Adam with coupled L2 weight decay λ (PyG's usual {@code weight_decay=5e-4} for GCN). */
    public Adam(List<Parameter> params, double lr, double weightDecay) {
        this(params, lr, BETA1, BETA2, EPS, weightDecay, false);
    }

    /** Adam with every option; {@code decoupled} selects AdamW's decoupled weight decay. */
    public Adam(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay,
                boolean decoupled) {
        super(params, lr);
        requireUnit("beta1", beta1);
        requireUnit("beta2", beta2);
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be > 0, got " + eps);
        }
        requireNonNegative("weightDecay", weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = zeroStates(params);
        this.v = zeroStates(params);
    }

    /** AdamW: decoupled weight decay λ (PyTorch's default λ = 0.01). */
    public static Adam adamW(List<Parameter> params, double lr, double weightDecay) {
        return new Adam(params, lr, BETA1, BETA2, EPS, weightDecay, true);
    }

    @Override
    protected void update(int index, MemorySegment w, MemorySegment g, long n) {
        float[] mi = m[index], vi = v[index];
        float b1 = (float) beta1, b2 = (float) beta2;
        double c1 = 1 - Math.pow(beta1, steps), c2 = 1 - Math.pow(beta2, steps);
        float stepSize = (float) (lr / c1), sqrtC2 = (float) Math.sqrt(c2), e = (float) eps;
        float l2 = decoupled ? 0f : (float) weightDecay;
        float shrink = decoupled ? (float) (1 - lr * weightDecay) : 1f;
        for (int i = 0; i < n; i++) {
            float wi = w.getAtIndex(Tensor.F, i);
            float gi = g.getAtIndex(Tensor.F, i) + l2 * wi;
            mi[i] = b1 * mi[i] + (1 - b1) * gi;
            vi[i] = b2 * vi[i] + (1 - b2) * gi * gi;
            wi *= shrink;
            w.setAtIndex(Tensor.F, i, wi - stepSize * mi[i] / ((float) Math.sqrt(vi[i]) / sqrtC2 + e));
        }
    }

    @Override
    public String toString() {
        return (decoupled ? "AdamW" : "Adam") + "(lr=" + lr + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps
                + ", weightDecay=" + weightDecay + ")";
    }
}
