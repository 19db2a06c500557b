package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.MultiLabels;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.npz.CsrMatrix;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.datasets.npz.NpzFile;
import io.gnn4j.graph.Graph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Loader of the CSR-triplet {@code .npz} files of shchur/gnn-benchmark (Shchur et al., "Pitfalls of Graph Neural
 * Network Evaluation", 2018), graph2gauss (Bojchevski &amp; Günnemann, 2018) and nettack: {@code adj_data,
 * adj_indices, adj_indptr, adj_shape} (row = source, column = target), optional node attributes as a CSR triplet
 * {@code attr_*} or a dense {@code attr_matrix} (made dense, duplicates summed), {@code labels} (one class index
 * per node) or, for multi-label data, an N×C 0/1 CSR triplet {@code labels_*} (label sets in
 * {@link NodeDataset#multiLabels()}, every single label −1), and optional {@code class_names}. The graph is the stored adjacency by default (directed, weighted only
 * when some value differs from 1, e.g. PolBlogs' 2.0 entries); {@code symmetrize} gives the undirected graph that
 * most benchmarks use. No splits are stored in these files.
 */
public final class GnnBenchmarkNpz {
    private GnnBenchmarkNpz() {}

    /** Loads the file with its adjacency as stored (directed). */
    public static NodeDataset load(Path file) throws IOException {
        return load(file, false);
    }

    /**
     * Loads the file.
     *
     * @param symmetrize whether to store every edge in both directions (an undirected graph)
     */
    public static NodeDataset load(Path file, boolean symmetrize) throws IOException {
        NpzFile npz = NpzFile.open(file);
        CsrMatrix adj = LoaderSupport.csrTriplet(npz, "adj");
        if (adj.rows() != adj.cols()) {
            throw new DatasetFormatException(file, "array adj_shape", "adjacency must be square, found " + adj.rows()
                    + "×" + adj.cols());
        }
        int n = adj.rows();
        Graph g = adj.toGraph(file, "arrays adj_*", !symmetrize);

        int numFeatures = 0;
        float[] features = new float[0];
        if (npz.has("attr_shape")) {
            CsrMatrix attr = LoaderSupport.csrTriplet(npz, "attr");
            if (attr.rows() != n) {
                throw new DatasetFormatException(file, "array attr_shape", "expected " + n + " rows (one per node), found "
                        + attr.rows());
            }
            numFeatures = attr.cols();
            features = attr.toDense(file, "arrays attr_*");
        } else if (npz.has("attr_matrix")) {
            NpyArray a = npz.get("attr_matrix").requireShape(n, -1);
            numFeatures = a.dim(1);
            features = LoaderSupport.finite(a);
        }

        if (!npz.has("labels") && npz.has("labels_indptr")) {
            MultiLabels multi = multiLabels(file, LoaderSupport.csrTriplet(npz, "labels"), n);
            int[] none = new int[n];
            Arrays.fill(none, -1);
            return LoaderSupport.dataset(file, LoaderSupport.baseName(file), g, numFeatures, features, none,
                    multi.numLabels(), List.of(), multi);
        }
        if (!npz.has("labels")) {
            throw new DatasetFormatException(file, "array 'labels'", "missing, and no multi-label CSR triplet "
                    + "labels_*; the archive holds " + npz.keys());
        }
        NpyArray labelArr = npz.get("labels");
        int[] labels = LoaderSupport.labels(labelArr, n);
        int numClasses = LoaderSupport.maxPlusOne(labels);
        if (npz.has("class_names")) {
            NpyArray names = npz.get("class_names").requireShape(-1);
            if (names.size() < numClasses) {
                throw labelArr.error("label " + (numClasses - 1) + " has no class name: class_names holds only "
                        + names.size());
            }
            numClasses = names.size();
        }
        return LoaderSupport.dataset(file, LoaderSupport.baseName(file), g, numFeatures, features, labels, numClasses,
                List.of(), null);
    }

    /** Label sets from an N×C 0/1 matrix: row u lists node u's labels; every stored value must be 1, none twice. */
    private static MultiLabels multiLabels(Path file, CsrMatrix m, int n) throws DatasetFormatException {
        if (m.rows() != n) {
            throw new DatasetFormatException(file, "array labels_shape", "expected " + n + " rows (one per node), "
                    + "found " + m.rows());
        }
        int[] labels = m.indices().clone();
        for (int u = 0; u < n; u++) {
            Arrays.sort(labels, m.indptr()[u], m.indptr()[u + 1]);
            for (int k = m.indptr()[u]; k < m.indptr()[u + 1]; k++) {
                if (m.value(k) != 1f) {
                    throw new DatasetFormatException(file, "arrays labels_*", "node " + u + ": value " + m.value(k)
                            + " at entry " + k + ", expected 1 (a membership flag)");
                }
                if (k > m.indptr()[u] && labels[k] == labels[k - 1]) {
                    throw new DatasetFormatException(file, "arrays labels_*", "node " + u + " lists label "
                            + labels[k] + " twice");
                }
            }
        }
        return new MultiLabels(m.cols(), m.indptr().clone(), labels);
    }
}
