package io.gnn4j.datasets.formats;

import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.charset.Charset;
import java.io.IOException;
import io.gnn4j.datasets.npz.CsrMatrix;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.datasets.npz.NpzFile;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.Graph;
import io.gnn4j.datasets.MultiLabels;
import java.nio.file.Path;
import java.util.List;

/** Helpers shared by the npz-based loaders: CSR triplets, labels, masks, and turning model checks into format errors. */
final class LoaderSupport {
    private LoaderSupport() {}

    /** Reads the CSR triplet {@code p_data, p_indices, p_indptr, p_shape} of an archive. */
    static CsrMatrix csrTriplet(NpzFile npz, String p) throws DatasetFormatException {
        NpyArray shapeArr = npz.get(p + "_shape").requireShape(2);
        long[] shape = shapeArr.toLongArray();
        int[] indptr = npz.get(p + "_indptr").requireShape(-1).toIntArray();
        int[] indices = npz.get(p + "_indices").requireShape(-1).toIntArray();
        float[] data = npz.get(p + "_data").requireShape(indices.length).toFloatArray();
        return CsrMatrix.validated(npz.file(), "arrays " + p + "_*", shape[0], shape[1], indptr, indices, data);
    }

    /** Class labels: a 1-D integer array of length n with values in 0..numClasses-1 (numClasses = max+1 if ≤ 0). */
    static int[] labels(NpyArray arr, int n) throws DatasetFormatException {
        int[] y = arr.requireShape(n).toIntArray();
        for (int i = 0; i < n; i++) {
            if (y[i] < 0) {
                throw arr.error("label " + y[i] + " of node " + i + " is negative");
            }
        }
        return y;
    }

    /** The elements of a float array, each required to be finite (the error names the element). */
    static float[] finite(NpyArray arr) throws DatasetFormatException {
        float[] x = arr.toFloatArray();
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw arr.error("value " + x[i] + " at element " + i + " is not finite");
            }
        }
        return x;
    }

    static int maxPlusOne(int[] y) {
        int c = 0;
        for (int v : y) {
            c = Math.max(c, v + 1);
        }
        return c;
    }

    /** Indices of the true entries of {@code mask[from .. from+n)}. */
    static int[] indices(boolean[] mask, int from, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += mask[from + i] ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (mask[from + i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** A split, turning an overlap found by {@link Split#checkedAgainst} into a format error. */
    static Split split(Path file, String where, String name, int[] train, int[] val, int[] test, int n)
            throws DatasetFormatException {
        try {
            return new Split(name, train, val, test).checkedAgainst(n);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(file, where, e.getMessage(), e);
        }
    }

    /** A node dataset, turning a consistency failure of its constructor into a format error. */
    static NodeDataset dataset(Path file, String name, Graph g, int numFeatures, float[] features, int[] labels,
                               int numClasses, List<Split> splits, MultiLabels multi) throws DatasetFormatException {
        try {
            return new NodeDataset(name, g, numFeatures, features, labels, numClasses, splits, multi);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(file, "dataset", e.getMessage(), e);
        }
    }

    /** The file name without its extension. */
    static String baseName(Path file) {
        String s = file.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    /**
     * The lines of a text file, strictly: the last line must end with a newline (a cut line is a truncated file), a
     * trailing CR is dropped, and an empty line is an error naming its number. An empty file gives no lines when
     * {@code allowEmptyFile}, else an error.
     */
    static List<String> strictLines(Path file, Charset charset,
                                              boolean allowEmptyFile) throws IOException {
        String text = new String(Files.readAllBytes(file), charset);
        if (text.isEmpty()) {
            if (allowEmptyFile) {
                return List.of();
            }
            throw new DatasetFormatException(file, "file", "empty");
        }
        if (!text.endsWith("\n")) {
            throw new DatasetFormatException(file, "end of file", "last line has no newline (truncated?)");
        }
        List<String> out = new ArrayList<>(
                List.of(text.substring(0, text.length() - 1).split("\n", -1)));
        for (int i = 0; i < out.size(); i++) {
            String s = out.get(i);
            if (s.endsWith("\r")) {
                out.set(i, s = s.substring(0, s.length() - 1));
            }
            if (s.isEmpty()) {
                throw new DatasetFormatException(file, "line " + (i + 1), "empty line");
            }
        }
        return out;
    }
}
