package io.gnn4j.graph.internal;

import java.lang.foreign.MemorySegment;

/**
 * The elementwise kernel contract: loops over a range of elements of float32 buffers held in {@link MemorySegment}s
 * (element index, not byte offset). Inputs are trusted: {@link io.gnn4j.graph.Elementwise} documents and checks
 * them. Every implementation computes each element with the same float operations in the same order, so all of
 * them give the same bits.
 */
public interface ElementwiseKernels {
    /** Name of the implementation, for logs and benchmark reports. */
    String name();

    /** {@code y[i] = x[i] > 0 ? x[i] : slope·x[i]} for i in [from, to). */
    void leakyRelu(MemorySegment x, MemorySegment y, float slope, long from, long to);

    /** {@code gx[i] = gx[i] + (x[i] > 0 ? 1 : slope)·g[i]} for i in [from, to). */
    void leakyReluBackward(MemorySegment x, MemorySegment g, MemorySegment gx, float slope, long from, long to);

    /**
     * Scaled ELU forward: {@code y[i] = lambda·(x[i] > 0 ? x[i] : alpha·(float) Math.expm1(x[i]))} for i in [from, to)
     * (lambda 1: ELU; SELU's constants: SELU).
     */
    void scaledElu(MemorySegment x, MemorySegment y, float alpha, float lambda, long from, long to);

    /**
     * Scaled ELU backward, accumulating from the forward's output y: {@code gx[i] = gx[i] + (x[i] > 0 ? lambda :
     * y[i] + lambda·alpha)·g[i]} for i in [from, to).
     */
    void scaledEluBackward(MemorySegment x, MemorySegment y, MemorySegment g, MemorySegment gx, float alpha,
                           float lambda, long from, long to);

    /** {@code y[r][c] = a[r][c] + sign·b[c]} for rows [rowFrom, rowTo) of row-major n×m matrices a and y (b: m floats). */
    void addRow(MemorySegment a, MemorySegment b, float sign, MemorySegment y, int m, int rowFrom, int rowTo);

    /** {@code acc[c] += g[r][c]} in double, r ascending over [rowFrom, rowTo), for the m columns of row-major g. */
    void columnSums(MemorySegment g, int m, int rowFrom, int rowTo, double[] acc);

    /** {@code acc[c] += (x[r][c] − mean[c])²} in double, r ascending over [rowFrom, rowTo). */
    void columnSquaredDeviations(MemorySegment x, double[] mean, int m, int rowFrom, int rowTo, double[] acc);

    /** {@code y[r][c] = scale[c]·(x[r][c] − mu[c]) + shift[c]} in float for rows [rowFrom, rowTo). */
    void scaleShiftColumns(MemorySegment x, float[] mu, float[] scale, float[] shift, MemorySegment y, int m,
                           int rowFrom, int rowTo);

    /**
     * Batch normalisation's gradient sums, r ascending over [rowFrom, rowTo): {@code acc[c] += g[r][c]} and
     * {@code acc[m + c] += g[r][c]·(x[r][c] − mu[c])·invStd[c]}, the difference in float, the products and sums in
     * double.
     */
    void batchNormGradientSums(MemorySegment g, MemorySegment x, float[] mu, float[] invStd, int m, int rowFrom,
                               int rowTo, double[] acc);

    /**
     * Batch normalisation's input gradient in float for rows [rowFrom, rowTo): with x̂ = (x[r][c] − mu[c])·invStd[c],
     * {@code gx[r][c] += k[c]·(g[r][c] − meanG[c] − x̂·meanGx[c])}.
     */
    void batchNormInputGradient(MemorySegment x, MemorySegment g, float[] mu, float[] invStd, float[] k,
                                float[] meanG, float[] meanGx, MemorySegment gx, int m, int rowFrom, int rowTo);

    /**
     * Bernoulli masking of the elements [first, first + len): {@code out[first + j] = (u_j < threshold ? 0 : keep)
     * · in[first + j]}, plus the old {@code out[first + j]} when {@code accumulate}, where u_{2i} and u_{2i+1} are
     * the high and the low 32 bits of the (i+1)-th {@code nextLong()} of {@code new SplittableRandom(seed)}.
     */
    void bernoulliScale(long seed, long threshold, float keep, MemorySegment in, MemorySegment out, long first,
                        int len, boolean accumulate);

    /**
     * The factors {@link #bernoulliScale} applies to the elements [first, first + len) of its stream for seed — each
     * 0 or keep, so that {@code factor · x} is its value for x to the bit — into {@code out[offset ..]}; {@code first}
     * counts elements from the start of the stream.
     */
    void bernoulliFactors(long seed, long threshold, float keep, long first, int len, float[] out, int offset);
}
