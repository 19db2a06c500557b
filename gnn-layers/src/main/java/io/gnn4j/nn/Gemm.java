package io.gnn4j.nn;

import java.lang.foreign.MemorySegment;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * {@code C = α·op(A)·op(B) + β·C} on contiguous row-major float32 matrices as one call of OpenBLAS's
 * {@code cblas_sgemm} — the library and function ND4J's {@code Nd4j.gemm} ends in, so results are bit for bit the same
 * (except where ND4J hands a vector product to {@code sgemv}, whose kernel may round apart: seen for 1×k·k×n on an
 * AVX-512 Xeon) — without ND4J's per-call operation objects (an op, its context, shape buffers and maps: about 0.1 ms
 * and several kilobytes of garbage per product, which dominated the small products of mini-batch training). The
 * operands are the tensors' {@link MemorySegment}s, so a product needs no ND4J array around them.
 */
final class Gemm {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private Gemm() {
    }

    /**
     * C = α·op(A)·op(B) + β·C where A is stored aRows×aCols, B is stored bRows×bCols and C is m×n (m and n the outer
     * dimensions of op(A) and op(B)), all row-major without padding.
     */
    static void gemm(MemorySegment a, int aRows, int aCols, MemorySegment b, int bRows, int bCols, MemorySegment c,
                     boolean transA, boolean transB, float alpha, float beta) {
        int m = transA ? aCols : aRows, k = transA ? aRows : aCols;
        int n = transB ? bRows : bCols, kb = transB ? bCols : bRows;
        if (k != kb) {
            throw new IllegalArgumentException("gemm: op(A) is " + m + "×" + k + " but op(B) is " + kb + "×" + n);
        }
        if (c.byteSize() < (long) m * n * Float.BYTES) {
            throw new IllegalArgumentException("gemm: C holds " + c.byteSize() / Float.BYTES + " floats, " + m + "×"
                    + n + " needed");
        }
        if (m == 0 || n == 0) {
            return;
        }
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha,
                new SegmentPointer(a), Math.max(1, aCols), new SegmentPointer(b), Math.max(1, bCols), beta,
                new SegmentPointer(c), Math.max(1, n));
    }

    /** A JavaCPP pointer to a segment's first float: neither a copy nor an owner of the memory. */
    private static final class SegmentPointer extends FloatPointer {
        SegmentPointer(MemorySegment s) {
            address = s.address();
            capacity = limit = s.byteSize() / Float.BYTES;
        }
    }
}
