package io.gnn4j.datasets.tu;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.GraphTargets;
import io.gnn4j.datasets.text.DataSource;
import io.gnn4j.datasets.text.TextCursor;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loader of the TU Dortmund graph-kernel text format (Morris et al., "TUDataset: A collection of benchmark
 * datasets for learning with graphs", 2020): {@code DS_A.txt} ("row, col" per line, 1-based global node ids),
 * {@code DS_graph_indicator.txt}, {@code DS_graph_labels.txt} and the optional {@code DS_node_labels.txt},
 * {@code DS_node_attributes.txt}, {@code DS_edge_labels.txt} and {@code DS_graph_attributes.txt} (comma-separated
 * reals per graph, read as the dataset's regression {@link GraphTargets}; a set with graph attributes may lack
 * graph labels, and then has one class). Graphs become undirected {@link Graph}s on local ids
 * (global id minus the graph's first id), graph labels are remapped to 0..C−1 in sorted order of the published
 * values, and node features are built as {@link TuFeatures} says.
 *
 * <p>Strict: every file must end with LF; each graph's nodes must be one contiguous block of ids with graph ids
 * 1, 2, … without gaps; every A line must name nodes of one graph, and its reverse must also be listed (the format
 * stores undirected graphs in both directions); line counts must agree between files; edge labels of repeated
 * lines must agree. Repeated A lines (IMDB-BINARY lists every line twice) are merged and counted in
 * {@link TuGraphs#duplicateLines()}; edge attribute files are not read and are listed in
 * {@link TuGraphs#unreadFiles()}. Any violation raises {@link DatasetFormatException}.
 */
public final class TuFormat {
    /** Upper bound on N × F (1 GiB of floats): a wild node label must not exhaust the heap. */
    static final long MAX_FEATURE_VALUES = 1L << 28;

    private TuFormat() {
    }

    /** Loads {@code dir/name_*.txt} with attributes and one-hot labels as features. */
    public static TuGraphs load(Path dir, String name) throws IOException {
        return load(DataSource.directory(dir), name, TuFeatures.ATTRIBUTES_AND_LABELS);
    }

    /** Loads {@code dir/name_*.txt} with the chosen features. */
    public static TuGraphs load(Path dir, String name, TuFeatures features) throws IOException {
        return load(DataSource.directory(dir), name, features);
    }

    /**
     * Loads a TU dataset shipped inside the gnn4j jar (folder {@code io/gnn4j/datasets/bundled/<name>/}): MUTAG is
     * bundled (188 graphs, the TU Dortmund files unchanged, with their README.txt to cite).
     */
    public static TuGraphs loadBundled(String name, TuFeatures features) throws IOException {
        DataSource src = DataSource.classpath("io/gnn4j/datasets/bundled/" + name);
        if (!src.exists(name + "_A.txt")) {
            throw new IllegalArgumentException("no bundled TU dataset '" + name + "'; bundled: [MUTAG]");
        }
        return load(src, name, features);
    }

    /** Loads {@code name_*.txt} from any source (a directory or bundled resources). */
    public static TuGraphs load(DataSource src, String name, TuFeatures features) throws IOException {
        // 1. Graph indicator: contiguous blocks of nodes, graph ids 1..G in order.
        IntArrayList firstNode = new IntArrayList(); // firstNode[g] = first global (0-based) node of graph g
        int[] graphOf;
        {
            String f = name + "_graph_indicator.txt";
            TextCursor c = TextCursor.of(src.path(f), src.read(f));
            IntArrayList gi = new IntArrayList();
            int prev = 0;
            while (c.nextLine()) {
                int g = c.nextInt();
                c.expectEnd();
                if (prev == 0 ? g != 1 : g != prev && g != prev + 1) {
                    throw c.error(prev == 0 ? "graph id 1 on the first line"
                            : "graph id " + prev + " or " + (prev + 1) + " (graphs as contiguous blocks, ids without gaps)",
                            String.valueOf(g));
                }
                if (g == prev + 1) {
                    firstNode.add(gi.size());
                }
                gi.add(g - 1);
                prev = g;
            }
            if (gi.isEmpty()) {
                throw new DatasetFormatException(src.path(f), "line 1", "expected at least one node, found an empty file");
            }
            graphOf = gi.toIntArray();
        }
        int n = graphOf.length;
        int numGraphs = firstNode.size();
        firstNode.add(n);

        // 2. Graph labels, remapped to 0..C-1; graph attributes as regression targets. A regression set may ship
        // attributes without labels: then every graph is of the one class 0.
        int[] graphLabels;
        int[] labelValues;
        String glFile = name + "_graph_labels.txt";
        String gaFile = name + "_graph_attributes.txt";
        GraphTargets targets = null;
        if (src.exists(gaFile)) {
            FloatRows rows = readFloatRows(src, gaFile, numGraphs, "graph");
            List<String> names = new ArrayList<>();
            for (int t = 0; t < rows.width(); t++) {
                names.add("attribute-" + t);
            }
            targets = new GraphTargets(names, rows.values());
        }
        if (targets != null && !src.exists(glFile)) {
            graphLabels = new int[numGraphs];
            labelValues = new int[] {0};
        } else {
            int[] raw = readIntColumn(src, glFile, numGraphs, "graph", "graphs in " + name + "_graph_indicator.txt");
            labelValues = Arrays.stream(raw).distinct().sorted().toArray();
            graphLabels = new int[numGraphs];
            for (int g = 0; g < numGraphs; g++) {
                graphLabels[g] = Arrays.binarySearch(labelValues, raw[g]);
            }
        }

        // 3. Optional node labels and attributes.
        int[] nodeLabels = null;
        int labelMin = 0, labelWidth = 0;
        String nlFile = name + "_node_labels.txt";
        if (src.exists(nlFile)) {
            nodeLabels = readIntColumn(src, nlFile, n, "node", "lines in " + name + "_graph_indicator.txt");
            labelMin = Arrays.stream(nodeLabels).min().orElse(0);
            long width = (long) Arrays.stream(nodeLabels).max().orElse(0) - labelMin + 1;
            if (width > 1_000_000) {
                throw new DatasetFormatException(src.path(nlFile), "all lines",
                        "expected node labels spanning at most 1000000 values, found a span of " + width);
            }
            labelWidth = (int) width;
        }
        float[] attributes = null;
        int attrWidth = 0;
        String naFile = name + "_node_attributes.txt";
        if (features == TuFeatures.ATTRIBUTES_AND_LABELS && src.exists(naFile)) {
            FloatRows rows = readFloatRows(src, naFile, n, "node");
            attributes = rows.values();
            attrWidth = rows.width();
        }

        // 4. Adjacency lines.
        String aFile = name + "_A.txt";
        Path aPath = src.path(aFile);
        IntArrayList rows = new IntArrayList(), cols = new IntArrayList();
        {
            TextCursor c = TextCursor.of(aPath, src.read(aFile));
            while (c.nextLine()) {
                int u = c.nextInt();
                c.expect(',');
                int v = c.nextInt();
                c.expectEnd();
                checkNode(c, u, n);
                checkNode(c, v, n);
                if (graphOf[u - 1] != graphOf[v - 1]) {
                    throw c.error("both nodes in one graph", "node " + u + " in graph " + (graphOf[u - 1] + 1)
                            + " and node " + v + " in graph " + (graphOf[v - 1] + 1));
                }
                rows.add(u - 1);
                cols.add(v - 1);
            }
        }
        int m = rows.size();
        int[] edgeLabelsRaw = null;
        String elFile = name + "_edge_labels.txt";
        if (src.exists(elFile)) {
            edgeLabelsRaw = readIntColumn(src, elFile, m, "edge", "lines in " + aFile);
        }

        // 5. Sort lines by (row, col): duplicates become adjacent, reverses can be found by binary search.
        long[] packed = new long[m];
        for (int i = 0; i < m; i++) {
            packed[i] = (long) rows.getInt(i) * n + cols.getInt(i);
        }
        int[] lineOrder = sortedLineOrder(packed);
        int duplicates = 0;
        long[] distinct = new long[m];
        int nd = 0;
        for (int k = 0; k < m; k++) {
            int line = lineOrder[k];
            long key = packed[line];
            if (nd > 0 && distinct[nd - 1] == key) {
                duplicates++;
                if (edgeLabelsRaw != null) {
                    int first = lineOrder[k - 1];
                    if (edgeLabelsRaw[first] != edgeLabelsRaw[line]) {
                        throw new DatasetFormatException(src.path(elFile), "line " + (line + 1),
                                "expected label " + edgeLabelsRaw[first] + " (the label of the same edge on line "
                                        + (first + 1) + "), found " + edgeLabelsRaw[line]);
                    }
                }
            } else {
                distinct[nd++] = key;
            }
        }
        for (int k = 0; k < m; k++) {
            int line = lineOrder[k];
            int u = rows.getInt(line), v = cols.getInt(line);
            long reverse = (long) v * n + u;
            if (Arrays.binarySearch(distinct, 0, nd, reverse) < 0) {
                throw new DatasetFormatException(aPath, "line " + (line + 1), "expected the reverse line '" + (v + 1)
                        + ", " + (u + 1) + "' somewhere in the file (undirected graphs list both directions), found none");
            }
        }

        // 6. Build the graphs: lines are grouped by graph because keys sort by global row id.
        List<Graph> graphs = new ArrayList<>(numGraphs);
        List<float[]> feats = new ArrayList<>(numGraphs);
        List<int[]> entryLabels = edgeLabelsRaw == null ? null : new ArrayList<>(numGraphs);
        int numFeatures = attrWidth + labelWidth;
        if ((long) n * numFeatures > MAX_FEATURE_VALUES) {
            throw new DatasetFormatException(src.path(nlFile), "all lines", "expected node labels whose one-hot width "
                    + labelWidth + " (+ " + attrWidth + " attributes) keeps " + n + " nodes × features within "
                    + MAX_FEATURE_VALUES + " floats, found " + (long) n * numFeatures);
        }
        int k = 0;
        for (int g = 0; g < numGraphs; g++) {
            int lo = firstNode.getInt(g), hi = firstNode.getInt(g + 1);
            GraphBuilder b = GraphBuilder.undirected(hi - lo);
            int kStart = k;
            while (k < m && rows.getInt(lineOrder[k]) < hi) {
                int line = lineOrder[k];
                int u = rows.getInt(line) - lo, v = cols.getInt(line) - lo;
                if (u <= v) {
                    b.addEdge(u, v);
                }
                k++;
            }
            Graph graph = b.build();
            graphs.add(graph);
            if (entryLabels != null) {
                int[] el = new int[graph.numEntries()];
                int[] rp = graph.rowPtr(), ci = graph.colIdx();
                for (int j = kStart; j < k; j++) {
                    int line = lineOrder[j];
                    int u = rows.getInt(line) - lo, v = cols.getInt(line) - lo;
                    el[Arrays.binarySearch(ci, rp[u], rp[u + 1], v)] = edgeLabelsRaw[line];
                }
                entryLabels.add(el);
            }
            float[] x = new float[(hi - lo) * numFeatures];
            for (int node = lo; node < hi; node++) {
                int base = (node - lo) * numFeatures;
                if (attributes != null) {
                    System.arraycopy(attributes, node * attrWidth, x, base, attrWidth);
                }
                if (nodeLabels != null) {
                    x[base + attrWidth + nodeLabels[node] - labelMin] = 1f;
                }
            }
            feats.add(x);
        }
        GraphDataset ds = new GraphDataset(name, graphs, numFeatures, feats, graphLabels, labelValues.length, targets,
                List.of());
        List<String> unread = new ArrayList<>();
        for (String suffix : new String[] {"_node_attributes.txt", "_edge_attributes.txt"}) {
            if (src.exists(name + suffix) && !(suffix.equals("_node_attributes.txt") && attributes != null)) {
                unread.add(name + suffix);
            }
        }
        return new TuGraphs(ds, labelValues, attrWidth, labelWidth, nodeLabels == null ? 0 : labelMin, entryLabels, m,
                duplicates, unread);
    }

    /** Line order sorted by key, stable (equal keys keep file order). */
    private static int[] sortedLineOrder(long[] packed) {
        int m = packed.length;
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        it.unimi.dsi.fastutil.ints.IntArrays.stableSort(order, (a, b) -> Long.compare(packed[a], packed[b]));
        return order;
    }

    private static void checkNode(TextCursor c, int id, int n) throws DatasetFormatException {
        if (id < 1 || id > n) {
            throw c.error("a node id in 1.." + n + " (the lines of the graph indicator)", String.valueOf(id));
        }
    }

    /** Rows of comma-separated floats, all of one width, row-major. */
    private record FloatRows(float[] values, int width) {
    }

    /** Reads one row of comma-separated floats per line, all of one width; exactly {@code expected} lines. */
    private static FloatRows readFloatRows(DataSource src, String f, int expected, String item) throws IOException {
        TextCursor c = TextCursor.of(src.path(f), src.read(f));
        FloatArrayList values = new FloatArrayList();
        int width = 0;
        int row = 0;
        while (c.nextLine()) {
            if (row == expected) {
                throw c.error(expected + " lines (one per " + item + ")", "more lines");
            }
            int before = values.size();
            values.add(c.nextFloat());
            while (c.accept(',')) {
                values.add(c.nextFloat());
            }
            c.expectEnd();
            int w = values.size() - before;
            if (row == 0) {
                width = w;
            } else if (w != width) {
                throw c.error(width + " comma-separated values (as on line 1)", w + " values");
            }
            row++;
        }
        if (row != expected) {
            throw new DatasetFormatException(src.path(f), "end of file",
                    "expected " + expected + " lines (one per " + item + "), found " + row);
        }
        return new FloatRows(values.toFloatArray(), width);
    }

    /** Reads one integer per line; exactly {@code expected} lines, one per {@code item}, as many as {@code what}. */
    private static int[] readIntColumn(DataSource src, String f, int expected, String item, String what)
            throws IOException {
        TextCursor c = TextCursor.of(src.path(f), src.read(f));
        int[] out = new int[expected];
        int i = 0;
        while (c.nextLine()) {
            if (i == expected) {
                throw c.error(expected + " lines (one per " + item + ", as many as " + what + ")", "more lines");
            }
            out[i++] = c.nextInt();
            c.expectEnd();
        }
        if (i != expected) {
            throw new DatasetFormatException(src.path(f), "end of file", "expected " + expected + " lines (as many as "
                    + what + "), found " + i);
        }
        return out;
    }
}
