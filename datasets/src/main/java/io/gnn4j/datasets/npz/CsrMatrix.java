package io.gnn4j.datasets.npz;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.nio.file.Path;

/**
 * A sparse matrix in compressed sparse row form, as SciPy's {@code csr_matrix} stores it: row i holds columns
 * {@code indices[indptr[i] .. indptr[i+1])} with values {@code data[...]} at the same positions. {@link #validated}
 * checks every invariant (pointer monotonicity, column range, finite values) so that the conversions
 * ({@link #toDense()}, {@link #toGraph}) never see an inconsistent matrix.
 */
public record CsrMatrix(int rows, int cols, int[] indptr, int[] indices, float[] data) {

    /**
     * Builds a matrix after checking it, naming {@code file} and {@code what} (e.g. {@code "adj_*"}) on failure.
     *
     * @param data the values, or null when every stored entry is 1
     */
    public static CsrMatrix validated(Path file, String what, long rows, long cols, int[] indptr, int[] indices,
                                      float[] data) throws DatasetFormatException {
        if (rows < 0 || cols < 0 || rows > Integer.MAX_VALUE - 9 || cols > Integer.MAX_VALUE - 9) {
            throw new DatasetFormatException(file, what, "shape (" + rows + ", " + cols + ") is out of range");
        }
        if (indptr.length != rows + 1) {
            throw new DatasetFormatException(file, what, "indptr has length " + indptr.length + ", expected rows+1 = "
                    + (rows + 1));
        }
        if (data != null && data.length != indices.length) {
            throw new DatasetFormatException(file, what, "data has length " + data.length + " but indices has "
                    + indices.length);
        }
        if (indptr[0] != 0 || indptr[(int) rows] != indices.length) {
            throw new DatasetFormatException(file, what, "indptr must run from 0 to nnz = " + indices.length + ", found "
                    + indptr[0] + " .. " + indptr[(int) rows]);
        }
        for (int i = 0; i < rows; i++) {
            if (indptr[i + 1] < indptr[i]) {
                throw new DatasetFormatException(file, what, "indptr decreases at row " + i + ": " + indptr[i] + " > "
                        + indptr[i + 1]);
            }
        }
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= cols) {
                throw new DatasetFormatException(file, what, "column index " + indices[k] + " at entry " + k
                        + " is out of range [0, " + cols + ")");
            }
            if (data != null && !Float.isFinite(data[k])) {
                throw new DatasetFormatException(file, what, "value " + data[k] + " at entry " + k + " is not finite");
            }
        }
        return new CsrMatrix((int) rows, (int) cols, indptr, indices, data);
    }

    /** Number of stored entries. */
    public int nnz() {
        return indices.length;
    }

    /** Value of stored entry k (1 when the matrix carries no values). */
    public float value(int k) {
        return data == null ? 1f : data[k];
    }

    /** Whether every stored value is exactly 1. */
    public boolean allOnes() {
        if (data != null) {
            for (float v : data) {
                if (v != 1f) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The dense row-major rows×cols matrix; duplicate entries are summed (SciPy's {@code todense}).
     *
     * @throws DatasetFormatException when rows×cols exceeds a Java array
     */
    public float[] toDense(Path file, String what) throws DatasetFormatException {
        float[] out = allocateDense(file, what, rows, cols);
        for (int i = 0; i < rows; i++) {
            long base = (long) i * cols;
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                out[(int) (base + indices[k])] += value(k);
            }
        }
        return out;
    }

    /**
     * A zeroed rows×cols float array, refused with a {@link DatasetFormatException} (rather than an
     * {@link OutOfMemoryError}) when it exceeds a Java array or half of the maximum heap — the sign of a corrupt
     * dimension in a file.
     */
    public static float[] allocateDense(Path file, String what, long rows, long cols) throws DatasetFormatException {
        long n = rows * cols;
        long heap = Runtime.getRuntime().maxMemory();
        if (rows < 0 || cols < 0 || (cols != 0 && n / cols != rows) || n > Integer.MAX_VALUE - 8 || 4 * n > heap / 2) {
            throw new DatasetFormatException(file, what, "dense " + rows + "×" + cols + " float matrix is too large ("
                    + "limit " + (Integer.MAX_VALUE - 8) + " elements and half the heap, " + heap / 2 + " bytes)");
        }
        return new float[(int) n];
    }

    /**
     * The square matrix as a graph: entry (i, j) is the edge i→j. Directed keeps every stored entry (weighted
     * unless all values are 1; duplicate entries summed when weighted); undirected symmetrises, merging both
     * directions of a pair (largest weight).
     */
    public Graph toGraph(Path file, String what, boolean directed) throws DatasetFormatException {
        if (rows != cols) {
            throw new DatasetFormatException(file, what, "adjacency must be square, found " + rows + "×" + cols);
        }
        boolean weighted = !allOnes();
        GraphBuilder b = directed ? GraphBuilder.directed(rows) : GraphBuilder.undirected(rows);
        if (weighted && directed) {
            b.duplicates(DuplicateEdges.SUM);
        }
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                if (weighted) {
                    b.addEdge(i, indices[k], data[k]);
                } else {
                    b.addEdge(i, indices[k]);
                }
            }
        }
        return b.build();
    }
}
