package io.gnn4j.graph;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * A rows×cols sparse float32 matrix in compressed sparse row form (each row's column indices ascending, no
 * duplicates) for operands that are not graphs, such as bag-of-words node features: Cora's 2,708×1,433 features are
 * 1.3 % non-zero, the case Kipf &amp; Welling's reference GCN code feeds as sparse inputs.
 * {@link SparseOps#spmm(CsrMatrix, MemorySegment, MemorySegment, int, ExecutionContext)} multiplies it with a dense
 * matrix in O(non-zeros · f). Matrices made by {@link #withValues} share their pattern, and with it the transposed
 * pattern, built once on the first {@link #transpose()}. The accessors return the arrays themselves: do not change
 * them.
 */
public final class CsrMatrix {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private final Pattern pattern;
    private final float[] values;

    private CsrMatrix(Pattern pattern, float[] values) {
        this.pattern = pattern;
        this.values = values;
    }

    /**
     * The non-zero elements of a dense row-major rows×cols matrix, in row-major order. Only +0.0 counts as zero:
     * −0.0 and NaN are stored, so every element can be told from the sparse form bit for bit.
     */
    public static CsrMatrix fromDense(MemorySegment dense, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("a matrix needs rows, cols >= 0, got " + rows + "×" + cols);
        }
        long size = (long) rows * cols;
        if (dense.byteSize() < size * Float.BYTES) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix needs " + size + " floats, the buffer"
                    + " holds " + dense.byteSize() / Float.BYTES);
        }
        int[] rowPtr = new int[rows + 1];
        long nnz = 0;
        for (int r = 0; r < rows; r++) {
            for (long i = (long) r * cols, end = i + cols; i < end; i++) {
                if (Float.floatToRawIntBits(dense.getAtIndex(FLOAT, i)) != 0) {
                    nnz++;
                }
            }
            if (nnz > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix with more than "
                        + (Integer.MAX_VALUE - 8) + " non-zeros does not fit a CSR matrix");
            }
            rowPtr[r + 1] = (int) nnz;
        }
        int[] colIdx = new int[(int) nnz];
        float[] values = new float[(int) nnz];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            long base = (long) r * cols;
            for (int c = 0; c < cols; c++) {
                float v = dense.getAtIndex(FLOAT, base + c);
                if (Float.floatToRawIntBits(v) != 0) {
                    colIdx[k] = c;
                    values[k++] = v;
                }
            }
        }
        return new CsrMatrix(new Pattern(rows, cols, rowPtr, colIdx), values);
    }

    /** A matrix with this one's pattern and the given values, one per stored entry in this matrix's order; no copy. */
    public CsrMatrix withValues(float[] values) {
        if (values.length != nonZeros()) {
            throw new IllegalArgumentException("the pattern stores " + nonZeros() + " entries, got " + values.length
                    + " values");
        }
        return new CsrMatrix(pattern, values);
    }

    /** The cols×rows transpose, each row's entries in ascending column (this matrix's row) order. */
    public CsrMatrix transpose() {
        Pattern t = pattern.transposed();
        int[] order = pattern.transposeOrder();
        float[] tv = new float[values.length];
        for (int p = 0; p < tv.length; p++) {
            tv[p] = values[order[p]];
        }
        return new CsrMatrix(t, tv);
    }

    /** Number of rows. */
    public int rows() {
        return pattern.rows;
    }

    /** Number of columns. */
    public int cols() {
        return pattern.cols;
    }

    /** Number of stored entries. */
    public int nonZeros() {
        return pattern.colIdx.length;
    }

    /** The stored share of the rows·cols elements (0 for an empty matrix). */
    public double density() {
        long size = (long) rows() * cols();
        return size == 0 ? 0 : (double) nonZeros() / size;
    }

    /** Row r's entries are {@code [rowPtr[r], rowPtr[r + 1])}; length rows + 1. */
    public int[] rowPtr() {
        return pattern.rowPtr;
    }

    /** The column of each stored entry. */
    public int[] colIdx() {
        return pattern.colIdx;
    }

    /** The value of each stored entry. */
    public float[] values() {
        return values;
    }

    @Override
    public String toString() {
        return "CsrMatrix(" + rows() + "×" + cols() + ", " + nonZeros() + " non-zeros)";
    }

    /** The structure shared by matrices with the same pattern, with its transposition built once. */
    private static final class Pattern {
        final int rows;
        final int cols;
        final int[] rowPtr;
        final int[] colIdx;
        private Pattern transposed;
        /** Entry p of the transposed pattern is entry {@code transposeOrder[p]} of this one. */
        private int[] transposeOrder;

        Pattern(int rows, int cols, int[] rowPtr, int[] colIdx) {
            this.rows = rows;
            this.cols = cols;
            this.rowPtr = rowPtr;
            this.colIdx = colIdx;
        }

        synchronized Pattern transposed() {
            if (transposed == null) {
                SegmentIndex byColumn = SegmentIndex.of(colIdx, cols);
                int[] order = byColumn.members();
                int[] rowOf = new int[colIdx.length];
                for (int r = 0; r < rows; r++) {
                    Arrays.fill(rowOf, rowPtr[r], rowPtr[r + 1], r);
                }
                int[] tCol = new int[order.length];
                for (int p = 0; p < order.length; p++) {
                    tCol[p] = rowOf[order[p]];
                }
                transposeOrder = order;
                transposed = new Pattern(cols, rows, byColumn.ptr(), tCol);
            }
            return transposed;
        }

        synchronized int[] transposeOrder() {
            transposed();
            return transposeOrder;
        }
    }
}
