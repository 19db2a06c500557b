package io.gnn4j.graph;

import io.gnn4j.graph.internal.ElementwiseKernels;
import io.gnn4j.graph.internal.KernelProvider;
import io.gnn4j.graph.internal.ScalarElementwiseKernels;
import java.lang.foreign.MemorySegment;

/**
 * Elementwise float32 kernels over a range of elements (or rows) of {@link MemorySegment} buffers — the activations,
 * the dropout mask, bias rows and their column sums, batch normalisation's column loops in gnn-layers' tape — on the kernels {@link KernelProvider}
 * chooses (Vector API or scalar; both give the same bits). They run on the caller's thread: callers split long buffers into ranges over their own
 * {@link ExecutionContext}, and any split gives the same result, since every element is computed alone.
 */
public final class Elementwise {
    private Elementwise() {}

    /** LeakyReLU forward: {@code y[i] = x[i] > 0 ? x[i] : slope·x[i]} for i in [from, to) (slope 0: ReLU). */
    public static void leakyRelu(MemorySegment x, MemorySegment y, float slope, long from, long to) {
        checkRange(from, to, x, y);
        KernelProvider.elementwise().leakyRelu(x, y, slope, from, to);
    }

    /** LeakyReLU backward, accumulating: {@code gx[i] += (x[i] > 0 ? 1 : slope)·g[i]} for i in [from, to). */
    public static void leakyReluBackward(MemorySegment x, MemorySegment g, MemorySegment gx, float slope, long from,
                                         long to) {
        checkRange(from, to, x, g, gx);
        KernelProvider.elementwise().leakyReluBackward(x, g, gx, slope, from, to);
    }

    /**
     * Scaled ELU forward: {@code y[i] = lambda·(x[i] > 0 ? x[i] : alpha·(float) Math.expm1(x[i]))} for i in [from, to)
     * — ELU (Clevert et al., ICLR 2016) with lambda 1, SELU (Klambauer et al., NeurIPS 2017) with its constants.
     */
    public static void scaledElu(MemorySegment x, MemorySegment y, float alpha, float lambda, long from, long to) {
        checkRange(from, to, x, y);
        KernelProvider.elementwise().scaledElu(x, y, alpha, lambda, from, to);
    }

    /**
     * Scaled ELU backward from the forward's output y, accumulating: {@code gx[i] += (x[i] > 0 ? lambda : y[i] +
     * lambda·alpha)·g[i]} for i in [from, to).
     */
    public static void scaledEluBackward(MemorySegment x, MemorySegment y, MemorySegment g, MemorySegment gx,
                                         float alpha, float lambda, long from, long to) {
        checkRange(from, to, x, y, g, gx);
        KernelProvider.elementwise().scaledEluBackward(x, y, g, gx, alpha, lambda, from, to);
    }

    /**
     * Row broadcast: {@code y[r][c] = a[r][c] + sign·b[c]} for the rows [rowFrom, rowTo) of the row-major n×m
     * matrices a and y (y may be a itself), b holding m floats — a bias added to every row (sign 1) or subtracted
     * (sign −1).
     */
    public static void addRow(MemorySegment a, MemorySegment b, float sign, MemorySegment y, int m, int rowFrom,
                              int rowTo) {
        checkRange((long) rowFrom * m, (long) rowTo * m, a, y);
        checkRange(0, m, b);
        KernelProvider.elementwise().addRow(a, b, sign, y, m, rowFrom, rowTo);
    }

    /**
     * Column sums in double: {@code acc[c] += g[r][c]} for the m columns of the row-major matrix g, adding the rows
     * [rowFrom, rowTo) in ascending order (so each column's sum is the same double whatever the implementation).
     */
    public static void columnSums(MemorySegment g, int m, int rowFrom, int rowTo, double[] acc) {
        checkRange((long) rowFrom * m, (long) rowTo * m, g);
        checkColumns(m, acc.length);
        KernelProvider.elementwise().columnSums(g, m, rowFrom, rowTo, acc);
    }

    /** {@code acc[c] += (x[r][c] − mean[c])²} in double over the rows [rowFrom, rowTo) in order (a variance's sum). */
    public static void columnSquaredDeviations(MemorySegment x, double[] mean, int m, int rowFrom, int rowTo,
                                               double[] acc) {
        checkRange((long) rowFrom * m, (long) rowTo * m, x);
        checkColumns(m, mean.length, acc.length);
        KernelProvider.elementwise().columnSquaredDeviations(x, mean, m, rowFrom, rowTo, acc);
    }

    /** {@code y[r][c] = scale[c]·(x[r][c] − mu[c]) + shift[c]} for the rows [rowFrom, rowTo) (a normalisation). */
    public static void scaleShiftColumns(MemorySegment x, float[] mu, float[] scale, float[] shift, MemorySegment y,
                                         int m, int rowFrom, int rowTo) {
        checkRange((long) rowFrom * m, (long) rowTo * m, x, y);
        checkColumns(m, mu.length, scale.length, shift.length);
        KernelProvider.elementwise().scaleShiftColumns(x, mu, scale, shift, y, m, rowFrom, rowTo);
    }

    /**
     * Batch normalisation's gradient sums over the rows [rowFrom, rowTo) in order: {@code acc[c] += g[r][c]} and
     * {@code acc[m + c] += g[r][c]·(x[r][c] − mu[c])·invStd[c]} (acc holds 2m doubles; the difference in float, the
     * products and sums in double).
     */
    public static void batchNormGradientSums(MemorySegment g, MemorySegment x, float[] mu, float[] invStd, int m,
                                             int rowFrom, int rowTo, double[] acc) {
        checkRange((long) rowFrom * m, (long) rowTo * m, g, x);
        checkColumns(m, mu.length, invStd.length, acc.length / 2);
        KernelProvider.elementwise().batchNormGradientSums(g, x, mu, invStd, m, rowFrom, rowTo, acc);
    }

    /**
     * Batch normalisation's input gradient for the rows [rowFrom, rowTo): with x̂ = (x[r][c] − mu[c])·invStd[c],
     * {@code gx[r][c] += k[c]·(g[r][c] − meanG[c] − x̂·meanGx[c])} in float.
     */
    public static void batchNormInputGradient(MemorySegment x, MemorySegment g, float[] mu, float[] invStd, float[] k,
                                              float[] meanG, float[] meanGx, MemorySegment gx, int m, int rowFrom,
                                              int rowTo) {
        checkRange((long) rowFrom * m, (long) rowTo * m, x, g, gx);
        checkColumns(m, mu.length, invStd.length, k.length, meanG.length, meanGx.length);
        KernelProvider.elementwise().batchNormInputGradient(x, g, mu, invStd, k, meanG, meanGx, gx, m, rowFrom, rowTo);
    }

    /**
     * Inverted-dropout masking of the elements [first, first + len) with a counter-based random stream:
     * {@code out[first + j] = m_j · in[first + j]} (plus the old {@code out[first + j]} when {@code accumulate}), with
     * {@code m_j = 0} when the uniform u_j is below p·2³² and {@code 1/(1 − p)} otherwise; u_{2i} and u_{2i+1} are the
     * high and the low 32 bits of the (i+1)-th {@code nextLong()} of {@code new SplittableRandom(seed)}. The same seed
     * regenerates the same mask, so a backward pass need not store it.
     *
     * @throws IllegalArgumentException when p is outside [0, 1) or the range outside a buffer
     */
    public static void bernoulliScale(long seed, float p, MemorySegment in, MemorySegment out, long first, int len,
                                      boolean accumulate) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        checkRange(first, first + len, in, out);
        KernelProvider.elementwise().bernoulliScale(seed, dropThreshold(p), 1f / (1f - p), in, out,
                first, len, accumulate);
    }

    /**
     * The value {@link #bernoulliScale} (not accumulating) writes for element {@code first + j} of its range given
     * {@code in[first + j] = x}: {@code m_j · x}. Dropout of a sparse matrix draws only its non-zeros with it and gets
     * the dense kernel's bits.
     */
    public static float bernoulliScaleElement(long seed, float p, long j, float x) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        if (j < 0) {
            throw new IllegalArgumentException("element index must be >= 0, got " + j);
        }
        return ScalarElementwiseKernels.masked(ScalarElementwiseKernels.uniform(seed, j), dropThreshold(p),
                1f / (1f - p), x);
    }

    /**
     * The mask factors {@link #bernoulliScale} applies to the elements [first, first + len) of its range given seed
     * and p — each 0 or 1/(1 − p) — into {@code out[offset ..]}: {@code factor · x} is the value it writes for x, to
     * the bit. For masks applied out of storage order (attention weights visited by target).
     */
    public static void bernoulliFactors(long seed, float p, long first, int len, float[] out, int offset) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        if (first < 0 || len < 0 || offset < 0 || offset + len > out.length) {
            throw new IllegalArgumentException("bernoulliFactors: elements [" + first + ", " + first + " + " + len
                    + ") into " + out.length + " factors from " + offset);
        }
        KernelProvider.elementwise().bernoulliFactors(seed, dropThreshold(p), 1f / (1f - p), first, len, out, offset);
    }

    /** p·2³²: a 32-bit uniform below it drops its element. */
    private static long dropThreshold(float p) {
        return (long) ((double) p * 4294967296.0);
    }

    /** SplitMix64's finaliser (Steele, Lea &amp; Flood, OOPSLA 2014), the mixing function of {@code SplittableRandom}. */
    public static long splitMix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void checkColumns(int m, int... lengths) {
        for (int length : lengths) {
            if (length < m) {
                throw new IllegalArgumentException("a per-column array holds " + length + " values for " + m
                        + " columns");
            }
        }
    }

    private static void checkRange(long from, long to, MemorySegment... buffers) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("element range [" + from + ", " + to + ") is not a range");
        }
        for (MemorySegment b : buffers) {
            if (b.byteSize() < to * Float.BYTES) {
                throw new IllegalArgumentException("element range [" + from + ", " + to + ") ends past a buffer of "
                        + b.byteSize() / Float.BYTES + " floats");
            }
        }
    }
}
