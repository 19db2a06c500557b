package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.npz.CsrMatrix;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.datasets.npz.NpzFile;
import io.gnn4j.graph.Graph;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reader of the files {@code scipy.sparse.save_npz} writes: a {@code format} array ({@code csr}, {@code csc} or
 * {@code coo}), {@code shape} and the format's arrays ({@code data, indices, indptr} or {@code data, row, col}).
 * Every format is returned as a validated {@link CsrMatrix} (CSC is transposed into rows, COO entries are grouped by
 * row keeping duplicates); {@link #loadGraph} reads a square matrix as an adjacency matrix.
 */
public final class ScipySparseNpz {
    private ScipySparseNpz() {}

    /** Reads the matrix. */
    public static CsrMatrix load(Path file) throws IOException {
        NpzFile npz = NpzFile.open(file);
        NpyArray fmtArr = npz.get("format");
        if (fmtArr.size() != 1 || fmtArr.ndim() != 0 && fmtArr.ndim() != 1) {
            throw fmtArr.error("expected a single format string, found shape " + java.util.Arrays.toString(fmtArr.shape()));
        }
        String format = fmtArr.toStringArray()[0];
        long[] shape = npz.get("shape").requireShape(2).toLongArray();
        if (shape[0] < 0 || shape[1] < 0 || shape[0] > Integer.MAX_VALUE - 9 || shape[1] > Integer.MAX_VALUE - 9) {
            throw new DatasetFormatException(file, "array 'shape'", "(" + shape[0] + ", " + shape[1] + ") is out of range");
        }
        float[] data = npz.get("data").requireShape(-1).toFloatArray();
        switch (format) {
            case "csr" -> {
                int[] indptr = npz.get("indptr").requireShape(-1).toIntArray();
                int[] indices = npz.get("indices").requireShape(data.length).toIntArray();
                return CsrMatrix.validated(file, "csr arrays", shape[0], shape[1], indptr, indices, data);
            }
            case "csc" -> {
                int[] indptr = npz.get("indptr").requireShape(-1).toIntArray();
                int[] indices = npz.get("indices").requireShape(data.length).toIntArray();
                CsrMatrix t = CsrMatrix.validated(file, "csc arrays", shape[1], shape[0], indptr, indices, data);
                int[] rows = new int[t.nnz()], cols = new int[t.nnz()];
                for (int c = 0; c < t.rows(); c++) {
                    for (int k = t.indptr()[c]; k < t.indptr()[c + 1]; k++) {
                        rows[k] = t.indices()[k];
                        cols[k] = c;
                    }
                }
                return fromCoo(file, "csc arrays", (int) shape[0], (int) shape[1], rows, cols, data);
            }
            case "coo" -> {
                int[] row = npz.get("row").requireShape(data.length).toIntArray();
                int[] col = npz.get("col").requireShape(data.length).toIntArray();
                for (int k = 0; k < row.length; k++) {
                    if (row[k] < 0 || row[k] >= shape[0]) {
                        throw new DatasetFormatException(file, "array 'row'", "row index " + row[k] + " at entry " + k
                                + " is out of range [0, " + shape[0] + ")");
                    }
                }
                return fromCoo(file, "coo arrays", (int) shape[0], (int) shape[1], row, col, data);
            }
            default -> throw fmtArr.error("format '" + format + "', expected csr, csc or coo");
        }
    }

    /** Reads a square matrix as the adjacency matrix of a graph (entry (i, j) = edge i→j). */
    public static Graph loadGraph(Path file, boolean directed) throws IOException {
        return load(file).toGraph(file, "matrix", directed);
    }

    /** Groups entries by row (stable, so entries of a row keep their order). */
    private static CsrMatrix fromCoo(Path file, String what, int rows, int cols, int[] r, int[] c, float[] v)
            throws DatasetFormatException {
        long heap = Runtime.getRuntime().maxMemory();
        if (4L * (rows + 1L) > heap / 2) {
            // A corrupt 'shape' must not become an OutOfMemoryError: the row pointers alone would exceed the heap.
            throw new DatasetFormatException(file, "array 'shape'", rows + " rows need " + 4L * (rows + 1L)
                    + " bytes of row pointers, expected at most half the heap (" + heap / 2 + " bytes)");
        }
        int[] indptr = new int[rows + 1];
        for (int x : r) {
            indptr[x + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            indptr[i + 1] += indptr[i];
        }
        int[] next = java.util.Arrays.copyOf(indptr, rows);
        int[] idx = new int[r.length];
        float[] val = new float[r.length];
        for (int k = 0; k < r.length; k++) {
            int pos = next[r[k]]++;
            idx[pos] = c[k];
            val[pos] = v[k];
        }
        return CsrMatrix.validated(file, what, rows, cols, indptr, idx, val);
    }
}
