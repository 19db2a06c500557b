package io.gnn4j.nn;

import static io.gnn4j.nn.ParallelLoops.parallelRows;

import io.gnn4j.graph.Elementwise;
import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;

/**
 * Batch normalisation on a tape, in training mode (batch statistics) and in evaluation mode (fixed statistics), with
 * column reductions whose result does not depend on the thread count, and row normalisation to unit L2 norm. The contracts are documented on {@link Tape}'s
 * methods of the same names.
 */
final class NormalizationOps {
    private NormalizationOps() {}

    static Tensor batchNorm(Tape tape, Tensor x, Tensor gamma, Tensor beta, float eps, float[] batchMean,
                            float[] batchVar) {
        int n = x.rows, m = x.cols;
        if (n < 2) {
            throw new IllegalArgumentException("batch normalisation in training needs at least 2 rows, got " + n);
        }
        ShapeOps.requireRow("gamma", gamma, m);
        ShapeOps.requireRow("beta", beta, m);
        requireEps(eps);
        requireStats("batchMean", batchMean, m);
        requireStats("batchVar", batchVar, m);
        ExecutionContext ctx = tape.context();
        MemorySegment xd = x.data;
        double[] mean = columnSums(ctx, n, m, m, (from, to, acc) -> Elementwise.columnSums(xd, m, from, to, acc));
        for (int c = 0; c < m; c++) {
            mean[c] /= n;
        }
        // two passes: no cancellation as in E[x²] − E[x]²
        double[] sq = columnSums(ctx, n, m, m,
                (from, to, acc) -> Elementwise.columnSquaredDeviations(xd, mean, m, from, to, acc));
        float[] mu = new float[m], invStd = new float[m];
        for (int c = 0; c < m; c++) {
            double var = sq[c] / n;
            mu[c] = (float) mean[c];
            invStd[c] = (float) (1.0 / Math.sqrt(var + eps));
            if (batchMean != null) {
                batchMean[c] = (float) mean[c];
            }
            if (batchVar != null) {
                batchVar[c] = (float) var;
            }
        }
        Tensor y = tape.output(n, m, x, gamma, beta);
        normalizeColumns(ctx, x, mu, invStd, gamma, beta, y);
        tape.record(y, () -> {
            MemorySegment g = y.gradData, gd = gamma.data;
            double[] sums = gradientColumnSums(ctx, g, xd, mu, invStd, n, m);
            if (x.requiresGrad) {
                MemorySegment ga = tape.gradient(x);
                float[] k = new float[m], meanG = new float[m], meanGx = new float[m];
                for (int c = 0; c < m; c++) {
                    k[c] = gd.getAtIndex(Tensor.F, c) * invStd[c];
                    meanG[c] = (float) (sums[c] / n);
                    meanGx[c] = (float) (sums[m + c] / n);
                }
                parallelRows(ctx, n, m, (from, to) ->
                        Elementwise.batchNormInputGradient(xd, g, mu, invStd, k, meanG, meanGx, ga, m, from, to));
            }
            addAffineGradients(tape, gamma, beta, sums, m);
        });
        return y;
    }

    static Tensor normalizeRows(Tape tape, Tensor x, float eps) {
        requireEps(eps);
        int n = x.rows, m = x.cols;
        Tensor y = tape.output(n, m, x);
        float[] norms = new float[n];
        MemorySegment xd = x.data, yd = y.data;
        parallelRows(tape.context(), n, m, (from, to) -> {
            for (int r = from; r < to; r++) {
                long base = (long) r * m;
                double s = 0;
                for (int c = 0; c < m; c++) {
                    double v = xd.getAtIndex(Tensor.F, base + c);
                    s += v * v;
                }
                norms[r] = (float) Math.max(Math.sqrt(s), eps);
                for (int c = 0; c < m; c++) {
                    yd.setAtIndex(Tensor.F, base + c, xd.getAtIndex(Tensor.F, base + c) / norms[r]);
                }
            }
        });
        tape.record(y, () -> {
            // ∂y/∂x = (I − y yᵀ)/‖x‖ where the norm exceeds eps, I/eps where it is clamped
            MemorySegment g = y.gradData, dx = tape.gradient(x);
            parallelRows(tape.context(), n, m, (from, to) -> {
                for (int r = from; r < to; r++) {
                    long base = (long) r * m;
                    double dot = 0;
                    boolean clamped = norms[r] == eps;
                    if (!clamped) {
                        for (int c = 0; c < m; c++) {
                            dot += (double) yd.getAtIndex(Tensor.F, base + c) * g.getAtIndex(Tensor.F, base + c);
                        }
                    }
                    for (int c = 0; c < m; c++) {
                        double d = g.getAtIndex(Tensor.F, base + c) - dot * yd.getAtIndex(Tensor.F, base + c);
                        dx.setAtIndex(Tensor.F, base + c, dx.getAtIndex(Tensor.F, base + c) + (float) (d / norms[r]));
                    }
                }
            });
        });
        return y;
    }

    static Tensor batchNormInference(Tape tape, Tensor x, Tensor gamma, Tensor beta, float[] mean, float[] var,
                                     float eps) {
        int n = x.rows, m = x.cols;
        ShapeOps.requireRow("gamma", gamma, m);
        ShapeOps.requireRow("beta", beta, m);
        requireEps(eps);
        if (mean == null || var == null) {
            throw new IllegalArgumentException("batchNormInference needs a mean and a variance, got null");
        }
        requireStats("mean", mean, m);
        requireStats("var", var, m);
        float[] mu = mean.clone(), invStd = new float[m];
        for (int c = 0; c < m; c++) {
            if (!(var[c] >= 0)) {
                throw new IllegalArgumentException("var[" + c + "] = " + var[c] + " is below 0");
            }
            invStd[c] = (float) (1.0 / Math.sqrt((double) var[c] + eps));
        }
        Tensor y = tape.output(n, m, x, gamma, beta);
        ExecutionContext ctx = tape.context();
        normalizeColumns(ctx, x, mu, invStd, gamma, beta, y);
        MemorySegment xd = x.data;
        tape.record(y, () -> {
            MemorySegment g = y.gradData, gd = gamma.data;
            double[] sums = gradientColumnSums(ctx, g, xd, mu, invStd, n, m);
            if (x.requiresGrad) {
                MemorySegment ga = tape.gradient(x);
                float[] k = new float[m];
                for (int c = 0; c < m; c++) {
                    k[c] = gd.getAtIndex(Tensor.F, c) * invStd[c];
                }
                parallelRows(ctx, n, m, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        long base = (long) r * m;
                        for (int c = 0; c < m; c++) {
                            ga.setAtIndex(Tensor.F, base + c, ga.getAtIndex(Tensor.F, base + c)
                                    + k[c] * g.getAtIndex(Tensor.F, base + c));
                        }
                    }
                });
            }
            addAffineGradients(tape, gamma, beta, sums, m);
        });
        return y;
    }

    /** {@code [Σ_i G_ic | Σ_i G_ic x̂_ic]} (length 2F) with x̂ = (x − μ)·invStd. */
    private static double[] gradientColumnSums(ExecutionContext ctx, MemorySegment g, MemorySegment xd, float[] mu,
                                               float[] invStd, int n, int m) {
        return columnSums(ctx, n, m, 2 * m,
                (from, to, acc) -> Elementwise.batchNormGradientSums(g, xd, mu, invStd, m, from, to, acc));
    }

    interface ColumnAccumulator {
        /** Adds rows [from, to) into {@code acc}. */
        void run(int from, int to, double[] acc);
    }

    /** Most row blocks of a column reduction (each holds a partial-sum array). */
    private static final int COLUMN_SUM_MAX_BLOCKS = 64;

    /**
     * Column sums of an n×m matrix into an array of length {@code width}: rows are split into blocks that depend only
     * on n and m (never on the thread count), each summed in double into its own array, possibly in parallel, and the
     * partial sums are added in block order, so the result is the same for any thread count.
     */
    private static double[] columnSums(ExecutionContext ctx, int n, int m, int width, ColumnAccumulator body) {
        int blocks = (int) Math.max(1, Math.min(Math.min(COLUMN_SUM_MAX_BLOCKS, n),
                (long) n * m / (ParallelLoops.PARALLEL_MIN / 4)));
        double[][] partial = new double[blocks][width];
        java.util.function.IntConsumer block = b -> body.run((int) ((long) n * b / blocks),
                (int) ((long) n * (b + 1) / blocks), partial[b]);
        ctx.forEachBlock(blocks, block);
        double[] total = partial[0];
        for (int b = 1; b < blocks; b++) {
            for (int c = 0; c < width; c++) {
                total[c] += partial[b][c];
            }
        }
        return total;
    }

    /** {@code y_ic = γ_c (x_ic − μ_c)·invStd_c + β_c}, parallel over rows. */
    private static void normalizeColumns(ExecutionContext ctx, Tensor x, float[] mu, float[] invStd, Tensor gamma,
                                         Tensor beta, Tensor y) {
        int n = x.rows, m = x.cols;
        float[] scale = new float[m], shift = new float[m];
        for (int c = 0; c < m; c++) {
            scale[c] = gamma.data.getAtIndex(Tensor.F, c) * invStd[c];
            shift[c] = beta.data.getAtIndex(Tensor.F, c);
        }
        MemorySegment xd = x.data, yd = y.data;
        parallelRows(ctx, n, m, (from, to) -> Elementwise.scaleShiftColumns(xd, mu, scale, shift, yd, m, from, to));
    }

    /** {@code γ̄_c += Σ_i G_ic x̂_ic} and {@code β̄_c += Σ_i G_ic}, from the sums of {@link #gradientColumnSums}. */
    private static void addAffineGradients(Tape tape, Tensor gamma, Tensor beta, double[] sums, int m) {
        addColumnSums(tape, gamma, sums, m, m);
        addColumnSums(tape, beta, sums, 0, m);
    }

    /** {@code t.grad[c] += sums[from + c]} for a 1×F tensor (F = m) that requires a gradient. */
    private static void addColumnSums(Tape tape, Tensor t, double[] sums, int from, int m) {
        if (!t.requiresGrad) {
            return;
        }
        MemorySegment gt = tape.gradient(t);
        for (int c = 0; c < m; c++) {
            gt.setAtIndex(Tensor.F, c, gt.getAtIndex(Tensor.F, c) + (float) sums[from + c]);
        }
    }

    private static void requireEps(float eps) {
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be > 0, got " + eps);
        }
    }

    private static void requireStats(String name, float[] stats, int cols) {
        if (stats != null && stats.length != cols) {
            throw new IllegalArgumentException(name + " has length " + stats.length + " but x has " + cols
                    + " columns");
        }
    }
}
