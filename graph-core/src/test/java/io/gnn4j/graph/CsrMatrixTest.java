package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CsrMatrix} from a dense matrix and back, its transpose, and {@link SparseOps#spmm(CsrMatrix, MemorySegment,
 * MemorySegment, int, ExecutionContext)} against the dense product summed in double.
 */
class CsrMatrixTest {
    @Test
    void keepsEveryElementThatIsNotPlusZeroInRowMajorOrder() {
        float[] dense = {0f, -0f, 2f, 0f, Float.NaN, 0f, 0f, 0f, 3.5f};
        CsrMatrix a = CsrMatrix.fromDense(MemorySegment.ofArray(dense), 3, 3);
        assertEquals(4, a.nonZeros());
        assertArrayEquals(new int[] {0, 2, 3, 4}, a.rowPtr());
        assertArrayEquals(new int[] {1, 2, 1, 2}, a.colIdx());
        assertArrayEquals(new float[] {-0f, 2f, Float.NaN, 3.5f}, a.values());
        assertEquals(4 / 9.0, a.density(), 1e-12);
        assertArrayEquals(dense, toDense(a));
    }

    @Test
    void transposeIsTheDenseTranspose() {
        float[] dense = randomSparse(37, 23, 0.2, 1);
        CsrMatrix a = CsrMatrix.fromDense(MemorySegment.ofArray(dense), 37, 23);
        CsrMatrix t = a.transpose();
        assertEquals(23, t.rows());
        assertEquals(37, t.cols());
        float[] expected = new float[dense.length];
        for (int r = 0; r < 37; r++) {
            for (int c = 0; c < 23; c++) {
                expected[c * 37 + r] = dense[r * 23 + c];
            }
        }
        assertArrayEquals(expected, toDense(t));
        float[] doubled = a.values().clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        CsrMatrix b = a.withValues(doubled);
        assertSame(a.rowPtr(), b.rowPtr());
        assertSame(t.colIdx(), b.transpose().colIdx(), "the transposed pattern is built once per pattern");
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= 2;
        }
        assertArrayEquals(expected, toDense(b.transpose()));
    }

    @Test
    void spmmIsTheDenseProductForEveryThreadCount() {
        int rows = 301, cols = 157;
        CsrMatrix a = CsrMatrix.fromDense(MemorySegment.ofArray(randomSparse(rows, cols, 0.05, 2)), rows, cols);
        float[] dense = toDense(a);
        for (int f : new int[] {1, 7, 16, 33}) {
            float[] x = randomSparse(cols, f, 1.0, 3 + f);
            float[] first = null;
            for (int threads : new int[] {1, 3}) {
                float[] y = new float[rows * f];
                Arrays.fill(y, Float.NaN);    // overwritten, not accumulated into
                SparseOps.spmm(a, MemorySegment.ofArray(x), MemorySegment.ofArray(y), f,
                        ExecutionContext.withThreads(threads));
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < f; j++) {
                        double s = 0;
                        for (int k = 0; k < cols; k++) {
                            s += (double) dense[r * cols + k] * x[k * f + j];
                        }
                        assertEquals(s, y[r * f + j], 1e-5 * (1 + Math.abs(s)), "f " + f + " at " + r + "," + j);
                    }
                }
                if (first == null) {
                    first = y;
                } else {
                    assertArrayEquals(first, y, "same bits for every thread count");
                }
            }
        }
    }

    @Test
    void badShapesAreNamed() {
        CsrMatrix a = CsrMatrix.fromDense(MemorySegment.ofArray(new float[] {1f, 0f, 0f, 2f, 0f, 3f}), 2, 3);
        var e = assertThrows(IllegalArgumentException.class,
                () -> SparseOps.spmm(a, MemorySegment.ofArray(new float[5]), MemorySegment.ofArray(new float[4]), 2,
                        ExecutionContext.withThreads(1)));
        assertTrue(e.getMessage().contains("X holds 5 floats") && e.getMessage().contains("3×2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.withValues(new float[2]));
        assertTrue(e.getMessage().contains("3 entries") && e.getMessage().contains("got 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.fromDense(MemorySegment.ofArray(new float[5]), 2, 3));
        assertTrue(e.getMessage().contains("6 floats") && e.getMessage().contains("holds 5"), e.getMessage());
    }

    private static float[] toDense(CsrMatrix a) {
        float[] d = new float[a.rows() * a.cols()];
        for (int r = 0; r < a.rows(); r++) {
            for (int k = a.rowPtr()[r]; k < a.rowPtr()[r + 1]; k++) {
                d[r * a.cols() + a.colIdx()[k]] = a.values()[k];
            }
        }
        return d;
    }

    private static float[] randomSparse(int rows, int cols, double density, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() < density ? (float) r.nextDouble(-2, 2) : 0f;
        }
        return d;
    }
}
