package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.npz.CsrMatrix;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.SelfLoops;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loader of the Planetoid files {@code ind.<name>.{x,tx,allx,y,ty,ally,graph,test.index}} (Yang, Cohen &amp;
 * Salakhutdinov, "Revisiting Semi-Supervised Learning with Graph Embeddings", ICML 2016; the split of Kipf &amp;
 * Welling, ICLR 2017), giving what PyTorch Geometric's {@code Planetoid} gives (its {@code read_planetoid_data},
 * 2.4.0): nodes are the rows of {@code allx} followed by the test range {@code min(test.index) .. max(test.index)},
 * row i of {@code tx}/{@code ty} belonging to node {@code test.index[i]}; ids of that range missing from
 * {@code test.index} (CiteSeer's 15 test ids without a {@code tx} row — they do have edges) get a zero feature row
 * and label 0, the arg-max of PyG's all-zero padding row, and belong to no split. (PyG pads only for CiteSeer; for a
 * gap-free range such as Cora's the padding changes nothing.) Features are kept raw, not row-normalised. The graph
 * is PyG's edge set — every (key, neighbour) pair of the adjacency dict, self loops removed, duplicates merged — as
 * an undirected graph; the loader checks that the dict has one entry per node and is symmetric (true of every
 * published file), which catches most damage to it. The one split, {@code "public"}, is train = the first
 * {@code |y|} nodes, val = the next 500, test = {@code test.index}. The pickles are decoded by a strict reader that
 * runs no Python code and accepts only numpy arrays, scipy CSR matrices, lists and a defaultdict.
 */
public final class Planetoid {
    /** Validation nodes of the public split: the 500 nodes after the training nodes. */
    public static final int PUBLIC_VAL = 500;

    private Planetoid() {}

    /**
     * Loads {@code dir/ind.<name>.*}.
     *
     * @param name e.g. {@code "cora"}, {@code "citeseer"} (lower-cased for the file names)
     */
    public static NodeDataset load(Path dir, String name) throws IOException {
        return load(dir, name, PUBLIC_VAL);
    }

    /**
     * Loads {@code dir/ind.<name>.*} with {@code numVal} validation nodes after the training nodes (the public split
     * uses {@value #PUBLIC_VAL}; smaller values serve small files in the same format).
     */
    public static NodeDataset load(Path dir, String name, int numVal) throws IOException {
        if (numVal < 0) {
            throw new IllegalArgumentException("numVal must be >= 0, got " + numVal);
        }
        String prefix = "ind." + name.toLowerCase(Locale.ROOT) + ".";
        Path fx = dir.resolve(prefix + "x"), ftx = dir.resolve(prefix + "tx"), fallx = dir.resolve(prefix + "allx");
        Path fy = dir.resolve(prefix + "y"), fty = dir.resolve(prefix + "ty"), fally = dir.resolve(prefix + "ally");
        Path fgraph = dir.resolve(prefix + "graph"), findex = dir.resolve(prefix + "test.index");

        CsrMatrix x = csr(fx), tx = csr(ftx), allx = csr(fallx);
        NpyArray y = array(fy), ty = array(fty), ally = array(fally);
        int f = allx.cols();
        requireCols(fx, x.cols(), f, "allx");
        requireCols(ftx, tx.cols(), f, "allx");
        int c = oneHotWidth(ally);
        int[] yl = labels(y, c), tyl = labels(ty, c), allyl = labels(ally, c);
        requireRows(fy, yl.length, x.rows(), "x");
        requireRows(fty, tyl.length, tx.rows(), "tx");
        requireRows(fally, allyl.length, allx.rows(), "allx");
        if (x.rows() > allx.rows()) {
            throw new DatasetFormatException(fx, "matrix", x.rows() + " training rows but allx has only " + allx.rows());
        }
        int[] testIndex = testIndex(findex, tx.rows());

        // Node ids: 0..|allx|-1, then the whole test range; PyG's tx_ext/ty_ext padding followed by
        // x[test_index] = x[sorted_test_index] amounts to "row i of tx is node test_index[i]".
        int base = allx.rows();
        int min = Integer.MAX_VALUE, max = -1;
        for (int t : testIndex) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        if (testIndex.length > 0 && min != base) {
            throw new DatasetFormatException(findex, "test ids", "smallest test id is " + min + ", expected |allx| = "
                    + base + " (test nodes follow the allx nodes)");
        }
        long nLong = testIndex.length == 0 ? base : (long) max + 1;
        if (nLong > 50_000_000L) {
            throw new DatasetFormatException(findex, "test ids", "largest test id " + max + " is implausibly large");
        }
        int n = (int) nLong;
        float[] features = CsrMatrix.allocateDense(fallx, "matrix", n, f);
        int[] labels = new int[n]; // gap nodes keep label 0, as PyG's argmax of a zero row
        addRows(allx, features, f, null);
        System.arraycopy(allyl, 0, labels, 0, base);
        addRows(tx, features, f, testIndex);
        for (int i = 0; i < testIndex.length; i++) {
            labels[testIndex[i]] = tyl[i];
        }
        // Training labels come from ally; y must agree with its first rows.
        for (int i = 0; i < yl.length; i++) {
            if (yl[i] != allyl[i]) {
                throw new DatasetFormatException(fy, "row " + i, "label " + yl[i] + " differs from ally's " + allyl[i]);
            }
        }

        Graph g = graph(fgraph, n);
        int[] train = range(0, yl.length), val = range(yl.length, yl.length + numVal);
        if (yl.length + numVal > base) {
            throw new DatasetFormatException(fally, "matrix", "the " + numVal + " validation nodes after the "
                    + yl.length + " training nodes need " + (yl.length + numVal) + " allx rows, found " + base);
        }
        Split split = LoaderSupport.split(findex, "public split", "public", train, val, testIndex, n);
        return LoaderSupport.dataset(dir, name.toLowerCase(Locale.ROOT), g, f, features, labels, c, List.of(split),
                null);
    }

    /** One pickled csr_matrix file (package-private for the fuzz tests). */
    static CsrMatrix csr(Path file) throws IOException {
        Object o = PickleReader.read(file, Files.readAllBytes(file));
        if (!(o instanceof PickleReader.PyObject obj) || !PickleReader.isCsr(obj.cls)) {
            throw new DatasetFormatException(file, "pickle", "expected a scipy csr_matrix, found " + describe(o));
        }
        Map<Object, Object> s = obj.state;
        Object format = s.get("format");
        if (format != null && !"csr".equals(format)) {
            throw new DatasetFormatException(file, "csr_matrix.format", "expected 'csr', found '" + format + "'");
        }
        if (!(s.get("_shape") instanceof PickleReader.Tuple shape) || shape.size() != 2
                || !(shape.get(0) instanceof Long rows) || !(shape.get(1) instanceof Long cols)) {
            throw new DatasetFormatException(file, "csr_matrix._shape", "expected a pair of ints, found "
                    + describe(s.get("_shape")));
        }
        NpyArray indptr = stateArray(file, s, "indptr"), indices = stateArray(file, s, "indices");
        NpyArray data = stateArray(file, s, "data");
        int[] ip = indptr.requireShape(-1).toIntArray();
        int[] ix = indices.requireShape(-1).toIntArray();
        float[] dv = data.requireShape(ix.length).toFloatArray();
        return CsrMatrix.validated(file, "csr_matrix", rows, cols, ip, ix, dv);
    }

    private static NpyArray stateArray(Path file, Map<Object, Object> s, String key) throws DatasetFormatException {
        if (!(s.get(key) instanceof NpyArray a)) {
            throw new DatasetFormatException(file, "csr_matrix." + key, "expected an ndarray, found " + describe(s.get(key)));
        }
        return a;
    }

    /** One pickled 2-D ndarray file. */
    static NpyArray array(Path file) throws IOException {
        Object o = PickleReader.read(file, Files.readAllBytes(file));
        if (!(o instanceof NpyArray a)) {
            throw new DatasetFormatException(file, "pickle", "expected a numpy array, found " + describe(o));
        }
        return a.requireShape(-1, -1);
    }

    private static int oneHotWidth(NpyArray ally) throws DatasetFormatException {
        int c = ally.dim(1);
        if (c < 1) {
            throw ally.error("one-hot labels need at least one column, found 0");
        }
        return c;
    }

    /** Class index per row of a one-hot matrix: 0/1 entries, at most one 1 per row (an all-zero row gives 0). */
    private static int[] labels(NpyArray a, int c) throws DatasetFormatException {
        if (a.dim(1) != c) {
            throw a.error("expected " + c + " one-hot columns (as in ally), found " + a.dim(1));
        }
        int rows = a.dim(0);
        int[] v = a.toIntArray();
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int ones = 0;
            for (int k = 0; k < c; k++) {
                int e = v[r * c + k];
                if (e != 0 && e != 1) {
                    throw a.error("row " + r + " column " + k + " is " + e + ", expected a one-hot 0/1 entry");
                }
                if (e == 1) {
                    ones++;
                    out[r] = k;
                }
            }
            if (ones > 1) {
                throw a.error("row " + r + " has " + ones + " ones, expected a one-hot row");
            }
        }
        return out;
    }

    private static void requireCols(Path file, int found, int expected, String other) throws DatasetFormatException {
        if (found != expected) {
            throw new DatasetFormatException(file, "matrix", found + " columns, expected " + expected + " as in " + other);
        }
    }

    private static void requireRows(Path file, int found, int expected, String other) throws DatasetFormatException {
        if (found != expected) {
            throw new DatasetFormatException(file, "matrix", found + " rows, expected " + expected + " as in " + other);
        }
    }

    /** The test ids: one non-negative int per line, distinct, as many as tx has rows. */
    private static int[] testIndex(Path file, int expected) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new DatasetFormatException(file, "end of file", "last line has no newline (truncated?)");
        }
        String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
        int count = Math.max(0, lines.length - 1);
        if (count != expected) {
            throw new DatasetFormatException(file, "file", count + " lines, expected " + expected + " (rows of tx)");
        }
        int[] ids = new int[count];
        java.util.BitSet seen = new java.util.BitSet();
        for (int i = 0; i < count; i++) {
            String s = lines[i].strip();
            int v;
            try {
                v = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(file, "line " + (i + 1), "expected a node id, found '" + s + "'", e);
            }
            if (v < 0) {
                throw new DatasetFormatException(file, "line " + (i + 1), "node id " + v + " is negative");
            }
            if (seen.get(v)) {
                throw new DatasetFormatException(file, "line " + (i + 1), "node id " + v + " appears twice");
            }
            seen.set(v);
            ids[i] = v;
        }
        return ids;
    }

    /** Adds the rows of m to the dense matrix: row r goes to node {@code nodeOf[r]} (or r when null). */
    private static void addRows(CsrMatrix m, float[] dense, int f, int[] nodeOf) {
        for (int r = 0; r < m.rows(); r++) {
            long base = (long) (nodeOf == null ? r : nodeOf[r]) * f;
            for (int k = m.indptr()[r]; k < m.indptr()[r + 1]; k++) {
                dense[(int) (base + m.indices()[k])] += m.value(k);
            }
        }
    }

    /** The adjacency dict as PyG reads it: all (key, neighbour) pairs, self loops removed, duplicates merged. */
    static Graph graph(Path file, int n) throws IOException {
        Object o = PickleReader.read(file, Files.readAllBytes(file));
        if (!(o instanceof Map<?, ?> dict)) {
            throw new DatasetFormatException(file, "pickle", "expected a dict of adjacency lists, found " + describe(o));
        }
        GraphBuilder directed = GraphBuilder.directed(n).selfLoops(SelfLoops.REMOVE).duplicates(DuplicateEdges.FIRST);
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof Long key) || key < 0 || key >= n) {
                throw new DatasetFormatException(file, "key " + e.getKey(), "expected a node id in [0, " + n + ")");
            }
            if (!(e.getValue() instanceof List<?> nbrs)) {
                throw new DatasetFormatException(file, "key " + key, "expected a list of neighbours, found "
                        + describe(e.getValue()));
            }
            for (int i = 0; i < nbrs.size(); i++) {
                if (!(nbrs.get(i) instanceof Long v) || v < 0 || v >= n) {
                    throw new DatasetFormatException(file, "key " + key + " neighbour " + i, "expected a node id in [0, "
                            + n + "), found " + nbrs.get(i));
                }
                directed.addEdge(key.intValue(), v.intValue());
            }
        }
        if (dict.size() != n) {
            throw new DatasetFormatException(file, "dict", dict.size() + " adjacency entries, expected one per node: " + n);
        }
        Graph g = directed.build();
        Graph t = g.transpose();
        if (!Arrays.equals(g.rowPtr(), t.rowPtr()) || !Arrays.equals(g.colIdx(), t.colIdx())) {
            for (int a = 0; a < n; a++) {
                for (int k = g.rowPtr()[a]; k < g.rowPtr()[a + 1]; k++) {
                    if (!g.hasEdge(g.colIdx()[k], a)) {
                        throw new DatasetFormatException(file, "key " + a, "lists neighbour " + g.colIdx()[k]
                                + " but key " + g.colIdx()[k] + " does not list " + a + " (expected a symmetric graph)");
                    }
                }
            }
        }
        GraphBuilder u = GraphBuilder.undirected(n).selfLoops(SelfLoops.REMOVE);
        int[] rp = g.rowPtr(), ci = g.colIdx();
        for (int a = 0; a < n; a++) {
            for (int k = rp[a]; k < rp[a + 1]; k++) {
                if (a < ci[k]) {
                    u.addEdge(a, ci[k]);
                }
            }
        }
        return u.build();
    }

    private static int[] range(int from, int to) {
        int[] r = new int[Math.max(0, to - from)];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static String describe(Object o) {
        return o == null ? "None" : o instanceof NpyArray a ? a.toString() : o.getClass().getSimpleName();
    }
}
