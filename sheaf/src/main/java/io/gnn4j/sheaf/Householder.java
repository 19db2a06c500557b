package io.gnn4j.sheaf;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.nn.ParallelLoops;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Orthogonal d×d matrices from d(d−1)/2 free parameters as a product of Householder reflections, the
 * parametrisation of O(d)-NSD's restriction maps (Bodnar et al., NeurIPS 2022, Section 4; the official code's
 * "householder" map): the parameters fill the strictly lower triangle of a unit lower-triangular matrix A, row by
 * row ((1,0), (2,0), (2,1), …), and with v_i the i-th column of A,
 * <pre>  Q = H_1·H_2·…·H_d,   H_i = I − 2·v_i·v_iᵀ / (v_iᵀv_i)</pre>
 * — every Q is orthogonal, and every orthogonal matrix is reached. Recorded on a {@link Tape} with its exact
 * backward; rows are independent and split over the tape's threads.
 */
public final class Householder {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private Householder() {}

    /** Maps params (E×d(d−1)/2) to E×d² orthogonal matrices, row-major, on {@code tape}. */
    public static Tensor apply(Tape tape, Tensor params, int d) {
        int m = d * (d - 1) / 2;
        if (d < 2 || params.cols() != m) {
            throw new IllegalArgumentException("Householder maps need d >= 2 and d(d−1)/2 parameters per row: d = " + d
                    + " needs " + m + " columns, got " + params.cols());
        }
        int rows = params.rows(), dd = d * d;
        ExecutionContext ctx = tape.context();
        return tape.custom(rows, dd, out -> ParallelLoops.parallelRows(ctx, rows, dd, (from, to) -> {
            double[] q = new double[dd], v = new double[dd];
            for (int r = from; r < to; r++) {
                product(reflectors(params.data(), r, d, v), d, 0, d, q);
                for (int k = 0; k < dd; k++) {
                    out.setAtIndex(F, (long) r * dd + k, (float) q[k]);
                }
            }
        }), g -> tape.addToGradient(params, into -> ParallelLoops.parallelRows(ctx, rows, dd,
                (from, to) -> backward(params.data(), g, into, from, to, d))), params);
    }

    /**
     * The columns v_1..v_d of the unit lower-triangular matrix of row r, as d×d row-major (column i = v_i), written
     * into a (whose strictly upper triangle stays zero) and returned.
     */
    private static double[] reflectors(MemorySegment params, int r, int d, double[] a) {
        int m = d * (d - 1) / 2;
        int p = 0;
        for (int i = 0; i < d; i++) {
            a[i * d + i] = 1;
            for (int j = 0; j < i; j++) {
                a[i * d + j] = params.getAtIndex(F, (long) r * m + p++);
            }
        }
        return a;
    }

    /** {@code out = H_from·…·H_{to−1}} (the identity when from = to). */
    private static void product(double[] v, int d, int from, int to, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < d; i++) {
            out[i * d + i] = 1;
        }
        for (int i = to - 1; i >= from; i--) {
            reflect(v, d, i, out);
        }
    }

    /** {@code out ← H_i·out}. */
    private static void reflect(double[] v, int d, int i, double[] out) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += v[k * d + i] * v[k * d + i];
        }
        for (int c = 0; c < d; c++) {
            double dot = 0;
            for (int k = 0; k < d; k++) {
                dot += v[k * d + i] * out[k * d + c];
            }
            double f = 2 * dot / s;
            for (int k = 0; k < d; k++) {
                out[k * d + c] -= f * v[k * d + i];
            }
        }
    }

    /** {@code out = op(a)·op(b)} for d×d row-major matrices, op the transpose when asked. */
    private static void multiply(double[] a, boolean ta, double[] b, boolean tb, int d, double[] out) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += (ta ? a[k * d + i] : a[i * d + k]) * (tb ? b[j * d + k] : b[k * d + j]);
                }
                out[i * d + j] = s;
            }
        }
    }

    /**
     * ∂L/∂v_i from Q̄: with L_i = H_1⋯H_{i−1} and R_i = H_{i+1}⋯H_d, H̄_i = L_iᵀ·Q̄·R_iᵀ, and for H = I − 2vvᵀ/s
     * (s = vᵀv), v̄ = −(2/s)(H̄ + H̄ᵀ)v + (4/s²)(vᵀH̄v)·v; the parameters are v_i's entries below the diagonal. R_i
     * is carried from i = d down to 1 (R_{i−1} = H_i·R_i, the same operations as building it afresh).
     */
    private static void backward(MemorySegment params, MemorySegment grad, MemorySegment into, int from, int to,
                                 int d) {
        int m = d * (d - 1) / 2, dd = d * d;
        double[] left = new double[dd], right = new double[dd], qBar = new double[dd], tmp = new double[dd],
                hBar = new double[dd], v = new double[dd], vBarAll = new double[dd];
        for (int r = from; r < to; r++) {
            reflectors(params, r, d, v);
            for (int k = 0; k < dd; k++) {
                qBar[k] = grad.getAtIndex(F, (long) r * dd + k);
            }
            long p = (long) r * m;
            product(v, d, d, d, right);
            for (int i = d - 1; i >= 0; i--) {
                product(v, d, 0, i, left);
                multiply(left, true, qBar, false, d, tmp);       // H̄_i = L_iᵀ·Q̄·R_iᵀ
                multiply(tmp, false, right, true, d, hBar);
                double s = 0, vhv = 0;
                for (int k = 0; k < d; k++) {
                    s += v[k * d + i] * v[k * d + i];
                }
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        vhv += v[a * d + i] * hBar[a * d + b] * v[b * d + i];
                    }
                }
                for (int a = 0; a < d; a++) {
                    double sym = 0;
                    for (int b = 0; b < d; b++) {
                        sym += (hBar[a * d + b] + hBar[b * d + a]) * v[b * d + i];
                    }
                    vBarAll[a * d + i] = -2 / s * sym + 4 / (s * s) * vhv * v[a * d + i];
                }
                reflect(v, d, i, right);
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    into.setAtIndex(F, p++, (float) vBarAll[i * d + j]);
                }
            }
        }
    }
}
