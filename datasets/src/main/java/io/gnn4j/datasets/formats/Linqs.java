package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Loader of the LINQS text format (Sen et al., "Collective Classification in Network Data", AI Magazine 2008):
 * {@code <name>.content} with one TAB-separated line per paper — {@code paper_id}, F binary word indicators, class
 * name — and {@code <name>.cites} with lines {@code cited_id\tciting_id}. Node i is the i-th content line; classes
 * are numbered in the sorted order of their names (for Cora the order of gnn-benchmark's {@code class_names}). The
 * graph has the edge citing→cited per line (directed, duplicate lines kept), or is symmetrised on request. Strict:
 * every line must have the same number of fields, ids must be unique, and a citation naming a paper without a
 * content line is an error rather than silently dropped.
 */
public final class Linqs {
    private Linqs() {}

    /** Loads {@code dir/<name>.content} and {@code dir/<name>.cites} as a directed citation graph. */
    public static NodeDataset load(Path dir, String name) throws IOException {
        return load(dir, name, false);
    }

    /** Loads the dataset; {@code symmetrize} makes the graph undirected. */
    public static NodeDataset load(Path dir, String name, boolean symmetrize) throws IOException {
        Path content = dir.resolve(name + ".content"), cites = dir.resolve(name + ".cites");
        List<String> lines = lines(content);
        int n = lines.size();
        Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>(n);
        index.defaultReturnValue(-1);
        String[] classNames = new String[n];
        int fields = -1;
        float[] x = null;
        for (int i = 0; i < n; i++) {
            String[] t = lines.get(i).split("\t", -1);
            if (fields < 0) {
                fields = t.length;
                if (fields < 2) {
                    throw new DatasetFormatException(content, "line 1", "expected id, features and label, found "
                            + fields + " field(s)");
                }
                x = io.gnn4j.datasets.npz.CsrMatrix.allocateDense(content, "file", n, fields - 2);
            } else if (t.length != fields) {
                throw new DatasetFormatException(content, "line " + (i + 1), t.length + " fields, expected " + fields
                        + " as on line 1");
            }
            if (t[0].isEmpty() || index.putIfAbsent(t[0], i) != -1) {
                throw new DatasetFormatException(content, "line " + (i + 1), t[0].isEmpty() ? "empty paper id"
                        : "paper id '" + t[0] + "' appears twice");
            }
            int f = fields - 2;
            for (int k = 0; k < f; k++) {
                switch (t[k + 1]) {
                    case "0" -> { }
                    case "1" -> x[i * f + k] = 1f;
                    default -> throw new DatasetFormatException(content, "line " + (i + 1), "word " + k + " is '"
                            + clip(t[k + 1]) + "', expected 0 or 1");
                }
            }
            classNames[i] = t[fields - 1];
            if (classNames[i].isEmpty()) {
                throw new DatasetFormatException(content, "line " + (i + 1), "empty class label");
            }
        }
        List<String> classes = new ArrayList<>(new TreeSet<>(List.of(classNames)));
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = java.util.Collections.binarySearch(classes, classNames[i]);
        }

        GraphBuilder b = symmetrize ? GraphBuilder.undirected(n) : GraphBuilder.directed(n);
        List<String> cl = lines(cites);
        for (int i = 0; i < cl.size(); i++) {
            String[] t = cl.get(i).split("\t", -1);
            if (t.length != 2) {
                throw new DatasetFormatException(cites, "line " + (i + 1), "expected 'cited<TAB>citing', found "
                        + t.length + " field(s)");
            }
            int cited = index.getInt(t[0]), citing = index.getInt(t[1]);
            if (cited < 0 || citing < 0) {
                throw new DatasetFormatException(cites, "line " + (i + 1), "paper id '" + (cited < 0 ? t[0] : t[1])
                        + "' has no line in " + content.getFileName());
            }
            b.addEdge(citing, cited);
        }
        Graph g = b.build();
        return LoaderSupport.dataset(content, name, g, Math.max(0, fields - 2), x == null ? new float[0] : x, y,
                classes.size(), List.of(), null);
    }

    /** The class names in index order (sorted), for a loaded {@code .content} file. */
    public static List<String> classNames(Path contentFile) throws IOException {
        TreeSet<String> s = new TreeSet<>();
        for (String line : lines(contentFile)) {
            s.add(line.substring(line.lastIndexOf('\t') + 1));
        }
        return List.copyOf(s);
    }

    private static List<String> lines(Path file) throws IOException {
        return LoaderSupport.strictLines(file, StandardCharsets.ISO_8859_1, false);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
