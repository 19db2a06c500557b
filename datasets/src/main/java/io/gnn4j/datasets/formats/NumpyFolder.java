package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.npz.CsrMatrix;
import io.gnn4j.datasets.npz.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loader of one graph published as a folder of NumPy arrays, as the directed-GNN repositories do (e.g. PyTorch
 * Geometric Signed Directed's {@code telegram_adj.npz} + {@code telegram_labels.npy}): a {@code scipy.sparse}
 * adjacency {@code <prefix>…npz} (read by {@link ScipySparseNpz}; entry (i, j) = edge i→j, kept directed), the class
 * labels {@code <prefix>*labels*.npy} (1-D integers ≥ 0, one per node) and optionally the dense features
 * {@code <prefix>*feat*.npy} (N×F floats, finite). The labels and feature files must share the adjacency file's
 * prefix: the text before "labels" / "feat" starts its name. No splits are stored.
 */
public final class NumpyFolder {
    private NumpyFolder() {}

    /** The parts found in a folder's file names, or null when they are not such a folder. */
    public record Parts(String adjacency, String labels, String features) {}

    /**
     * The adjacency, labels and features among {@code fileNames} (one folder's, sorted), or null when there is not
     * exactly one {@code .npz} beside a {@code *labels*.npy}.
     *
     * @throws DatasetFormatException when several labels or feature files fit the adjacency's prefix
     */
    public static Parts find(Path dir, List<String> fileNames) throws DatasetFormatException {
        List<String> npz = fileNames.stream().filter(f -> f.endsWith(".npz")).toList();
        if (npz.size() != 1 || fileNames.stream().noneMatch(f -> f.endsWith(".npy") && f.contains("labels"))) {
            return null;
        }
        String adjacency = npz.getFirst();
        String labels = matching(dir, fileNames, adjacency, "labels");
        if (labels == null) {
            throw new DatasetFormatException(dir.resolve(adjacency), "folder", "expected a labels .npy named with the "
                    + "prefix of " + adjacency + ", found " + fileNames.stream().filter(f -> f.contains("labels")).toList());
        }
        return new Parts(adjacency, labels, matching(dir, fileNames, adjacency, "feat"));
    }

    private static String matching(Path dir, List<String> fileNames, String adjacency, String keyword)
            throws DatasetFormatException {
        List<String> hits = fileNames.stream().filter(f -> f.endsWith(".npy") && f.contains(keyword))
                .filter(f -> adjacency.startsWith(f.substring(0, f.indexOf(keyword)))).toList();
        if (hits.size() > 1) {
            throw new DatasetFormatException(dir, "folder", "expected one *" + keyword + "*.npy for " + adjacency
                    + ", found " + hits);
        }
        return hits.isEmpty() ? null : hits.getFirst();
    }

    /** Loads the folder's graph, labels and features (none: F = 0). */
    public static NodeDataset load(Path dir, Parts files) throws IOException {
        Path adjFile = dir.resolve(files.adjacency());
        CsrMatrix adj = ScipySparseNpz.load(adjFile);
        if (adj.rows() != adj.cols()) {
            throw new DatasetFormatException(adjFile, "array 'shape'", "adjacency must be square, found "
                    + adj.rows() + "×" + adj.cols());
        }
        int n = adj.rows();
        NpyArray labelArr = NpyArray.read(dir.resolve(files.labels()));
        int[] labels = LoaderSupport.labels(labelArr, n);
        int numFeatures = 0;
        float[] features = new float[0];
        if (files.features() != null) {
            NpyArray x = NpyArray.read(dir.resolve(files.features())).requireShape(n, -1);
            numFeatures = x.dim(1);
            features = LoaderSupport.finite(x);
        }
        String prefix = files.labels().substring(0, files.labels().indexOf("labels")).replaceAll("[_.-]+$", "");
        String name = prefix.isEmpty() ? String.valueOf(dir.toAbsolutePath().normalize().getFileName()) : prefix;
        return LoaderSupport.dataset(adjFile, name, adj.toGraph(adjFile, "matrix", true), numFeatures, features,
                labels, LoaderSupport.maxPlusOne(labels), List.of(), null);
    }
}
