package io.gnn4j.bench.embed;

import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-vs-rest L2-regularised logistic regression, the standard downstream classifier for node embeddings
 * (scikit-learn's {@code OneVsRestClassifier(LogisticRegression(C))}, as in the DeepWalk and FastRP scoring scripts).
 * For each label c with targets {@code y_ic ∈ {−1, +1}} it minimises
 * {@code ½‖w_c‖² [+ ½b_c²] + C·Σᵢ log(1 + exp(−y_ic·(w_c·xᵢ + b_c)))}, all labels at once (the objective is a sum of
 * independent terms, so the joint minimiser is the per-label one) by deterministic full-batch L-BFGS in double
 * precision. The two products per evaluation ({@code Z = X·Wᵀ}, {@code ∇W = W + C·Dᵀ·X}) run as ND4J GEMMs into
 * preallocated arrays (ND4J's BLAS uses its own threads); the rest is plain Java over row blocks of the
 * {@link ExecutionContext}, with every sum taken in a fixed order, so the result does not depend on its thread count.
 * Labels without a positive (or without a negative) training row are not trained; see {@link OneVsRestModel}.
 */
public final class LogisticRegression {
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final LogisticRegressionParameters params;
    private final ExecutionContext ctx;
    private Lbfgs.Outcome lastOutcome;

    public LogisticRegression(LogisticRegressionParameters params, ExecutionContext ctx) {
        if (params == null || ctx == null) {
            throw new IllegalArgumentException("params and ctx must not be null");
        }
        this.params = params;
        this.ctx = ctx;
    }

    /**
     * Trains on the given rows of a row-major N×F feature matrix with multi-label targets in CSR form over all N
     * rows ({@code labels[labelOffsets[u] .. labelOffsets[u+1])} are the labels of row u, each in 0..L−1).
     */
    public OneVsRestModel fit(float[] x, int numFeatures, int[] rows, int[] labelOffsets, int[] labels,
                              int numLabels) {
        int f = numFeatures, m = rows.length, k = numLabels;
        if (f < 1 || k < 1 || m < 1) {
            throw new IllegalArgumentException("need F >= 1, L >= 1 and at least 1 row, got F = " + f + ", L = " + k
                    + ", rows = " + m);
        }
        if (x.length % f != 0) {
            throw new IllegalArgumentException("x holds " + x.length + " floats, not a multiple of F = " + f);
        }
        int n = x.length / f;
        byte[] target = new byte[m * k];
        int[] positives = new int[k];
        for (int i = 0; i < m; i++) {
            int u = rows[i];
            if (u < 0 || u >= n || u + 1 >= labelOffsets.length) {
                throw new IllegalArgumentException("row " + u + " is outside 0.." + (n - 1));
            }
            for (int t = labelOffsets[u]; t < labelOffsets[u + 1]; t++) {
                int c = labels[t];
                if (c < 0 || c >= k) {
                    throw new IllegalArgumentException("label " + c + " of row " + u + " is outside 0.." + (k - 1));
                }
                if (target[i * k + c] == 0) {
                    target[i * k + c] = 1;
                    positives[c]++;
                }
            }
        }
        boolean[] trained = new boolean[k];
        for (int c = 0; c < k; c++) {
            trained[c] = positives[c] > 0 && positives[c] < m;
        }
        double[] xs = new double[m * f];
        for (int i = 0; i < m; i++) {
            int off = rows[i] * f;
            for (int j = 0; j < f; j++) {
                xs[i * f + j] = x[off + j];
            }
        }
        Problem p = new Problem(xs, m, f, k, target, trained, params.c(), params.penalizeIntercept(), ctx);
        double[] theta = new double[k * f + k];
        lastOutcome = Lbfgs.minimize(p, theta, 10, params.maxIterations(), params.tolerance());
        double[] w = java.util.Arrays.copyOf(theta, k * f);
        double[] b = java.util.Arrays.copyOfRange(theta, k * f, k * f + k);
        for (int c = 0; c < k; c++) {
            if (!trained[c]) {
                java.util.Arrays.fill(w, c * f, (c + 1) * f, 0);
                b[c] = positives[c] == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        return new OneVsRestModel(f, k, w, b);
    }

    /** Iterations, final objective and gradient norms of the last {@link #fit}; null before the first. */
    public String lastConvergence() {
        return lastOutcome == null ? null : lastOutcome.toString();
    }

    /** Whether the last fit met its tolerance. */
    public boolean lastConverged() {
        return lastOutcome != null && lastOutcome.converged();
    }

    /** The joint objective over all labels, θ = [W (L×F row-major), b (L)]. */
    static final class Problem implements Lbfgs.Objective {
        private final int m, f, k;
        private final byte[] target;
        private final boolean[] trained;
        private final double c;
        private final boolean penalizeIntercept;
        private final ExecutionContext ctx;
        private final INDArray xNd, wNd, zNd, dNd, gNd;
        private final MemorySegment wSeg, zSeg, dSeg, gSeg;
        private final double[] z, dz, rowLoss;

        Problem(double[] x, int m, int f, int k, byte[] target, boolean[] trained, double c,
                boolean penalizeIntercept, ExecutionContext ctx) {
            this.m = m;
            this.f = f;
            this.k = k;
            this.target = target;
            this.trained = trained;
            this.c = c;
            this.penalizeIntercept = penalizeIntercept;
            this.ctx = ctx;
            this.xNd = Nd4j.create(x, new long[] {m, f}, DataType.DOUBLE);
            this.wNd = Nd4j.create(DataType.DOUBLE, k, f);
            this.zNd = Nd4j.create(DataType.DOUBLE, m, k);
            this.dNd = Nd4j.create(DataType.DOUBLE, m, k);
            this.gNd = Nd4j.create(DataType.DOUBLE, k, f);
            this.wSeg = segment(wNd);
            this.zSeg = segment(zNd);
            this.dSeg = segment(dNd);
            this.gSeg = segment(gNd);
            this.z = new double[m * k];
            this.dz = new double[m * k];
            this.rowLoss = new double[m];
        }

        @Override
        public double evaluate(double[] theta, double[] grad) {
            int wLen = k * f;
            MemorySegment.copy(theta, 0, wSeg, DOUBLE, 0, wLen);
            Nd4j.gemm(xNd, wNd, zNd, false, true, 1.0, 0.0);
            MemorySegment.copy(zSeg, DOUBLE, 0, z, 0, m * k);
            int blocks = ctx.threads() == 1 ? 1 : ctx.threads() * 4;
            ctx.forEachBlock(blocks, blk -> {
                int from = (int) ((long) m * blk / blocks), to = (int) ((long) m * (blk + 1) / blocks);
                for (int i = from; i < to; i++) {
                    double loss = 0;
                    for (int cl = 0; cl < k; cl++) {
                        int idx = i * k + cl;
                        if (!trained[cl]) {
                            dz[idx] = 0;
                            continue;
                        }
                        double zz = z[idx] + theta[wLen + cl];
                        // margin = y·z; loss = log(1 + e^{−margin}); d loss / d z = σ(z) − t.
                        // One exponential serves both: e = exp(−|z|).
                        double e = Math.exp(-Math.abs(zz));
                        double margin = target[idx] == 1 ? zz : -zz;
                        loss += Math.max(-margin, 0) + Math.log1p(e);
                        double sig = zz >= 0 ? 1 / (1 + e) : e / (1 + e);
                        dz[idx] = c * (sig - target[idx]);
                    }
                    rowLoss[i] = loss;
                }
            });
            MemorySegment.copy(dz, 0, dSeg, DOUBLE, 0, m * k);
            Nd4j.gemm(dNd, xNd, gNd, true, false, 1.0, 0.0);
            MemorySegment.copy(gSeg, DOUBLE, 0, grad, 0, wLen);
            double value = 0;
            for (int i = 0; i < m; i++) {
                value += c * rowLoss[i];
            }
            for (int j = 0; j < wLen; j++) {
                value += 0.5 * theta[j] * theta[j];
                grad[j] += theta[j];
            }
            for (int cl = 0; cl < k; cl++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += dz[i * k + cl];
                }
                double b = theta[wLen + cl];
                grad[wLen + cl] = s + (penalizeIntercept ? b : 0);
                if (penalizeIntercept) {
                    value += 0.5 * b * b;
                }
            }
            return value;
        }

        private static MemorySegment segment(INDArray a) {
            return MemorySegment.ofAddress(a.data().address()).reinterpret(a.length() * Double.BYTES);
        }
    }
}
