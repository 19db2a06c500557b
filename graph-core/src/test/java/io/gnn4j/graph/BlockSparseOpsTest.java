package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Block SpMM, its transpose and block SDDMM against a dense double-precision n·d × n·d reference built from the
 * pattern and the blocks, for block sizes 1–4 and feature widths with vector tails, on a pattern with empty rows,
 * self loops and duplicate entries.
 */
class BlockSparseOpsTest {
    static final int N = 23;

    /** The dense n·d × n·d matrix holding block k of entry (u→v) at rows u·d.., columns v·d.. (duplicates add). */
    static double[][] dense(Graph p, float[] blocks, int d) {
        double[][] m = new double[N * d][N * d];
        for (int u = 0; u < N; u++) {
            for (int k = p.rowPtr()[u]; k < p.rowPtr()[u + 1]; k++) {
                int v = p.colIdx()[k];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        m[u * d + i][v * d + j] += blocks[k * d * d + i * d + j];
                    }
                }
            }
        }
        return m;
    }

    static void assertProduct(double[][] m, boolean transpose, float[] x, float[] y, int f) {
        int rows = m.length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < f; c++) {
                double s = 0;
                for (int q = 0; q < rows; q++) {
                    s += (transpose ? m[q][r] : m[r][q]) * x[q * f + c];
                }
                assertEquals(s, y[r * f + c], 1e-4, "row " + r + " column " + c);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.gnn4j.graph.SparseOpsTest#kernels")
    void blockSpmmMatchesTheDenseProduct(String kernel) {
        var k = SparseOpsTest.named(kernel);
        Graph p = SparseOpsTest.awkwardGraph(N, 60, false, 3);
        for (int d = 1; d <= 4; d++) {
            float[] blocks = SparseOpsTest.random(p.numEntries() * d * d, 10 + d);
            double[][] m = dense(p, blocks, d);
            for (int f : new int[] {1, 3, 17, 33}) {
                float[] x = SparseOpsTest.random(N * d * f, f);
                float[] y = new float[N * d * f];
                SparseOps.blockSpmm(k, p, MemorySegment.ofArray(blocks), d, MemorySegment.ofArray(x),
                        MemorySegment.ofArray(y), f, ExecutionContext.withThreads(3));
                assertProduct(m, false, x, y, f);
            }
        }
    }

    @Test
    void blockSpmmTransposeMatchesTheDenseTransposedProduct() {
        Graph p = SparseOpsTest.awkwardGraph(N, 60, false, 4);
        for (int d = 1; d <= 4; d++) {
            float[] blocks = SparseOpsTest.random(p.numEntries() * d * d, 20 + d);
            double[][] m = dense(p, blocks, d);
            int f = 5;
            float[] x = SparseOpsTest.random(N * d * f, 7);
            float[] y = new float[N * d * f];
            SparseOps.blockSpmmTranspose(p, MemorySegment.ofArray(blocks), d, MemorySegment.ofArray(x),
                    MemorySegment.ofArray(y), f, ExecutionContext.withThreads(2));
            assertProduct(m, true, x, y, f);
        }
    }

    @Test
    void blockSddmmIsTheOuterProductOfTheRowBlocks() {
        Graph p = SparseOpsTest.awkwardGraph(N, 60, false, 5);
        int d = 3, f = 9;
        float[] g = SparseOpsTest.random(N * d * f, 1), x = SparseOpsTest.random(N * d * f, 2);
        float[] out = new float[p.numEntries() * d * d];
        SparseOps.blockSddmm(p, d, MemorySegment.ofArray(g), MemorySegment.ofArray(x), f, MemorySegment.ofArray(out),
                ExecutionContext.withThreads(2));
        for (int u = 0; u < N; u++) {
            for (int k = p.rowPtr()[u]; k < p.rowPtr()[u + 1]; k++) {
                int v = p.colIdx()[k];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double s = 0;
                        for (int c = 0; c < f; c++) {
                            s += (double) g[(u * d + i) * f + c] * x[(v * d + j) * f + c];
                        }
                        assertEquals(s, out[k * d * d + i * d + j], 1e-4);
                    }
                }
            }
        }
    }

    @Test
    void vectorKernelsAgreeWithTheScalarOnes() {
        var vector = SparseOpsTest.named("vector");
        Graph p = SparseOpsTest.awkwardGraph(300, 2000, false, 8);
        for (int d = 1; d <= 4; d++) {
            for (int f : new int[] {5, 16, 37}) {
                float[] blocks = SparseOpsTest.random(p.numEntries() * d * d, d);
                float[] x = SparseOpsTest.random(300 * d * f, f);
                float[] a = new float[x.length], b = new float[x.length];
                SparseOps.blockSpmm(io.gnn4j.graph.internal.KernelProvider.scalar(), p, MemorySegment.ofArray(blocks),
                        d, MemorySegment.ofArray(x), MemorySegment.ofArray(a), f, ExecutionContext.withThreads(1));
                SparseOps.blockSpmm(vector, p, MemorySegment.ofArray(blocks), d, MemorySegment.ofArray(x),
                        MemorySegment.ofArray(b), f, ExecutionContext.withThreads(1));
                for (int i = 0; i < a.length; i++) {
                    assertEquals(a[i], b[i], 1e-4 * (1 + Math.abs(a[i])), "d=" + d + " f=" + f + " element " + i);
                }
            }
        }
    }

    @Test
    void resultsAreTheSameForEveryThreadCount() {
        Graph p = SparseOpsTest.awkwardGraph(400, 3000, false, 6);
        int d = 2, f = 11;
        float[] blocks = SparseOpsTest.random(p.numEntries() * d * d, 3);
        float[] x = SparseOpsTest.random(400 * d * f, 4);
        float[] one = new float[x.length], four = new float[x.length];
        SparseOps.blockSpmm(p, MemorySegment.ofArray(blocks), d, MemorySegment.ofArray(x), MemorySegment.ofArray(one),
                f, ExecutionContext.withThreads(1));
        SparseOps.blockSpmm(p, MemorySegment.ofArray(blocks), d, MemorySegment.ofArray(x), MemorySegment.ofArray(four),
                f, ExecutionContext.withThreads(4));
        assertArrayEquals(one, four);
    }

    @Test
    void badShapesNameBothValues() {
        Graph p = SparseOpsTest.awkwardGraph(N, 10, false, 7);
        var e = assertThrows(IllegalArgumentException.class, () -> SparseOps.blockSpmm(p,
                MemorySegment.ofArray(new float[3]), 2, MemorySegment.ofArray(new float[N * 2]),
                MemorySegment.ofArray(new float[N * 2]), 1, ExecutionContext.withThreads(1)));
        assertEquals(true, e.getMessage().contains("holds 3 floats"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparseOps.blockSpmm(p, MemorySegment.ofArray(new float[0]),
                0, MemorySegment.ofArray(new float[0]), MemorySegment.ofArray(new float[0]), 1,
                ExecutionContext.withThreads(1)));
    }
}
