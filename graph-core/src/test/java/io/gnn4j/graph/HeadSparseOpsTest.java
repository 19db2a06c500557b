package io.gnn4j.graph;

import static io.gnn4j.graph.SparseOpsTest.assertClose;
import static io.gnn4j.graph.SparseOpsTest.awkwardGraph;
import static io.gnn4j.graph.SparseOpsTest.named;
import static io.gnn4j.graph.SparseOpsTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.internal.KernelProvider;
import io.gnn4j.graph.internal.SparseKernels;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multi-head kernels of attention (weighted SpMM, its transpose, SDDMM per head) of both providers: against a
 * naive double-precision reference, against a float reference that sums in the documented order (so that the
 * scalar and vector kernels are bit-identical to it and to each other), across thread counts, with head widths that
 * take the vector path (multiples of 8) and those that do not.
 */
class HeadSparseOpsTest {
    /** (heads, columns per head) pairs. */
    private static final int[][] SHAPES = {{1, 1}, {1, 8}, {1, 64}, {2, 3}, {4, 8}, {8, 8}, {3, 16}, {2, 24}, {5, 7}, {9, 3}, {16, 2}};

    private static final ExecutionContext THREE = ExecutionContext.withThreads(3);

    @ParameterizedTest
    @MethodSource("io.gnn4j.graph.SparseOpsTest#kernels")
    void headSpmmAndItsTransposeMatchTheNaiveSums(String kernelName) {
        SparseKernels k = named(kernelName);
        Graph a = awkwardGraph(83, 500, false, 5);
        for (int[] shape : SHAPES) {
            int h = shape[0], f = h * shape[1];
            float[] w = random(a.numEntries() * h, 10 + f), x = random(a.numNodes() * f, 20 + f);
            float[] y = random(a.numNodes() * f, 1), yt = random(a.numNodes() * f, 2);   // garbage to overwrite
            SparseOps.headSpmm(k, a, seg(w), h, seg(x), seg(y), f, THREE);
            SparseOps.headSpmmTranspose(k, a, seg(w), h, seg(x), seg(yt), f, THREE);
            String what = kernelName + " h=" + h + " f=" + f;
            assertClose(naive(a, w, h, x, f, false), y, a.numNodes(), what + " headSpmm");
            assertClose(naive(a, w, h, x, f, true), yt, a.numNodes(), what + " headSpmmTranspose");
            assertArrayEquals(ordered(a, w, h, x, f, false), y, what + " headSpmm, summation order");
            assertArrayEquals(ordered(a, w, h, x, f, true), yt, what + " headSpmmTranspose, summation order");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gnn4j.graph.SparseOpsTest#kernels")
    void headSddmmMatchesPerHeadDotProducts(String kernelName) {
        SparseKernels k = named(kernelName);
        Graph a = awkwardGraph(67, 450, false, 9);
        for (int[] shape : SHAPES) {
            int h = shape[0], c = shape[1], f = h * c;
            float[] x = random(a.numNodes() * f, 30 + f), y = random(a.numNodes() * f, 40 + f);
            float[] out = random(a.numEntries() * h, 3);
            SparseOps.headSddmm(k, a, seg(x), seg(y), h, f, seg(out), THREE);
            double[] expected = new double[out.length];
            float[] inOrder = new float[out.length];
            for (int u = 0; u < a.numNodes(); u++) {
                for (int e = a.rowPtr()[u]; e < a.rowPtr()[u + 1]; e++) {
                    int v = a.colIdx()[e];
                    for (int q = 0; q < h; q++) {
                        float s = 0f;
                        for (int j = q * c; j < (q + 1) * c; j++) {
                            expected[e * h + q] += (double) x[u * f + j] * y[v * f + j];
                            s += x[u * f + j] * y[v * f + j];
                        }
                        inOrder[e * h + q] = s;
                    }
                }
            }
            assertClose(expected, out, c, kernelName + " h=" + h + " c=" + c);
            assertArrayEquals(inOrder, out, kernelName + " h=" + h + " c=" + c + ", summation order");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Graph a = awkwardGraph(3000, 40_000, false, 4);
        int h = 8, f = 64;
        float[] w = random(a.numEntries() * h, 1), x = random(a.numNodes() * f, 2);
        float[] one = new float[x.length], four = new float[x.length];
        SparseOps.headSpmmTranspose(a, seg(w), h, seg(x), seg(one), f, ExecutionContext.withThreads(1));
        SparseOps.headSpmmTranspose(a, seg(w), h, seg(x), seg(four), f, ExecutionContext.withThreads(4));
        assertArrayEquals(one, four);
    }

    @Test
    void wrongShapesNameBothValues() {
        Graph a = awkwardGraph(10, 20, false, 1);
        float[] x = new float[10 * 12];
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class, () -> SparseOps.headSpmm(
                KernelProvider.scalar(), a, seg(new float[a.numEntries() * 5]), 5, seg(x), seg(x.clone()), 12,
                THREE));
        assertTrue(heads.getMessage().contains("12") && heads.getMessage().contains("5 heads"), heads.getMessage());
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class, () -> SparseOps.headSddmm(
                a, seg(x), seg(x.clone()), 4, 12, seg(new float[a.numEntries() * 4 - 1]), THREE));
        assertTrue(weights.getMessage().contains(String.valueOf(a.numEntries() * 4 - 1))
                && weights.getMessage().contains(String.valueOf(a.numEntries() * 4)), weights.getMessage());
    }

    private static MemorySegment seg(float[] a) {
        return MemorySegment.ofArray(a);
    }

    /** The product in double precision: Y[u] = Σ_{u→v} w·X[v], or Y[v] = Σ_{u→v} w·X[u] when transposed. */
    private static double[] naive(Graph a, float[] w, int h, float[] x, int f, boolean transpose) {
        int c = f / h;
        double[] y = new double[a.numNodes() * f];
        for (int u = 0; u < a.numNodes(); u++) {
            for (int e = a.rowPtr()[u]; e < a.rowPtr()[u + 1]; e++) {
                int v = a.colIdx()[e], to = transpose ? v : u, from = transpose ? u : v;
                for (int j = 0; j < f; j++) {
                    y[to * f + j] += (double) w[e * h + j / c] * x[from * f + j];
                }
            }
        }
        return y;
    }

    /** The product in float, each output row summed from zero in ascending edge id, product rounded then added. */
    private static float[] ordered(Graph a, float[] w, int h, float[] x, int f, boolean transpose) {
        int c = f / h;
        float[] y = new float[a.numNodes() * f];
        for (int e = 0; e < a.numEntries(); e++) {
            int u = sourceOf(a, e), v = a.colIdx()[e], to = transpose ? v : u, from = transpose ? u : v;
            for (int j = 0; j < f; j++) {
                y[to * f + j] += w[e * h + j / c] * x[from * f + j];
            }
        }
        return y;
    }

    private static int sourceOf(Graph a, int e) {
        int u = 0;
        while (a.rowPtr()[u + 1] <= e) {
            u++;
        }
        return u;
    }
}
