package io.gnn4j.nn;

import java.util.random.RandomGenerator;

/**
 * Parameter initialisers, each drawing from a caller-supplied seeded {@link RandomGenerator} in row-major order. For
 * a weight W of shape fanIn×fanOut (as used in {@code X·W}): Glorot/Xavier (Glorot &amp; Bengio 2010), Kaiming/He
 * (He et al. 2015, for ReLU), LeCun-normal (for SELU, Klambauer et al. 2017) and orthogonal (Saxe et al. 2014).
 */
public final class Init {
    private Init() {}

    /** Glorot uniform: U(−a, a) with {@code a = sqrt(6 / (fanIn + fanOut))}. */
    public static void glorotUniform(Tensor w, RandomGenerator rng) {
        uniform(w, Math.sqrt(6.0 / (w.rows + w.cols)), rng);
    }

    /** Glorot normal: N(0, σ²) with {@code σ = sqrt(2 / (fanIn + fanOut))}. */
    public static void glorotNormal(Tensor w, RandomGenerator rng) {
        normal(w, Math.sqrt(2.0 / (w.rows + w.cols)), rng);
    }

    /** Kaiming (He) uniform for ReLU: U(−a, a) with {@code a = sqrt(6 / fanIn)}. */
    public static void kaimingUniform(Tensor w, RandomGenerator rng) {
        uniform(w, Math.sqrt(6.0 / w.rows), rng);
    }

    /** Kaiming (He) normal for ReLU: N(0, 2 / fanIn). */
    public static void kaimingNormal(Tensor w, RandomGenerator rng) {
        normal(w, Math.sqrt(2.0 / w.rows), rng);
    }

    /** LeCun normal, the initialisation SELU networks need: N(0, 1 / fanIn). */
    public static void lecunNormal(Tensor w, RandomGenerator rng) {
        normal(w, Math.sqrt(1.0 / w.rows), rng);
    }

    /**
     * A (semi-)orthogonal matrix times {@code gain}: a Gaussian matrix orthonormalised by modified Gram–Schmidt along
     * its shorter side (rows when rows ≤ cols, columns otherwise), so that WWᵀ = gain²·I or WᵀW = gain²·I.
     */
    public static void orthogonal(Tensor w, double gain, RandomGenerator rng) {
        boolean byRows = w.rows <= w.cols;
        int k = byRows ? w.rows : w.cols, len = byRows ? w.cols : w.rows;
        double[][] v = new double[k][len];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < len; j++) {
                v[i][j] = rng.nextGaussian();
            }
        }
        for (int i = 0; i < k; i++) {
            for (int p = 0; p < i; p++) {
                double dot = 0;
                for (int j = 0; j < len; j++) {
                    dot += v[i][j] * v[p][j];
                }
                for (int j = 0; j < len; j++) {
                    v[i][j] -= dot * v[p][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < len; j++) {
                norm += v[i][j] * v[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < len; j++) {
                v[i][j] /= norm;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < len; j++) {
                float x = (float) (gain * v[i][j]);
                if (byRows) {
                    w.set(i, j, x);
                } else {
                    w.set(j, i, x);
                }
            }
        }
    }

    /** U(−a, a) elementwise. */
    public static void uniform(Tensor w, double a, RandomGenerator rng) {
        for (long i = 0; i < w.size(); i++) {
            w.data.setAtIndex(Tensor.F, i, (float) ((2 * rng.nextDouble() - 1) * a));
        }
    }

    /** N(0, std²) elementwise. */
    public static void normal(Tensor w, double std, RandomGenerator rng) {
        for (long i = 0; i < w.size(); i++) {
            w.data.setAtIndex(Tensor.F, i, (float) (std * rng.nextGaussian()));
        }
    }

    /** Sets every element to {@code v}. */
    public static void constant(Tensor w, float v) {
        for (long i = 0; i < w.size(); i++) {
            w.data.setAtIndex(Tensor.F, i, v);
        }
    }

    /** Sets every element to 0. */
    public static void zeros(Tensor w) {
        w.data.fill((byte) 0);
    }
}
