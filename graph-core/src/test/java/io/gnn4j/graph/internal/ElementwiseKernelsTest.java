package io.gnn4j.graph.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Elementwise;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Both elementwise kernel families against their contracts written out element by element (the Bernoulli mask with
 * {@link SplittableRandom} itself), bit for bit, on inputs with signed zeros, NaN, infinities and subnormals, on
 * ranges that start and end off the vector length, with elements outside the range left alone.
 */
class ElementwiseKernelsTest {
    private static final List<ElementwiseKernels> KERNELS =
            List.of(KernelProvider.elementwiseScalar(), KernelProvider.elementwiseVector());
    private static final float[] SPECIAL = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, 1f, -1f};

    @Test
    void bothFamiliesAreAvailableHere() {
        assertEquals("scalar", KERNELS.get(0).name());
        assertTrue(KERNELS.get(1).name().startsWith("vector-"), KERNELS.get(1).name());
    }

    @Test
    void directDrawsAreSplittableRandomsStream() {
        for (long seed : new long[] {0, 1, -7, 0x123456789ABCDEFL}) {
            SplittableRandom r = new SplittableRandom(seed);
            for (long k = 1; k <= 1000; k++) {
                assertEquals(r.nextLong(), ScalarElementwiseKernels.draw(seed, k), "seed " + seed + ", draw " + k);
            }
        }
    }

    @Test
    void leakyReluForwardAndBackwardFollowTheirFormulas() {
        int n = 1031;
        float[] x = values(n, 1), g = values(n, 2), base = values(n, 3);
        for (ElementwiseKernels k : KERNELS) {
            for (float slope : new float[] {0f, 0.2f, -1.5f}) {
                for (int[] range : new int[][] {{0, n}, {3, n - 5}, {17, 18}, {40, 40}}) {
                    int from = range[0], to = range[1];
                    String what = k.name() + " slope " + slope + " [" + from + ", " + to + ")";
                    float[] y = base.clone(), expected = base.clone();
                    k.leakyRelu(seg(x), seg(y), slope, from, to);
                    for (int i = from; i < to; i++) {
                        expected[i] = x[i] > 0 ? x[i] : slope * x[i];
                    }
                    assertArrayEquals(expected, y, what + " forward");
                    float[] gx = base.clone(), expectedGx = base.clone();
                    k.leakyReluBackward(seg(x), seg(g), seg(gx), slope, from, to);
                    for (int i = from; i < to; i++) {
                        expectedGx[i] = expectedGx[i] + (x[i] > 0 ? 1f : slope) * g[i];
                    }
                    assertArrayEquals(expectedGx, gx, what + " backward");
                }
            }
        }
    }

    @Test
    void scaledEluForwardAndBackwardFollowTheirFormulas() {
        int n = 1031;
        float[] x = values(n, 4), g = values(n, 5), base = values(n, 6);
        for (ElementwiseKernels k : KERNELS) {
            for (float[] constants : new float[][] {{1f, 1f}, {0.5f, 1f}, {1.6732632423543772f, 1.0507009873554805f}}) {
                float alpha = constants[0], lambda = constants[1];
                for (int[] range : new int[][] {{0, n}, {3, n - 5}, {17, 18}, {40, 40}}) {
                    int from = range[0], to = range[1];
                    String what = k.name() + " alpha " + alpha + " lambda " + lambda + " [" + from + ", " + to + ")";
                    float[] y = base.clone(), expected = base.clone();
                    k.scaledElu(seg(x), seg(y), alpha, lambda, from, to);
                    for (int i = from; i < to; i++) {
                        expected[i] = lambda * (x[i] > 0 ? x[i] : alpha * (float) Math.expm1(x[i]));
                    }
                    assertArrayEquals(expected, y, what + " forward");
                    float[] gx = base.clone(), expectedGx = base.clone();
                    k.scaledEluBackward(seg(x), seg(y), seg(g), seg(gx), alpha, lambda, from, to);
                    for (int i = from; i < to; i++) {
                        expectedGx[i] = expectedGx[i] + (x[i] > 0 ? lambda : y[i] + lambda * alpha) * g[i];
                    }
                    assertArrayEquals(expectedGx, gx, what + " backward");
                }
            }
        }
    }

    @Test
    void rowBroadcastAndColumnSumsFollowTheirFormulas() {
        for (int m : new int[] {1, 7, 8, 16, 37, 64}) {
            int n = 23;
            float[] a = values(n * m, m), b = values(m, 2L * m), base = values(n * m, 3L * m);
            for (ElementwiseKernels k : KERNELS) {
                for (float sign : new float[] {1f, -1f}) {
                    String what = k.name() + " m " + m + " sign " + sign;
                    float[] y = base.clone(), expected = base.clone();
                    k.addRow(seg(a), seg(b), sign, seg(y), m, 2, n - 3);
                    for (int r = 2; r < n - 3; r++) {
                        for (int c = 0; c < m; c++) {
                            expected[r * m + c] = a[r * m + c] + sign * b[c];
                        }
                    }
                    assertArrayEquals(expected, y, what + " addRow");
                    float[] inPlace = a.clone();
                    k.addRow(seg(inPlace), seg(b), sign, seg(inPlace), m, 0, n);
                    for (int i = 0; i < n * m; i++) {
                        assertEquals(Float.floatToIntBits(a[i] + sign * b[i % m]), Float.floatToIntBits(inPlace[i]),
                                what + " addRow in place, element " + i);
                    }
                }
                double[] acc = new double[m + 2], expected = new double[m + 2];
                java.util.Arrays.fill(acc, 0.25);
                java.util.Arrays.fill(expected, 0.25);
                k.columnSums(seg(a), m, 1, n, acc);
                for (int r = 1; r < n; r++) {
                    for (int c = 0; c < m; c++) {
                        expected[c] += a[r * m + c];
                    }
                }
                assertArrayEquals(expected, acc, k.name() + " m " + m + " columnSums");
            }
        }
    }

    @Test
    void batchNormalisationLoopsFollowTheirFormulas() {
        for (int m : new int[] {1, 7, 8, 16, 37, 64}) {
            int n = 19, from = 1, to = n - 2;
            float[] x = values(n * m, 10L + m), g = values(n * m, 20L + m), base = values(n * m, 30L + m);
            float[] mu = values(m, 40L + m), invStd = values(m, 50L + m), scale = values(m, 60L + m);
            float[] shift = values(m, 70L + m), k = values(m, 80L + m), meanG = values(m, 90L + m);
            float[] meanGx = values(m, 100L + m);
            double[] mean = new double[m];
            for (int c = 0; c < m; c++) {
                mean[c] = mu[c] + 1e-3 * c;
            }
            for (ElementwiseKernels kernels : KERNELS) {
                String what = kernels.name() + " m " + m;
                double[] sq = new double[m], expectedSq = new double[m];
                kernels.columnSquaredDeviations(seg(x), mean, m, from, to, sq);
                float[] y = base.clone(), expectedY = base.clone();
                kernels.scaleShiftColumns(seg(x), mu, scale, shift, seg(y), m, from, to);
                double[] sums = new double[2 * m], expectedSums = new double[2 * m];
                kernels.batchNormGradientSums(seg(g), seg(x), mu, invStd, m, from, to, sums);
                float[] gx = base.clone(), expectedGx = base.clone();
                kernels.batchNormInputGradient(seg(x), seg(g), mu, invStd, k, meanG, meanGx, seg(gx), m, from, to);
                for (int r = from; r < to; r++) {
                    for (int c = 0; c < m; c++) {
                        int i = r * m + c;
                        double d = x[i] - mean[c];
                        expectedSq[c] += d * d;
                        expectedY[i] = scale[c] * (x[i] - mu[c]) + shift[c];
                        double gi = g[i];
                        expectedSums[c] += gi;
                        expectedSums[m + c] += gi * (x[i] - mu[c]) * invStd[c];
                        float xh = (x[i] - mu[c]) * invStd[c];
                        expectedGx[i] = expectedGx[i] + k[c] * (g[i] - meanG[c] - xh * meanGx[c]);
                    }
                }
                assertArrayEquals(expectedSq, sq, what + " columnSquaredDeviations");
                assertArrayEquals(expectedY, y, what + " scaleShiftColumns");
                assertArrayEquals(expectedSums, sums, what + " batchNormGradientSums");
                assertArrayEquals(expectedGx, gx, what + " batchNormInputGradient");
            }
        }
    }

    @Test
    void bernoulliScaleIsTheSplittableRandomContract() {
        int n = 3000;
        float[] in = values(n, 4), base = values(n, 5);
        for (int i = 200; i < 700; i++) {
            in[i] = i % 97 == 0 ? -0f : 0f;     // long runs of +0 (skipped draws), one -0 now and then
        }
        for (ElementwiseKernels k : KERNELS) {
            for (float p : new float[] {0f, 0.3f, 0.5f, 0.9f}) {
                long threshold = (long) ((double) p * 4294967296.0);
                float keep = 1f / (1f - p);
                for (int[] range : new int[][] {{0, n}, {0, 1}, {0, 17}, {32, 33}, {190, 1101}, {5, 2999}}) {
                    int first = range[0], len = range[1] - range[0];
                    for (boolean accumulate : new boolean[] {false, true}) {
                        String what = k.name() + " p " + p + " [" + range[0] + ", " + range[1] + ") acc " + accumulate;
                        long seed = 977L * first + len;
                        float[] out = base.clone(), expected = base.clone();
                        k.bernoulliScale(seed, threshold, keep, seg(in), seg(out), first, len, accumulate);
                        SplittableRandom r = new SplittableRandom(seed);
                        for (int j = 0; j < len; j += 2) {
                            long bits = r.nextLong();
                            for (int h = 0; h < 2 && j + h < len; h++) {
                                long u = h == 0 ? bits >>> 32 : bits & 0xffffffffL;
                                int i = first + j + h;
                                float v = (u < threshold ? 0f : keep) * in[i];
                                expected[i] = accumulate ? v + expected[i] : v;
                            }
                        }
                        assertArrayEquals(expected, out, what);
                    }
                }
            }
        }
    }

    @Test
    void oneElementsDropoutIsTheKernelsValue() {
        int n = 1001;
        float[] in = values(n, 6);
        for (float p : new float[] {0f, 0.3f, 0.5f, 0.9f}) {
            float[] out = new float[n];
            KernelProvider.elementwise().bernoulliScale(77L, (long) ((double) p * 4294967296.0), 1f / (1f - p),
                    seg(in), seg(out), 0, n, false);
            for (int j = 0; j < n; j++) {
                assertEquals(Float.floatToRawIntBits(out[j]),
                        Float.floatToRawIntBits(Elementwise.bernoulliScaleElement(77L, p, j, in[j])), "p " + p + " j " + j);
            }
        }
    }

    @Test
    void dropoutFactorsTimesTheInputAreTheKernelsValues() {
        int n = 1001;
        float[] in = values(n, 7);
        for (float p : new float[] {0f, 0.3f, 0.6f}) {
            long threshold = (long) ((double) p * 4294967296.0);
            float keep = 1f / (1f - p);
            float[] out = new float[n];
            KernelProvider.elementwise().bernoulliScale(78L, threshold, keep, seg(in), seg(out), 0, n, false);
            // ranges starting at even and odd elements, of even and odd lengths, shorter and longer than a vector, and
            // of half a vector's lanes (eight attention heads on 512-bit vectors)
            for (int[] range : new int[][] {{0, n}, {1, 8}, {6, 7}, {6, 19}, {8, 64}, {998, 3}, {500, 0}, {8, 8},
                {10, 24}, {2, 12}, {4, 4}}) {
                for (ElementwiseKernels k : KERNELS) {
                    float[] factors = new float[range[1] + 3];
                    k.bernoulliFactors(78L, threshold, keep, range[0], range[1], factors, 3);
                    for (int i = 0; i < range[1]; i++) {
                        int j = range[0] + i;
                        assertEquals(Float.floatToRawIntBits(out[j]), Float.floatToRawIntBits(factors[3 + i] * in[j]),
                                k.name() + ", p " + p + " j " + j);
                    }
                }
            }
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> Elementwise.bernoulliFactors(1L, 0.5f, 0, 5, new float[4], 0));
        assertTrue(e.getMessage().contains("into 4 factors"), e.getMessage());
    }

    @Test
    void theFacadeNamesBadArguments() {
        MemorySegment small = seg(new float[10]);
        var e = assertThrows(IllegalArgumentException.class, () -> Elementwise.leakyRelu(small, small, 0f, 2, 11));
        assertTrue(e.getMessage().contains("[2, 11)") && e.getMessage().contains("10 floats"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Elementwise.bernoulliScale(1L, 1f, small, small, 0, 10, false));
        assertTrue(e.getMessage().contains("got 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Elementwise.leakyReluBackward(small, small, small, 0f, 5, 4));
        assertTrue(e.getMessage().contains("[5, 4)"), e.getMessage());
    }

    /** Random values in [−2, 2) with every special value sprinkled in. */
    private static float[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(8) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextDouble(-2, 2);
        }
        return v;
    }

    private static MemorySegment seg(float[] a) {
        return MemorySegment.ofArray(a);
    }
}
