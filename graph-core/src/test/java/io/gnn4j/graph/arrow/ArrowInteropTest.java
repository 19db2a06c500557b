package io.gnn4j.graph.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.NodeTable;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Interoperability with an Arrow implementation that is not ours: arrow-js (npm {@code apache-arrow}, pinned in
 * {@code graph-core/src/test/js/package.json}). arrow-js writes files that gnn4j must load value for value, and reads
 * the files gnn4j writes, printing every value for this test to compare. Skipped when {@code node} or the npm packages
 * are missing, except on CI ({@code CI=true}), where that is a failure.
 */
class ArrowInteropTest {
    private static final String INSTALL = "npm ci --prefix graph-core/src/test/js";
    private static Path jsDir;

    @TempDir
    Path dir;

    /** Why the interop test cannot run here, or null when node and arrow-js are both present. */
    private static String missing;

    @BeforeAll
    static void findNodeAndArrowJs() {
        String root = System.getProperty("gnn4j.projectRoot");
        if (root == null) {
            missing = "system property gnn4j.projectRoot is not set (run the tests through Maven)";
            return;
        }
        jsDir = Path.of(root, "graph-core", "src", "test", "js");
        if (nodeVersion() == null) {
            missing = "`node` is not on the PATH";
        } else if (!Files.isDirectory(jsDir.resolve("node_modules").resolve("apache-arrow"))) {
            missing = jsDir.resolve("node_modules") + " has no apache-arrow";
        }
    }

    @BeforeEach
    void requireNodeAndArrowJs() {
        requireOrSkip(missing == null, missing);
    }

    /** Skips the test, or fails it when running on CI, where the interop test must run. */
    private static void requireOrSkip(boolean ok, String why) {
        if (ok) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("Arrow interop test cannot run on CI: " + why + ". Install node and run `" + INSTALL + "` first.");
        }
        Assumptions.assumeTrue(false, why + "; skipped (install node and run `" + INSTALL + "` to run it)");
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---- arrow-js writes, gnn4j reads ----------------------------------------------------------------------------

    @ParameterizedTest(name = "seed={0} n={1} m={2} directed={3} weighted={4} F={5} labels={6} batches={7}")
    @CsvSource({
            "1, 30, 80, true, true, 4, true, 3",
            "2, 30, 80, false, true, 3, true, 1",
            "3, 25, 60, null, false, 0, false, 2",
            "4, 40, 100, false, false, 1, true, 4",
            "5, 1, 0, true, true, 2, true, 1",
    })
    void arrowJsFilesLoadInGnn4j(long seed, int n, int m, String directedFlag, boolean weighted, int f, boolean labelled,
                                 int batches) throws Exception {
        // Random distinct non-loop pairs (so the expected entries need no merging rules), node rows shuffled.
        SplittableRandom rnd = new SplittableRandom(seed);
        Boolean directedOrNull = directedFlag.equals("null") ? null : Boolean.parseBoolean(directedFlag);
        boolean directed = directedOrNull == null || directedOrNull;
        int[] src = new int[m];
        int[] dst = new int[m];
        LongOpenHashSet seen = new LongOpenHashSet();
        for (int e = 0; e < m; ) {
            int u = rnd.nextInt(n), v = rnd.nextInt(n);
            long key = directed ? (long) u * n + v : (long) Math.min(u, v) * n + Math.max(u, v);
            if (u != v && seen.add(key)) {
                src[e] = u;
                dst[e] = v;
                e++;
            }
        }
        float[] weights = weighted ? randomWeights(rnd, m) : null;
        int[] ids = shuffledIds(rnd, n);
        float[] rowFeatures = randomFloats(rnd, n * f);
        int[] rowLabels = labelled ? IntStream.range(0, n).map(i -> rnd.nextInt(5) - 1).toArray() : null;

        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"numFeatures\":" + f + ",\"ids\":" + json(ids) + ",\"featureBits\":" + jsonBits(rowFeatures)
                + ",\"labels\":" + json(rowLabels) + ",\"src\":" + json(src) + ",\"dst\":" + json(dst)
                + ",\"weightBits\":" + jsonBits(weights) + ",\"directed\":" + directedFlag + ",\"edgeBatches\":" + batches + "}");
        node("write-graph.mjs", spec.toString(), dir.toString());

        GraphTables t = ArrowGraphReader.read(dir);

        Graph g = t.graph();
        assertEquals(n, g.numNodes());
        assertEquals(directed, g.isDirected());
        assertEquals(weighted && m > 0, g.isWeighted(), "weighted (a weight column without rows has no weight to keep)");
        // Every stored entry, as "u v weightBits", against the pairs arrow-js wrote (both ways when undirected).
        List<String> expected = new ArrayList<>();
        for (int e = 0; e < m; e++) {
            int wBits = weighted ? Float.floatToRawIntBits(weights[e]) : Float.floatToRawIntBits(1f);
            expected.add(src[e] + " " + dst[e] + " " + wBits);
            if (!directed) {
                expected.add(dst[e] + " " + src[e] + " " + wBits);
            }
        }
        List<String> actual = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                actual.add(u + " " + g.colIdx()[k] + " " + Float.floatToRawIntBits(g.weight(k)));
            }
        }
        expected.sort(null);
        actual.sort(null);
        assertEquals(expected, actual);

        NodeTable nodes = t.nodes();
        assertEquals(f, nodes.numFeatures());
        for (int r = 0; r < n; r++) {
            int u = ids[r];
            for (int j = 0; j < f; j++) {
                assertEquals(Float.floatToRawIntBits(rowFeatures[r * f + j]),
                        Float.floatToRawIntBits(nodes.features()[u * f + j]), "feature " + j + " of node " + u);
            }
            if (labelled) {
                assertEquals(rowLabels[r], nodes.labels()[u], "label of node " + u);
            }
        }
        assertEquals(labelled, nodes.hasLabels());
    }

    // ---- gnn4j writes, arrow-js reads ----------------------------------------------------------------------------

    @ParameterizedTest(name = "seed={0} n={1} m={2} directed={3} weighted={4} F={5} labels={6} batchRows={7}")
    @CsvSource({
            "11, 30, 90, true, true, 5, true, 7",
            "12, 30, 90, false, true, 2, true, 1048576",
            "13, 20, 50, false, false, 0, false, 6",
            "14, 0, 0, true, true, 3, true, 1048576",
    })
    void gnn4jFilesLoadInArrowJs(long seed, int n, int m, boolean directed, boolean weighted, int f, boolean labelled,
                                 int batchRows) throws Exception {
        Graph g = RandomGraphs.graph(seed, n, m, directed, weighted, false);
        NodeTable nodes = RandomGraphs.nodes(seed, n, f, labelled);
        ArrowGraphWriter.write(g, nodes, dir.resolve("nodes.arrow"), dir.resolve("edges.arrow"), batchRows);
        weighted = g.isWeighted(); // a graph without edges is unweighted whatever was asked

        Map<String, Dump> dumps = Dump.parse(node("read-graph.mjs", dir.toString()));

        Dump nd = dumps.get("nodes");
        assertNotNull(nd, "arrow-js printed no nodes table");
        List<String> fields = new ArrayList<>(List.of("id Int32 false"));
        if (f > 0) {
            fields.add("features FixedSizeList[" + f + "]<Float32> false");
        }
        if (labelled) {
            fields.add("label Int32 true");
        }
        assertEquals(fields, nd.fields);
        assertEquals(n, nd.rows.size());
        assertEquals(Math.max(1, (n + batchRows - 1) / batchRows), nd.batches);
        for (int u = 0; u < n; u++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(u)));
            for (int j = 0; j < f; j++) {
                row.add(hex(nodes.features()[u * f + j]));
            }
            if (labelled) {
                row.add(nodes.labels()[u] == -1 ? "null" : Integer.toString(nodes.labels()[u]));
            }
            assertEquals(row, nd.rows.get(u), "nodes row " + u);
        }

        Dump ed = dumps.get("edges");
        assertNotNull(ed, "arrow-js printed no edges table");
        assertEquals(weighted ? List.of("src Int32 false", "dst Int32 false", "weight Float32 false")
                : List.of("src Int32 false", "dst Int32 false"), ed.fields);
        assertEquals(Boolean.toString(directed), ed.meta.get("gnn4j.directed"));
        // Expected rows straight from the CSR: every entry when directed, entries u→v with u ≤ v when undirected.
        List<List<String>> expected = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                int v = g.colIdx()[k];
                if (directed || u <= v) {
                    expected.add(weighted ? List.of(Integer.toString(u), Integer.toString(v), hex(g.weights()[k]))
                            : List.of(Integer.toString(u), Integer.toString(v)));
                }
            }
        }
        assertTrue(m == 0 || !expected.isEmpty());
        assertEquals(expected, ed.rows);
        assertEquals(Math.max(1, (expected.size() + batchRows - 1) / batchRows), ed.batches);
    }

    /** What read-graph.mjs printed for one table. */
    private static final class Dump {
        final List<String> fields = new ArrayList<>();
        final Map<String, String> meta = new HashMap<>();
        final List<List<String>> rows = new ArrayList<>();
        int batches;

        static Map<String, Dump> parse(String out) {
            Map<String, Dump> tables = new LinkedHashMap<>();
            Dump current = null;
            for (String line : out.split("\n")) {
                String[] w = line.split(" ");
                switch (w[0]) {
                    case "table" -> {
                        current = new Dump();
                        current.batches = Integer.parseInt(w[5]);
                        tables.put(w[1], current);
                    }
                    case "field" -> current.fields.add(line.substring("field ".length()));
                    case "meta" -> current.meta.put(w[1], w[2]);
                    case "row" -> {
                        assertEquals(current.rows.size(), Integer.parseInt(w[1]), "row numbers in order");
                        current.rows.add(Arrays.asList(w).subList(2, w.length));
                    }
                    default -> fail("unexpected line from read-graph.mjs: " + line);
                }
            }
            return tables;
        }
    }

    /** Runs a script of graph-core/src/test/js with node; returns its stdout, fails with its stderr. */
    private String node(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", jsDir.resolve(script).toString()));
        cmd.addAll(List.of(args));
        Path err = dir.resolve(script + ".stderr");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(script + " did not finish within 120 s");
        }
        if (p.exitValue() != 0) {
            fail(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n" + Files.readString(err));
        }
        return out;
    }

    private static String hex(float x) {
        return String.format("%08x", Float.floatToRawIntBits(x));
    }

    private static int[] shuffledIds(SplittableRandom rnd, int n) {
        int[] ids = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        return ids;
    }

    /** Random floats with the awkward ones mixed in (NaN only with its canonical bits, which every side keeps). */
    private static float[] randomFloats(SplittableRandom rnd, int count) {
        float[] odd = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -1e-40f, Float.NaN, Float.POSITIVE_INFINITY};
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = rnd.nextInt(6) == 0 ? odd[rnd.nextInt(odd.length)] : (float) (rnd.nextGaussian() * 10);
        }
        return x;
    }

    /** Random finite weights, with signed zeros and the extreme finite floats mixed in. */
    private static float[] randomWeights(SplittableRandom rnd, int count) {
        float[] odd = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -1e-40f};
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = rnd.nextInt(6) == 0 ? odd[rnd.nextInt(odd.length)] : (float) (rnd.nextDouble() * 4 - 2);
        }
        return x;
    }

    private static String json(int[] a) {
        return a == null ? "null" : Arrays.stream(a).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    /** Floats as their bit patterns (unsigned), so no decimal rounding happens on either side. */
    private static String jsonBits(float[] a) {
        if (a == null) {
            return "null";
        }
        return IntStream.range(0, a.length).mapToObj(i -> Integer.toUnsignedString(Float.floatToRawIntBits(a[i])))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
