package io.gnn4j.nn;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code C = α·op(A)·op(B) + β·C} on float32 row-major matrices as one call of OpenBLAS's {@code cblas_sgemm} — the
 * library and function ND4J's {@code Nd4j.gemm} ends in, so results are bit for bit the same (except where ND4J hands
 * a vector product to {@code sgemv}, whose kernel may round apart: seen for 1×k·k×n on an AVX-512 Xeon) — without ND4J's
 * per-call operation objects (an op, its context, shape buffers and maps: about 0.1 ms and several kilobytes of
 * garbage per product, which dominated the small products of mini-batch training). Matrices whose layout is not
 * plain row-major (views with a column stride) go through {@code Nd4j.gemm}.
 */
final class Gemm {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private Gemm() {
    }

    static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, float alpha, float beta) {
        if (!rowMajor(a) || !rowMajor(b) || !rowMajor(c)) {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
            return;
        }
        int m = (int) c.rows(), n = (int) c.columns(), k = (int) (transA ? a.rows() : a.columns());
        if (m == 0 || n == 0) {
            return;
        }
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha,
                pointer(a), leadingDimension(a), pointer(b), leadingDimension(b), beta, pointer(c), leadingDimension(c));
    }

    private static boolean rowMajor(INDArray x) {
        return x.rank() == 2 && x.ordering() == 'c' && (x.columns() <= 1 || x.stride(1) == 1);
    }

    private static int leadingDimension(INDArray x) {
        return (int) Math.max(1, x.rows() <= 1 ? x.columns() : x.stride(0));
    }

    private static FloatPointer pointer(INDArray x) {
        // a view's buffer may start at its own offset: its address already points there
        return new FloatPointer(x.data().addressPointer()).position(x.offset() - x.data().offset());
    }
}
