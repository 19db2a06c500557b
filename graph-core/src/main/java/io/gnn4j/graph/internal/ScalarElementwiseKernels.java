package io.gnn4j.graph.internal;

import io.gnn4j.graph.Elementwise;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The plain-Java implementation of {@link ElementwiseKernels}: always available, the reference for the vector one. */
public class ScalarElementwiseKernels implements ElementwiseKernels {
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    /** Two adjacent floats read as one 64-bit word, to test both for +0 at once. */
    private static final ValueLayout.OfLong PAIR = ValueLayout.JAVA_LONG_UNALIGNED;
    /** The increment of {@code SplittableRandom}'s state for a generator made by {@code new SplittableRandom(seed)}. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void leakyRelu(MemorySegment x, MemorySegment y, float slope, long from, long to) {
        for (long i = from; i < to; i++) {
            float v = x.getAtIndex(FLOAT, i);
            y.setAtIndex(FLOAT, i, v > 0 ? v : slope * v);
        }
    }

    @Override
    public void leakyReluBackward(MemorySegment x, MemorySegment g, MemorySegment gx, float slope, long from, long to) {
        for (long i = from; i < to; i++) {
            float d = x.getAtIndex(FLOAT, i) > 0 ? 1f : slope;
            gx.setAtIndex(FLOAT, i, gx.getAtIndex(FLOAT, i) + d * g.getAtIndex(FLOAT, i));
        }
    }

    @Override
    public void scaledElu(MemorySegment x, MemorySegment y, float alpha, float lambda, long from, long to) {
        for (long i = from; i < to; i++) {
            float v = x.getAtIndex(FLOAT, i);
            y.setAtIndex(FLOAT, i, v > 0 ? lambda * v : negativeElu(v, alpha, lambda));
        }
    }

    /** The scaled ELU of a non-positive (or NaN) input: {@code lambda·(alpha·expm1(v))}. */
    static float negativeElu(float v, float alpha, float lambda) {
        return lambda * (alpha * (float) Math.expm1(v));
    }

    @Override
    public void scaledEluBackward(MemorySegment x, MemorySegment y, MemorySegment g, MemorySegment gx, float alpha,
                                  float lambda, long from, long to) {
        float negativeShift = lambda * alpha;
        for (long i = from; i < to; i++) {
            float d = x.getAtIndex(FLOAT, i) > 0 ? lambda : y.getAtIndex(FLOAT, i) + negativeShift;
            gx.setAtIndex(FLOAT, i, gx.getAtIndex(FLOAT, i) + d * g.getAtIndex(FLOAT, i));
        }
    }

    @Override
    public void addRow(MemorySegment a, MemorySegment b, float sign, MemorySegment y, int m, int rowFrom, int rowTo) {
        addRow(a, b, sign, y, m, 0, rowFrom, rowTo);
    }

    /** {@link #addRow} on the columns [c0, m). */
    static void addRow(MemorySegment a, MemorySegment b, float sign, MemorySegment y, int m, int c0, int rowFrom,
                       int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m;
            for (int c = c0; c < m; c++) {
                y.setAtIndex(FLOAT, base + c, a.getAtIndex(FLOAT, base + c) + sign * b.getAtIndex(FLOAT, c));
            }
        }
    }

    @Override
    public void columnSums(MemorySegment g, int m, int rowFrom, int rowTo, double[] acc) {
        columnSums(g, m, 0, rowFrom, rowTo, acc);
    }

    /** {@link #columnSums} of the columns [c0, m). */
    static void columnSums(MemorySegment g, int m, int c0, int rowFrom, int rowTo, double[] acc) {
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m;
            for (int c = c0; c < m; c++) {
                acc[c] += g.getAtIndex(FLOAT, base + c);
            }
        }
    }

    @Override
    public void columnSquaredDeviations(MemorySegment x, double[] mean, int m, int rowFrom, int rowTo, double[] acc) {
        columnSquaredDeviations(x, mean, m, 0, rowFrom, rowTo, acc);
    }

    /** {@link #columnSquaredDeviations} of the columns [c0, m). */
    static void columnSquaredDeviations(MemorySegment x, double[] mean, int m, int c0, int rowFrom, int rowTo,
                                        double[] acc) {
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m;
            for (int c = c0; c < m; c++) {
                double d = x.getAtIndex(FLOAT, base + c) - mean[c];
                acc[c] += d * d;
            }
        }
    }

    @Override
    public void scaleShiftColumns(MemorySegment x, float[] mu, float[] scale, float[] shift, MemorySegment y, int m,
                                  int rowFrom, int rowTo) {
        scaleShiftColumns(x, mu, scale, shift, y, m, 0, rowFrom, rowTo);
    }

    /** {@link #scaleShiftColumns} on the columns [c0, m). */
    static void scaleShiftColumns(MemorySegment x, float[] mu, float[] scale, float[] shift, MemorySegment y, int m,
                                  int c0, int rowFrom, int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m;
            for (int c = c0; c < m; c++) {
                y.setAtIndex(FLOAT, base + c, scale[c] * (x.getAtIndex(FLOAT, base + c) - mu[c]) + shift[c]);
            }
        }
    }

    @Override
    public void batchNormGradientSums(MemorySegment g, MemorySegment x, float[] mu, float[] invStd, int m, int rowFrom,
                                      int rowTo, double[] acc) {
        batchNormGradientSums(g, x, mu, invStd, m, 0, rowFrom, rowTo, acc);
    }

    /** {@link #batchNormGradientSums} of the columns [c0, m). */
    static void batchNormGradientSums(MemorySegment g, MemorySegment x, float[] mu, float[] invStd, int m, int c0,
                                      int rowFrom, int rowTo, double[] acc) {
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m;
            for (int c = c0; c < m; c++) {
                double gi = g.getAtIndex(FLOAT, base + c);
                acc[c] += gi;
                acc[m + c] += gi * (x.getAtIndex(FLOAT, base + c) - mu[c]) * invStd[c];
            }
        }
    }

    @Override
    public void batchNormInputGradient(MemorySegment x, MemorySegment g, float[] mu, float[] invStd, float[] k,
                                       float[] meanG, float[] meanGx, MemorySegment gx, int m, int rowFrom,
                                       int rowTo) {
        batchNormInputGradient(x, g, mu, invStd, k, meanG, meanGx, gx, m, 0, rowFrom, rowTo);
    }

    /** {@link #batchNormInputGradient} on the columns [c0, m). */
    static void batchNormInputGradient(MemorySegment x, MemorySegment g, float[] mu, float[] invStd, float[] k,
                                       float[] meanG, float[] meanGx, MemorySegment gx, int m, int c0, int rowFrom,
                                       int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m;
            for (int c = c0; c < m; c++) {
                float xh = (x.getAtIndex(FLOAT, base + c) - mu[c]) * invStd[c];
                float d = k[c] * (g.getAtIndex(FLOAT, base + c) - meanG[c] - xh * meanGx[c]);
                gx.setAtIndex(FLOAT, base + c, gx.getAtIndex(FLOAT, base + c) + d);
            }
        }
    }

    @Override
    public void bernoulliScale(long seed, long threshold, float keep, MemorySegment in, MemorySegment out, long first,
                               int len, boolean accumulate) {
        bernoulliScale(seed, threshold, keep, in, out, first, 0, len, accumulate);
    }

    /**
     * {@link #bernoulliScale(long, long, float, MemorySegment, MemorySegment, long, int, boolean)} from element
     * {@code first + from} on ({@code from} even). In the forward direction a pair of +0 inputs skips its draw: its
     * outputs are +0 whatever the mask, and later draws keep their places because draw k is computed directly.
     */
    static void bernoulliScale(long seed, long threshold, float keep, MemorySegment in, MemorySegment out, long first,
                               int from, int len, boolean accumulate) {
        long base = first * Float.BYTES;
        for (int j = from; j < len; j += 2) {
            long at = base + (long) j * Float.BYTES;
            boolean pair = j + 1 < len;
            if (pair && !accumulate && in.get(PAIR, at) == 0L) {
                out.set(PAIR, at, 0L);
                continue;
            }
            long bits = draw(seed, j / 2 + 1);
            maskElement(in, out, at, bits >>> 32, threshold, keep, accumulate);
            if (pair) {
                maskElement(in, out, at + Float.BYTES, bits & 0xffffffffL, threshold, keep, accumulate);
            }
        }
    }

    /**
     * {@code out (+)= mask·in} at byte offset {@code at}. The mask is branch-free — (u − threshold) >>> 63 is 1 exactly
     * when u &lt; threshold (dropped); a branch on a random bit mispredicts half the time.
     */
    private static void maskElement(MemorySegment in, MemorySegment out, long at, long u, long threshold, float keep,
                                    boolean accumulate) {
        float v = masked(u, threshold, keep, in.get(FLOAT, at));
        if (accumulate) {
            v += out.get(FLOAT, at);
        }
        out.set(FLOAT, at, v);
    }

    /** {@code keep·x} when the uniform u is at least the threshold, else 0 (as {@code 0·x}: NaN stays NaN). */
    public static float masked(long u, long threshold, float keep, float x) {
        return keep * (float) (((u - threshold) >>> 63) ^ 1L) * x;
    }

    @Override
    public void bernoulliFactors(long seed, long threshold, float keep, long first, int len, float[] out,
                                 int offset) {
        long j = first, end = first + len;
        int at = offset;
        while (j < end) {
            long bits = draw(seed, j / 2 + 1);
            if ((j & 1) == 0) {
                out[at++] = masked(bits >>> 32, threshold, keep, 1f);
                if (++j == end) {
                    break;
                }
            }
            out[at++] = masked(bits & 0xffffffffL, threshold, keep, 1f);
            j++;
        }
    }

    /** The 32-bit uniform of element j: the high (j even) or low (j odd) half of draw j/2 + 1. */
    public static long uniform(long seed, long j) {
        long bits = draw(seed, j / 2 + 1);
        return (j & 1) == 0 ? bits >>> 32 : bits & 0xffffffffL;
    }

    /** The k-th {@code nextLong()} (k ≥ 1) of {@code new SplittableRandom(seed)}: SplitMix64 of seed + k·γ. */
    static long draw(long seed, long k) {
        return Elementwise.splitMix64(seed + k * GOLDEN_GAMMA);
    }
}
