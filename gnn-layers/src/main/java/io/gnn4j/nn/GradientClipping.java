package io.gnn4j.nn;

import java.lang.foreign.MemorySegment;
import java.util.List;

/** Gradient clipping applied between {@link Tape#backward} and {@link Optimizer#step()}. */
public final class GradientClipping {
    private GradientClipping() {}

    /**
     * Scales all gradients together so that their global L2 norm is at most {@code maxNorm} (factor
     * {@code maxNorm / (norm + 1e-6)} when norm &gt; maxNorm, as PyTorch's {@code clip_grad_norm_}); returns the norm
     * before clipping.
     */
    public static double clipNorm(List<Parameter> params, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
        }
        double sq = 0;
        for (Parameter p : params) {
            MemorySegment g = p.gradData;
            for (long i = 0; i < p.size(); i++) {
                double v = g.getAtIndex(Tensor.F, i);
                sq += v * v;
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > maxNorm) {
            float s = (float) (maxNorm / (norm + 1e-6));
            for (Parameter p : params) {
                MemorySegment g = p.gradData;
                for (long i = 0; i < p.size(); i++) {
                    g.setAtIndex(Tensor.F, i, s * g.getAtIndex(Tensor.F, i));
                }
            }
        }
        return norm;
    }

    /** Clamps every gradient element to {@code [−limit, limit]}. */
    public static void clipValue(List<Parameter> params, float limit) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("limit must be > 0, got " + limit);
        }
        for (Parameter p : params) {
            MemorySegment g = p.gradData;
            for (long i = 0; i < p.size(); i++) {
                g.setAtIndex(Tensor.F, i, Math.max(-limit, Math.min(limit, g.getAtIndex(Tensor.F, i))));
            }
        }
    }
}
