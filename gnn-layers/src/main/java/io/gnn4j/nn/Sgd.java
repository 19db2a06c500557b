package io.gnn4j.nn;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum and L2 weight decay, as PyTorch's {@code SGD}:
 * {@code g ← ∇ + λw; b ← μb + g (b = g at the first step); w ← w − η·b}.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final double weightDecay;
    private final float[][] buf;

    /** Plain SGD with learning rate η = {@code lr}. */
    public Sgd(List<Parameter> params, double lr) {
        this(params, lr, 0, 0);
    }

    /** SGD with momentum μ ∈ [0, 1) and weight decay λ ≥ 0. */
    public Sgd(List<Parameter> params, double lr, double momentum, double weightDecay) {
        super(params, lr);
        requireUnit("momentum", momentum);
        requireNonNegative("weightDecay", weightDecay);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.buf = momentum > 0 ? zeroStates(params) : null;
    }

    @Override
    protected void update(int index, MemorySegment w, MemorySegment g, long n) {
        float eta = (float) lr, mu = (float) momentum, wd = (float) weightDecay;
        float[] b = buf == null ? null : buf[index];
        for (int i = 0; i < n; i++) {
            float wi = w.getAtIndex(Tensor.F, i);
            float gi = g.getAtIndex(Tensor.F, i) + wd * wi;
            if (b != null) {
                b[i] = steps == 1 ? gi : mu * b[i] + gi;
                gi = b[i];
            }
            w.setAtIndex(Tensor.F, i, wi - eta * gi);
        }
    }

    @Override
    public String toString() {
        return "Sgd(lr=" + lr + ", momentum=" + momentum + ", weightDecay=" + weightDecay + ")";
    }
}
