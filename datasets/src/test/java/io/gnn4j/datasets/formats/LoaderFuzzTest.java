package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.npz.CsrMatrix;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.graph.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation tests of the loaders on real files: truncations, bit flips, substituted bytes, dropped, shuffled
 * and cut lines. Each mutated input must either load to the same content (or, where the mutation is a legitimate
 * edit such as dropping an edge line, to exactly what a naive reading of the mutated file says) or fail with a
 * {@link DatasetFormatException} naming the file — never another exception and never a different dataset.
 */
class LoaderFuzzTest {
    @TempDir
    Path tmp;

    /** Runs {@code load}; returns its snapshot, or null after a clean DatasetFormatException. */
    private static String attempt(String what, Callable<String> load) {
        try {
            return load.call();
        } catch (DatasetFormatException e) {
            return null;
        } catch (Exception | StackOverflowError e) {
            throw new AssertionError(what + ": expected a clean load or DatasetFormatException, got " + e, e);
        }
    }

    // ---------------------------------------------------------------- Planetoid pickles and test.index

    @Test
    void planetoidPicklesTruncatedOrWithFlippedStructureFailCleanly() throws Exception {
        Path src = SharedData.require("cora/planetoid");
        Random rnd = new Random(2024);
        int failures = 0, trials = 0;
        for (String ext : new String[] {"x", "y", "graph"}) {
            byte[] whole = Files.readAllBytes(src.resolve("ind.cora." + ext));
            Path p = tmp.resolve("ind.cora." + ext);
            Callable<String> load = switch (ext) {
                case "x" -> () -> snapshot(Planetoid.csr(p));
                case "y" -> () -> snapshot(Planetoid.array(p));
                default -> () -> snapshot(Planetoid.graph(p, 2708));
            };
            Files.write(p, whole);
            String reference = load.call();
            List<Integer> structural = structuralPositions(whole);
            for (int t = 0; t < 120; t++) {
                byte[] m;
                String what;
                if (t % 3 == 0) {
                    int len = rnd.nextInt(whole.length);
                    m = Arrays.copyOf(whole, len);
                    what = ext + " truncated to " + len;
                } else {
                    m = whole.clone();
                    int pos = structural.get(rnd.nextInt(structural.size()));
                    m[pos] ^= (byte) (1 << rnd.nextInt(8));
                    what = ext + " bit flip at " + pos;
                }
                Files.write(p, m);
                String got = attempt(what, load);
                trials++;
                if (got == null) {
                    failures++;
                } else {
                    assertTrue(t % 3 != 0, what + " loaded");
                    assertEquals(reference, got, what);
                }
            }
        }
        assertTrue(failures > trials / 2, failures + " of " + trials + " mutations rejected");
    }

    @Test
    void planetoidPicklesWithFlipsAnywhereNeverThrowAnythingElse() throws Exception {
        // A flip inside a raw array payload can be a valid file with other numbers (a pickle has no checksum), so
        // only the kind of outcome is checked here: a load or a DatasetFormatException.
        Path src = SharedData.require("cora/planetoid");
        Random rnd = new Random(77);
        for (String ext : new String[] {"x", "ally", "graph"}) {
            byte[] whole = Files.readAllBytes(src.resolve("ind.cora." + ext));
            Path p = tmp.resolve("any.cora." + ext);
            for (int t = 0; t < 60; t++) {
                byte[] m = whole.clone();
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                }
                Files.write(p, m);
                attempt(ext + " trial " + t, switch (ext) {
                    case "x" -> () -> snapshot(Planetoid.csr(p));
                    case "ally" -> () -> snapshot(Planetoid.array(p));
                    default -> () -> snapshot(Planetoid.graph(p, 2708));
                });
            }
        }
    }

    @Test
    void planetoidTestIndexMutationsFailCleanly() throws Exception {
        Path src = SharedData.require("cora/planetoid");
        Path dir = tmp.resolve("planetoid");
        Files.createDirectories(dir);
        for (String ext : new String[] {"x", "tx", "allx", "y", "ty", "ally", "graph", "test.index"}) {
            Files.copy(src.resolve("ind.cora." + ext), dir.resolve("ind.cora." + ext));
        }
        Path index = dir.resolve("ind.cora.test.index");
        String text = Files.readString(index);
        List<String> lines = lines(text);
        Random rnd = new Random(99);
        for (int t = 0; t < 24; t++) {
            String m;
            switch (t % 4) {
                case 0 -> m = text.substring(0, rnd.nextInt(text.length())); // truncated
                case 1 -> { // a line dropped
                    List<String> l = new ArrayList<>(lines);
                    l.remove(rnd.nextInt(l.size()));
                    m = String.join("\n", l) + "\n";
                }
                case 2 -> { // a byte replaced by a letter
                    char[] c = text.toCharArray();
                    c[rnd.nextInt(c.length)] = 'q';
                    m = new String(c);
                }
                default -> { // a line duplicated over another
                    List<String> l = new ArrayList<>(lines);
                    l.set(rnd.nextInt(l.size()), l.get(rnd.nextInt(l.size())));
                    m = String.join("\n", l) + "\n";
                }
            }
            if (m.equals(text)) {
                continue;
            }
            Files.writeString(index, m);
            String what = "test.index mutation " + t;
            assertEquals(null, attempt(what, () -> snapshot(Planetoid.load(dir, "cora"))), what);
        }
    }

    /** Positions of opcode bytes and their arguments, leaving out raw array payloads and one-character strings. */
    static List<Integer> structuralPositions(byte[] b) {
        List<Integer> out = new ArrayList<>();
        int p = 0;
        while (p < b.length) {
            int op = b[p] & 0xFF;
            int start = p;
            p++;
            int argEnd;
            switch (op) {
                case 0x80, 'q', 'h', 'K' -> argEnd = p + 1;
                case 'M' -> argEnd = p + 2;
                case 'r', 'j', 'J' -> argEnd = p + 4;
                case 'c' -> {
                    int e = p;
                    for (int lines = 0; lines < 2; e++) {
                        if (b[e] == '\n') {
                            lines++;
                        }
                    }
                    argEnd = e;
                }
                case 'U' -> {
                    int n = b[p] & 0xFF;
                    argEnd = n > 1 ? p + 1 + n : p + 1; // one-character payloads ('<', 'b') left out
                    for (int i = start; i < argEnd; i++) {
                        out.add(i);
                    }
                    p += 1 + n;
                    continue;
                }
                case 'T' -> {
                    int n = java.nio.ByteBuffer.wrap(b, p, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
                    for (int i = start; i < p + 4; i++) {
                        out.add(i);
                    }
                    p += 4 + n;
                    continue;
                }
                default -> argEnd = p;
            }
            for (int i = start; i < argEnd; i++) {
                out.add(i);
            }
            p = argEnd;
        }
        return out;
    }

    // ---------------------------------------------------------------- Geom-GCN text

    @Test
    void geomGcnTextMutationsLoadWhatTheFileSaysOrFailCleanly() throws Exception {
        Path src = SharedData.require("texas/geom-gcn");
        Path dir = tmp.resolve("texas");
        Files.createDirectories(dir.resolve("splits"));
        try (var s = Files.list(src.resolve("splits"))) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve("splits").resolve(f.getFileName()));
            }
        }
        Path nodes = dir.resolve("out1_node_feature_label.txt"), edges = dir.resolve("out1_graph_edges.txt");
        String nodeText = Files.readString(src.resolve(nodes.getFileName()));
        String edgeText = Files.readString(src.resolve(edges.getFileName()));
        Files.writeString(nodes, nodeText);
        Files.writeString(edges, edgeText);
        NodeDataset reference = GeomGcn.load(dir, "texas");
        String refNodes = nodeSnapshot(reference);
        Random rnd = new Random(5);
        int rejected = 0, accepted = 0;
        for (int t = 0; t < 120; t++) {
            boolean onNodes = rnd.nextBoolean();
            String text = onNodes ? nodeText : edgeText;
            List<String> body = lines(text).subList(1, lines(text).size());
            String header = lines(text).getFirst();
            int kind = rnd.nextInt(7);
            String m;
            switch (kind) {
                case 0 -> m = text.substring(0, rnd.nextInt(text.length()));
                case 1 -> {
                    List<String> l = new ArrayList<>(body);
                    l.remove(rnd.nextInt(l.size()));
                    m = join(header, l);
                }
                case 2 -> {
                    List<String> l = new ArrayList<>(body);
                    Collections.shuffle(l, rnd);
                    m = join(header, l);
                }
                case 3 -> {
                    char[] c = text.toCharArray();
                    c[rnd.nextInt(c.length)] = "qxz#-. ".charAt(rnd.nextInt(7));
                    m = new String(c);
                }
                case 4 -> { // the last column of one line dropped
                    List<String> l = new ArrayList<>(body);
                    int i = rnd.nextInt(l.size());
                    l.set(i, l.get(i).substring(0, l.get(i).lastIndexOf('\t')));
                    m = join(header, l);
                }
                case 6 -> { // a digit changed: legitimately another file, only the outcome kind is checked below
                    char[] c = text.toCharArray();
                    int i = rnd.nextInt(c.length);
                    while (!Character.isDigit(c[i])) {
                        i = (i + 1) % c.length;
                    }
                    c[i] = (char) ('0' + rnd.nextInt(10));
                    m = new String(c);
                }
                default -> { // two columns swapped on one line
                    List<String> l = new ArrayList<>(body);
                    int i = rnd.nextInt(l.size());
                    String[] f = l.get(i).split("\t");
                    String tmpField = f[0];
                    f[0] = f[f.length - 1];
                    f[f.length - 1] = tmpField;
                    l.set(i, String.join("\t", f));
                    m = join(header, l);
                }
            }
            Files.writeString(onNodes ? nodes : edges, m);
            String what = (onNodes ? "node" : "edge") + " file, mutation kind " + kind + ", trial " + t;
            NodeDataset[] got = new NodeDataset[1];
            String snap = attempt(what, () -> {
                got[0] = GeomGcn.load(dir, "texas");
                return "ok";
            });
            if (snap == null) {
                rejected++;
            } else if (kind == 6) {
                accepted++;
            } else if (onNodes) {
                accepted++;
                assertEquals(refNodes, nodeSnapshot(got[0]), what);
                assertEquals(GraphsForTest.pairs(reference.graph()), GraphsForTest.pairs(got[0].graph()), what);
            } else {
                accepted++;
                assertEquals(refNodes, nodeSnapshot(got[0]), what);
                assertEquals(naivePairs(m, 183), GraphsForTest.pairs(got[0].graph()), what);
            }
            Files.writeString(onNodes ? nodes : edges, text);
        }
        assertTrue(rejected > 20 && accepted > 20, rejected + " rejected, " + accepted + " accepted");
    }

    /** Unordered pairs of the complete lines after the header: a reading independent of the loader. */
    static Set<String> naivePairs(String text, int n) {
        Set<String> s = new TreeSet<>();
        List<String> l = lines(text);
        for (int i = 1; i < l.size(); i++) {
            if (i == l.size() - 1 && !text.endsWith("\n")) {
                break;
            }
            String[] f = l.get(i).split("\t");
            int u = Integer.parseInt(f[0]), v = Integer.parseInt(f[1]);
            s.add(Math.min(u, v) + "-" + Math.max(u, v));
        }
        return s;
    }

    // ---------------------------------------------------------------- npz loaders

    @Test
    void heterophilousAndGnnBenchmarkNpzCorruptionsFailCleanly() throws Exception {
        fuzzNpz(SharedData.require("texas/heterophilous-graphs/texas.npz"), 60, 3,
                p -> snapshot(HeterophilousNpz.load(p)));
        fuzzNpz(SharedData.require("polblogs/npz/polblogs.npz"), 40, 4, p -> snapshot(GnnBenchmarkNpz.load(p)));
    }

    interface Loader {
        String load(Path p) throws Exception;
    }

    private void fuzzNpz(Path src, int trials, long seed, Loader loader) throws Exception {
        byte[] whole = Files.readAllBytes(src);
        String reference = loader.load(src);
        Path p = tmp.resolve(src.getFileName());
        Random rnd = new Random(seed);
        int rejected = 0;
        for (int t = 0; t < trials; t++) {
            byte[] m;
            if (t % 3 == 0) {
                m = Arrays.copyOf(whole, rnd.nextInt(whole.length));
            } else {
                m = whole.clone();
                m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            Files.write(p, m);
            String what = src.getFileName() + " mutation " + t;
            String got = attempt(what, () -> loader.load(p));
            if (got != null) {
                assertEquals(reference, got, what);
            } else {
                rejected++;
            }
        }
        assertTrue(rejected >= trials / 3, rejected + " of " + trials + " rejected");
    }

    // ---------------------------------------------------------------- LINQS

    @Test
    void linqsMutationsLoadWhatTheFileSaysOrFailCleanly() throws Exception {
        Path src = SharedData.require("cora/linqs");
        // A small sub-dataset: the first 60 citation lines and the papers they name (every paper has an edge).
        List<String> cites = lines(Files.readString(src.resolve("cora.cites"))).subList(0, 60);
        Set<String> ids = new TreeSet<>();
        for (String c : cites) {
            ids.addAll(List.of(c.split("\t")));
        }
        List<String> content = new ArrayList<>();
        for (String line : lines(Files.readString(src.resolve("cora.content")))) {
            if (ids.contains(line.substring(0, line.indexOf('\t')))) {
                content.add(line);
            }
        }
        Path dir = tmp.resolve("linqs");
        Files.createDirectories(dir);
        Path cf = dir.resolve("small.content"), sf = dir.resolve("small.cites");
        String contentText = String.join("\n", content) + "\n", citesText = String.join("\n", cites) + "\n";
        Files.writeString(cf, contentText);
        Files.writeString(sf, citesText);
        String reference = linqsSnapshot(dir, content);
        Random rnd = new Random(17);
        int rejected = 0, accepted = 0;
        for (int t = 0; t < 60; t++) {
            boolean onContent = rnd.nextBoolean();
            List<String> l = new ArrayList<>(onContent ? content : cites);
            int kind = rnd.nextInt(4);
            String m;
            switch (kind) {
                case 0 -> {
                    String whole = String.join("\n", l) + "\n";
                    m = whole.substring(0, rnd.nextInt(whole.length()));
                }
                case 1 -> {
                    l.remove(rnd.nextInt(l.size()));
                    m = String.join("\n", l) + "\n";
                }
                case 2 -> {
                    Collections.shuffle(l, rnd);
                    m = String.join("\n", l) + "\n";
                }
                default -> {
                    int i = rnd.nextInt(l.size());
                    l.set(i, l.get(i).substring(0, l.get(i).lastIndexOf('\t')));
                    m = String.join("\n", l) + "\n";
                }
            }
            Files.writeString(onContent ? cf : sf, m);
            String what = (onContent ? "content" : "cites") + " mutation kind " + kind + ", trial " + t;
            List<String> contentNow = onContent ? lines(m) : content;
            String got = attempt(what, () -> linqsSnapshot(dir, contentNow));
            rejected += got == null ? 1 : 0;
            accepted += got == null ? 0 : 1;
            if (got != null) {
                if (onContent) {
                    assertEquals(reference, got, what); // only a shuffle may load, and it changes nothing by id
                } else {
                    // Dropping or cutting whole citation lines is a legitimate edit: compare with a naive reading.
                    Set<String> expected = new TreeSet<>();
                    for (String c : lines(m)) {
                        if (m.endsWith("\n") || !c.equals(lines(m).getLast())) {
                            String[] f = c.split("\t");
                            expected.add(f[1] + "->" + f[0]);
                        }
                    }
                    assertEquals(expected.toString(), got.substring(got.indexOf("edges=") + 6), what);
                }
            }
            Files.writeString(onContent ? cf : sf, onContent ? contentText : citesText);
        }
        assertTrue(rejected > 10 && accepted > 10, rejected + " rejected, " + accepted + " accepted");
    }

    /** Nodes keyed by paper id (label, features) and edges as "citing->cited" ids, independent of line order. */
    private static String linqsSnapshot(Path dir, List<String> contentLines) throws IOException {
        NodeDataset d = Linqs.load(dir, "small");
        String[] id = new String[d.graph().numNodes()];
        for (int i = 0; i < id.length; i++) {
            id[i] = contentLines.get(i).substring(0, contentLines.get(i).indexOf('\t'));
        }
        Set<String> nodesById = new TreeSet<>();
        int f = d.numFeatures();
        for (int i = 0; i < id.length; i++) {
            nodesById.add(id[i] + ":" + d.labels()[i] + ":" + Arrays.hashCode(Arrays.copyOfRange(d.features(), i * f,
                    (i + 1) * f)));
        }
        Set<String> edges = new TreeSet<>();
        Graph g = d.graph();
        for (int u = 0; u < id.length; u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                edges.add(id[u] + "->" + id[g.colIdx()[k]]);
            }
        }
        return "nodes=" + nodesById + " edges=" + edges;
    }

    // ---------------------------------------------------------------- snapshots

    static String snapshot(CsrMatrix m) {
        return m.rows() + "x" + m.cols() + Arrays.toString(m.indptr()) + Arrays.toString(m.indices())
                + Arrays.toString(m.data());
    }

    static String snapshot(NpyArray a) throws DatasetFormatException {
        return Arrays.toString(a.shape()) + Arrays.toString(a.toIntArray());
    }

    static String snapshot(Graph g) {
        return g.isDirected() + Arrays.toString(g.rowPtr()) + Arrays.toString(g.colIdx())
                + (g.isWeighted() ? Arrays.toString(g.weights()) : "");
    }

    static String snapshot(NodeDataset d) {
        StringBuilder s = new StringBuilder(nodeSnapshot(d)).append(snapshot(d.graph()));
        return s.toString();
    }

    static String nodeSnapshot(NodeDataset d) {
        StringBuilder s = new StringBuilder();
        s.append(d.numFeatures()).append(' ').append(Arrays.hashCode(d.features())).append(' ')
                .append(Arrays.toString(d.labels())).append(' ').append(d.numClasses());
        for (Split sp : d.splits()) {
            s.append(sp.name()).append(Arrays.toString(sp.train())).append(Arrays.toString(sp.val()))
                    .append(Arrays.toString(sp.test()));
        }
        return s.toString();
    }

    static List<String> lines(String text) {
        List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            l.removeLast();
        }
        return l;
    }

    static String join(String header, List<String> body) {
        return header + "\n" + String.join("\n", body) + "\n";
    }
}
