package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gnn4j.graph.internal.KernelProvider;
import io.gnn4j.graph.internal.SparseKernels;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every kernel of both providers against a naive double-precision reference, at feature widths that hit the
 * vector tails (1, 3, 7, 13, 17, 63, 65, 128, 1000+), on graphs with empty rows, self loops, one huge-degree row and
 * no entries at all.
 */
class SparseOpsTest {
    static final int[] WIDTHS = {1, 3, 7, 13, 16, 17, 63, 64, 65, 128, 1030};

    static Stream<Arguments> kernels() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("scalar"));
        out.add(Arguments.of("vector"));
        return out.stream();
    }

    static SparseKernels named(String name) {
        if (name.equals("scalar")) {
            return KernelProvider.scalar();
        }
        try {
            return KernelProvider.vector();
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "Vector API not enabled: " + e.getMessage());
            return null;
        }
    }

    /** A random graph with isolated nodes, self loops, duplicates and node 0 linked to everyone. */
    static Graph awkwardGraph(int n, int m, boolean weighted, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GraphBuilder b = GraphBuilder.directed(n);
        for (int i = 0; i < m; i++) {
            int u = r.nextInt(n / 2 + 1), v = r.nextInt(n);   // nodes above n/2 have empty rows
            if (weighted) {
                b.addEdge(u, v, (float) r.nextDouble(-2, 2));
            } else {
                b.addEdge(u, v);
            }
        }
        for (int v = 0; v < n; v++) {
            b.addEdge(0, v, weighted ? 0.5f : 1f);
        }
        return b.build();
    }

    static float[] random(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[len];
        for (int i = 0; i < len; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
        }
        return a;
    }

    static double[] naiveSpmm(Graph a, float[] x, int f) {
        double[] y = new double[a.numNodes() * f];
        for (int u = 0; u < a.numNodes(); u++) {
            for (int k = a.rowPtr()[u]; k < a.rowPtr()[u + 1]; k++) {
                for (int c = 0; c < f; c++) {
                    y[u * f + c] += (double) a.weight(k) * x[a.colIdx()[k] * f + c];
                }
            }
        }
        return y;
    }

    /** Relative tolerance growing with the reduction length, as float sums of n terms drift like n·ε. */
    static void assertClose(double[] expected, float[] actual, double scale, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-5 * scale + 1e-5 * Math.abs(expected[i]);
            if (Math.abs(expected[i] - actual[i]) > tol) {
                throw new AssertionError(what + ": element " + i + " expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void spmmMatchesNaiveReferenceAtAwkwardWidths(String kernelName) {
        SparseKernels k = named(kernelName);
        for (boolean weighted : new boolean[] {false, true}) {
            Graph a = awkwardGraph(97, 600, weighted, 7);
            for (int f : WIDTHS) {
                float[] x = random(a.numNodes() * f, f);
                float[] y = new float[x.length];
                SparseOps.spmm(k, a, MemorySegment.ofArray(x), MemorySegment.ofArray(y), f, ExecutionContext.withThreads(3));
                assertClose(naiveSpmm(a, x, f), y, a.numNodes(), kernelName + " f=" + f + " weighted=" + weighted);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void spmmOnAGraphWithoutEntriesWritesZeros(String kernelName) {
        SparseKernels k = named(kernelName);
        Graph a = GraphBuilder.directed(5).build();
        float[] x = random(5 * 17, 1);
        float[] y = random(5 * 17, 2);     // garbage that must be overwritten
        SparseOps.spmm(k, a, MemorySegment.ofArray(x), MemorySegment.ofArray(y), 17, ExecutionContext.withThreads(2));
        assertArrayEquals(new float[5 * 17], y);
    }

    @Test
    void spmmIsBitIdenticalAcrossThreadCounts() {
        Graph a = awkwardGraph(2000, 30_000, true, 3);
        int f = 100;
        float[] x = random(a.numNodes() * f, 9);
        float[] one = new float[x.length], four = new float[x.length];
        SparseOps.spmm(a, MemorySegment.ofArray(x), MemorySegment.ofArray(one), f, ExecutionContext.withThreads(1));
        SparseOps.spmm(a, MemorySegment.ofArray(x), MemorySegment.ofArray(four), f, ExecutionContext.withThreads(4));
        assertArrayEquals(one, four);
    }

    @Test
    void spmmTransposeAggregatesIncomingEdges() {
        Graph a = GraphBuilder.directed(3).addEdge(0, 1, 2f).addEdge(2, 1, 3f).addEdge(1, 0, 1f).build();
        float[] x = {1, 10, 100};
        float[] y = new float[3];
        SparseOps.spmmTranspose(a, MemorySegment.ofArray(x), MemorySegment.ofArray(y), 1, ExecutionContext.withThreads(1));
        // Y[v] = Σ_{u→v} w·X[u]: node 1 receives 2·1 + 3·100, node 0 receives 1·10, node 2 nothing.
        assertArrayEquals(new float[] {10, 302, 0}, y);
    }

    @Test
    void shapeMismatchNamesBothValues() {
        Graph a = GraphBuilder.directed(4).addEdge(0, 1).build();
        var e = assertThrows(IllegalArgumentException.class, () -> SparseOps.spmm(a,
                MemorySegment.ofArray(new float[7]), MemorySegment.ofArray(new float[8]), 2));
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("4×2"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void sddmmMatchesNaiveDotProducts(String kernelName) {
        SparseKernels k = named(kernelName);
        Graph a = awkwardGraph(61, 400, false, 11);
        for (int f : WIDTHS) {
            float[] x = random(61 * f, 1 + f), y = random(61 * f, 2 + f);
            float[] out = new float[a.numEntries()];
            SparseOps.sddmm(k, a, MemorySegment.ofArray(x), MemorySegment.ofArray(y), f, out,
                    ExecutionContext.withThreads(2));
            double[] expected = new double[a.numEntries()];
            for (int u = 0; u < 61; u++) {
                for (int e = a.rowPtr()[u]; e < a.rowPtr()[u + 1]; e++) {
                    for (int c = 0; c < f; c++) {
                        expected[e] += (double) x[u * f + c] * y[a.colIdx()[e] * f + c];
                    }
                }
            }
            assertClose(expected, out, f, kernelName + " f=" + f);
        }
    }

    @Test
    void scatterReductionsMatchNaiveGrouping() {
        int m = 500, segs = 40, f = 19;
        SplittableRandom r = new SplittableRandom(3);
        int[] index = new int[m];
        for (int i = 0; i < m; i++) {
            index[i] = r.nextInt(segs - 5);   // the last five segments stay empty
        }
        float[] src = random(m * f, 8);
        float[] sum = new float[segs * f], mean = new float[segs * f], max = new float[segs * f];
        int[] argmax = new int[segs * f];
        var ctx = ExecutionContext.withThreads(2);
        SparseOps.scatterSum(index, segs, MemorySegment.ofArray(src), MemorySegment.ofArray(sum), f, ctx);
        SparseOps.scatterMean(index, segs, MemorySegment.ofArray(src), MemorySegment.ofArray(mean), f, ctx);
        SparseOps.scatterMax(index, segs, MemorySegment.ofArray(src), MemorySegment.ofArray(max), argmax, f, ctx);
        double[] eSum = new double[segs * f], eMax = new double[segs * f];
        int[] count = new int[segs], eArg = new int[segs * f];
        java.util.Arrays.fill(eArg, -1);
        for (int i = 0; i < m; i++) {
            count[index[i]]++;
            for (int c = 0; c < f; c++) {
                int o = index[i] * f + c;
                eSum[o] += src[i * f + c];
                if (eArg[o] < 0 || src[i * f + c] > eMax[o]) {
                    eMax[o] = src[i * f + c];
                    eArg[o] = i;
                }
            }
        }
        double[] eMean = new double[segs * f];
        for (int o = 0; o < eSum.length; o++) {
            eMean[o] = count[o / f] == 0 ? 0 : eSum[o] / count[o / f];
        }
        assertClose(eSum, sum, m, "sum");
        assertClose(eMean, mean, m, "mean");
        assertClose(eMax, max, 1, "max");
        assertArrayEquals(eArg, argmax, "argmax");
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void addSegmentSumsAddsOrderedSumsAndLeavesEmptySegments(String kernelName) {
        SparseKernels k = named(kernelName);
        SegmentIndex segments = SegmentIndex.of(randomIndex(5000, 700, 3), 900);   // segments 700..899 are empty
        int members = segments.members().length;
        for (int f : new int[] {1, 3, 8, 16, 24}) {
            float[] src = random(members * f, 4), initial = random(900 * f, 5);
            for (int[] rows : new int[][] {null, segments.members()}) {
                float[] out = initial.clone();
                SparseOps.addSegmentSums(k, segments.ptr(), rows, MemorySegment.ofArray(src), MemorySegment.ofArray(out),
                        f, ExecutionContext.withThreads(3));
                float[] expected = initial.clone();                   // the documented order, in float
                for (int s = 0; s < 900; s++) {
                    if (segments.ptr()[s] == segments.ptr()[s + 1]) {
                        continue;
                    }
                    for (int c = 0; c < f; c++) {
                        float sum = 0f;
                        for (int p = segments.ptr()[s]; p < segments.ptr()[s + 1]; p++) {
                            sum += src[(rows == null ? p : rows[p]) * f + c];
                        }
                        expected[s * f + c] += sum;
                    }
                }
                assertArrayEquals(expected, out, kernelName + ", f = " + f + ", rows " + (rows == null ? "in order" : "indexed"));
            }
        }
        var e = assertThrows(IllegalArgumentException.class, () -> SparseOps.addSegmentSums(segments.ptr(), new int[3],
                MemorySegment.ofArray(new float[members]), MemorySegment.ofArray(new float[900]), 1,
                ExecutionContext.withThreads(1)));
        assertTrue(e.getMessage().contains(members + " members but 3 rows"), e.getMessage());
    }

    private static int[] randomIndex(int n, int segments, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = r.nextInt(segments);
        }
        return index;
    }

    @Test
    void scatterRejectsAnOutOfRangeSegmentNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> SparseOps.scatterSum(new int[] {0, 5}, 3,
                MemorySegment.ofArray(new float[2]), MemorySegment.ofArray(new float[3]), 1, ExecutionContext.withThreads(1)));
        assertTrue(e.getMessage().contains("index[1] = 5") && e.getMessage().contains("[0, 3)"), e.getMessage());
    }
}
