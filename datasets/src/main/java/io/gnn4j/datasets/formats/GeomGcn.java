package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.npz.CsrMatrix;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.datasets.npz.NpzFile;
import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loader of the Geom-GCN text format (Pei et al., "Geom-GCN: Geometric Graph Convolutional Networks", ICLR 2020;
 * graphdml-uiuc-jlu/geom-gcn {@code new_data/<name>/}) used for Texas, Wisconsin, Cornell, Film/Actor, Chameleon and
 * Squirrel: {@code out1_node_feature_label.txt} ({@code id\tfeatures\tlabel} after a header line; features either
 * a dense comma-separated vector or, for Film, the comma-separated indices of the non-zero binary features — the
 * header then reads {@code feature(feature_amount:...)} and the width is the largest index + 1), and
 * {@code out1_graph_edges.txt} ({@code src\tdst} after a header line), plus the ten 60/20/20 split files
 * {@code splits/<name>_split_0.6_0.2_<k>.npz} ({@code train_mask, val_mask, test_mask}, {@code |u1} or
 * {@code |b1}) as splits {@code "geom-gcn-0" .. "geom-gcn-9"}. Every node id 0..N-1 must have exactly one feature
 * line, every line must end with a newline, and every edge must name existing nodes. The graph is symmetrised by
 * default (self loops kept, duplicate lines merged), as most users do; {@code directed} keeps the file's direction.
 * Known defect of the published data (kept, not "fixed"): Cornell's feature/label file is byte-identical to
 * Texas's; the heterophilous-graphs {@code cornell.npz} has the real Cornell labels.
 */
public final class GeomGcn {
    /** Number of split files per dataset. */
    public static final int NUM_SPLITS = 10;

    private GeomGcn() {}

    /** Loads {@code dir/out1_*.txt} and {@code dir/splits/<name>_split_0.6_0.2_<k>.npz} as an undirected graph. */
    public static NodeDataset load(Path dir, String name) throws IOException {
        return load(dir, name, false);
    }

    /** Loads the dataset; {@code directed} keeps each edge line's direction instead of symmetrising. */
    public static NodeDataset load(Path dir, String name, boolean directed) throws IOException {
        Path nodeFile = dir.resolve("out1_node_feature_label.txt");
        Nodes nodes = readNodes(nodeFile);
        Graph g = loadEdges(dir.resolve("out1_graph_edges.txt"), nodes.n, directed);
        List<Split> splits = loadSplits(dir.resolve("splits"), name, nodes.n);
        return LoaderSupport.dataset(nodeFile, name, g, nodes.f, nodes.x, nodes.y, LoaderSupport.maxPlusOne(nodes.y),
                splits, null);
    }

    /**
     * Reads an {@code out1_graph_edges.txt} file on nodes {@code 0..numNodes-1} (for Chameleon and Squirrel, whose
     * feature file is not always available, pair it with the node count of another source).
     */
    public static Graph loadEdges(Path file, int numNodes, boolean directed) throws IOException {
        List<String> lines = lines(file);
        if (lines.isEmpty() || !lines.getFirst().startsWith("node_id")) {
            throw new DatasetFormatException(file, "line 1", "expected the header 'node_id\\tnode_id', found "
                    + (lines.isEmpty() ? "an empty file" : "'" + clip(lines.getFirst()) + "'"));
        }
        GraphBuilder b = directed ? GraphBuilder.directed(numNodes).duplicates(DuplicateEdges.KEEP)
                : GraphBuilder.undirected(numNodes);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int tab = line.indexOf('\t');
            if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                throw new DatasetFormatException(file, "line " + (i + 1), "expected 'src<TAB>dst', found '" + clip(line)
                        + "'");
            }
            int u = id(file, i, line.substring(0, tab), numNodes), v = id(file, i, line.substring(tab + 1), numNodes);
            b.addEdge(u, v);
        }
        return b.build();
    }

    /** Reads the ten split files {@code dir/<name>_split_0.6_0.2_<k>.npz} for {@code numNodes} nodes. */
    public static List<Split> loadSplits(Path dir, String name, int numNodes) throws IOException {
        List<Split> out = new ArrayList<>(NUM_SPLITS);
        for (int k = 0; k < NUM_SPLITS; k++) {
            Path f = splitFile(dir, name, k);
            NpzFile npz = NpzFile.open(f);
            int[][] sets = new int[3][];
            String[] keys = {"train_mask", "val_mask", "test_mask"};
            for (int s = 0; s < 3; s++) {
                NpyArray a = npz.get(keys[s]).requireShape(numNodes);
                sets[s] = LoaderSupport.indices(a.toBooleanArray(), 0, numNodes);
            }
            out.add(LoaderSupport.split(f, "masks", "geom-gcn-" + k, sets[0], sets[1], sets[2], numNodes));
        }
        return out;
    }

    /** The path of split {@code k}: {@code dir/<name>_split_0.6_0.2_<k>.npz}. */
    public static Path splitFile(Path dir, String name, int k) {
        return dir.resolve(name + "_split_0.6_0.2_" + k + ".npz");
    }

    private record Nodes(int n, int f, float[] x, int[] y) {}

    private static Nodes readNodes(Path file) throws IOException {
        List<String> lines = lines(file);
        if (lines.isEmpty() || !lines.getFirst().startsWith("node_id\tfeature")) {
            throw new DatasetFormatException(file, "line 1", "expected the header 'node_id\\tfeature...\\tlabel', found "
                    + (lines.isEmpty() ? "an empty file" : "'" + clip(lines.getFirst()) + "'"));
        }
        boolean sparse = lines.getFirst().contains("feature_amount");
        int n = lines.size() - 1;
        int[] y = new int[n];
        int[][] cols = new int[n][];
        boolean[] seen = new boolean[n];
        int width = -1;
        for (int i = 1; i <= n; i++) {
            String line = lines.get(i);
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new DatasetFormatException(file, "line " + (i + 1), "expected 3 TAB-separated fields (id, features, "
                        + "label), found " + fields.length);
            }
            int id = id(file, i, fields[0], n);
            if (seen[id]) {
                throw new DatasetFormatException(file, "line " + (i + 1), "node " + id + " appears twice");
            }
            seen[id] = true;
            y[id] = nonNegative(file, i, fields[2], "label");
            String[] parts = fields[1].split(",", -1);
            if (sparse) {
                int[] c = new int[parts.length];
                for (int k = 0; k < parts.length; k++) {
                    c[k] = nonNegative(file, i, parts[k], "feature index");
                    width = Math.max(width, c[k] + 1);
                }
                cols[id] = c;
            } else {
                if (width >= 0 && parts.length != width) {
                    throw new DatasetFormatException(file, "line " + (i + 1), parts.length + " feature values, expected "
                            + width + " as on the first data line");
                }
                width = parts.length;
                IntArrayList c = new IntArrayList();
                for (int k = 0; k < parts.length; k++) {
                    switch (parts[k]) {
                        case "0" -> { }
                        case "1" -> c.add(k);
                        default -> throw new DatasetFormatException(file, "line " + (i + 1), "feature " + k
                                + " is '" + clip(parts[k]) + "', expected 0 or 1");
                    }
                }
                cols[id] = c.toIntArray();
            }
        }
        for (int id = 0; id < n; id++) {
            if (!seen[id]) {
                throw new DatasetFormatException(file, "node lines", "no line for node " + id + " (ids must be 0.."
                        + (n - 1) + ")");
            }
        }
        int f = Math.max(width, 0);
        float[] x = CsrMatrix.allocateDense(file, "features", n, f);
        for (int id = 0; id < n; id++) {
            for (int c : cols[id]) {
                x[id * f + c] = 1f;
            }
        }
        return new Nodes(n, f, x, y);
    }

    /** The lines of a file without the final newline, which must be present (a cut line is a truncated file). */
    private static List<String> lines(Path file) throws IOException {
        return LoaderSupport.strictLines(file, StandardCharsets.US_ASCII, true);
    }

    private static int id(Path file, int lineIndex, String s, int n) throws DatasetFormatException {
        int v = nonNegative(file, lineIndex, s, "node id");
        if (v >= n) {
            throw new DatasetFormatException(file, "line " + (lineIndex + 1), "node id " + v + " is out of range [0, " + n
                    + ")");
        }
        return v;
    }

    private static int nonNegative(Path file, int lineIndex, String s, String what) throws DatasetFormatException {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DatasetFormatException(file, "line " + (lineIndex + 1), "expected a " + what
                    + " (non-negative integer), found '" + clip(s) + "'");
        }
        return Integer.parseInt(s);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
