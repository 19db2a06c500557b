package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GemmTest {
    /** m, k, n: products of mini-batch training, vectors and degenerate sizes. */
    private static final int[][] SHAPES = {{2347, 64, 64}, {2347, 7, 32}, {32, 64, 2}, {270, 143, 16}, {1, 64, 7},
            {300, 64, 1}, {1, 1, 1}, {5, 1, 9}, {1, 300, 1}, {64, 347, 64}};

    @Test
    void bitForBitWhatNd4jGemmComputesForEveryTransposeAndBetaAndCloseForVectors() {
        Nd4j.getRandom().setSeed(7);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                INDArray a = ta ? Nd4j.rand(DataType.FLOAT, k, m) : Nd4j.rand(DataType.FLOAT, m, k);
                INDArray b = tb ? Nd4j.rand(DataType.FLOAT, n, k) : Nd4j.rand(DataType.FLOAT, k, n);
                INDArray c = Nd4j.rand(DataType.FLOAT, m, n);
                for (float beta : new float[] {0f, 1f}) {
                    INDArray expected = c.dup(), actual = c.dup();
                    Nd4j.gemm(a, b, expected, ta, tb, 1.0, beta);
                    gemm(a, b, actual, ta, tb, beta);
                    String what = m + "x" + k + "x" + n + " transA=" + ta + " transB=" + tb + " beta=" + beta;
                    if (m == 1 || n == 1) {     // ND4J may hand a vector product to sgemv, whose kernel rounds apart
                        float[] e = expected.data().asFloat(), x = actual.data().asFloat();
                        for (int i = 0; i < e.length; i++) {
                            assertEquals(e[i], x[i], 1e-6f * Math.max(1f, Math.abs(e[i])), what + " at " + i);
                        }
                    } else {
                        assertArrayEquals(expected.data().asFloat(), actual.data().asFloat(), what);
                    }
                }
            }
        }
    }

    @Test
    void aRowRangeOfALargerMatrixIsAnOperand() {
        Nd4j.getRandom().setSeed(3);
        INDArray big = Nd4j.rand(DataType.FLOAT, 10, 6);
        INDArray rows = big.get(NDArrayIndex.interval(3, 8), NDArrayIndex.all());        // a view with an offset
        INDArray b = Nd4j.rand(DataType.FLOAT, 6, 4);
        INDArray expected = Nd4j.create(DataType.FLOAT, 5, 4), actual = Nd4j.create(DataType.FLOAT, 5, 4);
        Nd4j.gemm(rows.dup('c'), b, expected, false, false, 1.0, 0.0);
        gemm(rows, b, actual, false, false, 0f);
        assertArrayEquals(expected.data().asFloat(), actual.data().asFloat());
    }

    @Test
    void mismatchedInnerDimensionsAreRefused() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 3, 4), b = Nd4j.rand(DataType.FLOAT, 5, 2);
        INDArray c = Nd4j.create(DataType.FLOAT, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gemm(a, b, c, false, false, 0f));
        assertTrue(e.getMessage().contains("3×4") && e.getMessage().contains("5×2"), e.getMessage());
    }

    private static void gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, float beta) {
        Gemm.gemm(Nd4jViews.segment(a), (int) a.rows(), (int) a.columns(), Nd4jViews.segment(b), (int) b.rows(),
                (int) b.columns(), Nd4jViews.segment(c), ta, tb, 1f, beta);
    }
}
