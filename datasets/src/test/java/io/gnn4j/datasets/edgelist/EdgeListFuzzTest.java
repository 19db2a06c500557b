package io.gnn4j.datasets.edgelist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.text.DataSource;
import io.gnn4j.datasets.text.Mutations;
import io.gnn4j.graph.Graph;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid edge lists and DeepWalk adjacency lists (built from the bundled karate club) and checks each mutant
 * against an independent naive reader: identical graph when it accepts, a DatasetFormatException when it rejects.
 */
class EdgeListFuzzTest {
    private static final String INT = "([+-]?[0-9]+)";
    private static final String FLOAT = "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)";
    private static final Pattern WS_PAIR = Pattern.compile("[ \\t]*" + INT + "[ \\t]+" + INT + "[ \\t]*");
    private static final Pattern CSV_TRIPLE = Pattern.compile(
            "[ \\t]*" + INT + "[ \\t]*,[ \\t]*" + INT + "[ \\t]*,[ \\t]*" + FLOAT + "[ \\t]*");
    private static final Pattern TOKEN = Pattern.compile(INT);

    static final class Reject extends RuntimeException {
        Reject(String m) {
            super(m);
        }
    }

    /** One expected stored entry u→v with its weight; entries compare by (u, v) and keep insertion order otherwise. */
    record Entry(int u, int v, float w) {}

    record Expected(int n, List<Entry> entries, long merged) {}

    private static List<String> content(byte[] b, String comments) {
        String s = new String(b, StandardCharsets.UTF_8);
        if (s.isEmpty()) {
            return List.of();
        }
        if (!s.endsWith("\n")) {
            throw new Reject("no final LF");
        }
        List<String> out = new ArrayList<>();
        for (String l : s.substring(0, s.length() - 1).split("\n", -1)) {
            if (l.endsWith("\r")) {
                l = l.substring(0, l.length() - 1);
            }
            String t = l.replaceFirst("^[ \\t]+", "");
            if (t.replaceAll("[ \\t]", "").isEmpty() || comments.indexOf(t.charAt(0)) >= 0) {
                continue;
            }
            out.add(l);
        }
        return out;
    }

    private static int id(String digits, int base) {
        BigInteger v = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
        if (v.bitLength() > 31) {
            throw new Reject("int range");
        }
        int id = v.intValueExact() - base;
        if (id < 0) {
            throw new Reject("negative id");
        }
        return id;
    }

    private static Expected build(List<int[]> pairs, List<Float> weights, boolean directed, boolean keep) {
        int max = -1;
        for (int[] p : pairs) {
            max = Math.max(max, Math.max(p[0], p[1]));
        }
        if (max + 1L > 100L * pairs.size() + 1_000_000) {
            throw new Reject("sparse ids");
        }
        List<Entry> entries = new ArrayList<>();
        if (directed && keep) {
            for (int i = 0; i < pairs.size(); i++) {
                entries.add(new Entry(pairs.get(i)[0], pairs.get(i)[1], weights.get(i)));
            }
            entries.sort(Comparator.comparingInt(Entry::u).thenComparingInt(Entry::v)); // stable
            return new Expected(max + 1, entries, 0);
        }
        TreeMap<Long, Float> best = new TreeMap<>();
        long n = max + 1;
        for (int i = 0; i < pairs.size(); i++) {
            int u = pairs.get(i)[0], v = pairs.get(i)[1];
            for (long key : u == v ? new long[] {u * n + v} : new long[] {u * n + v, v * n + u}) {
                best.merge(key, weights.get(i), Math::max);
            }
        }
        long distinct = 0;
        for (var e : best.entrySet()) {
            int u = (int) (e.getKey() / n), v = (int) (e.getKey() % n);
            entries.add(new Entry(u, v, e.getValue()));
            if (u <= v) {
                distinct++;
            }
        }
        return new Expected(max + 1, entries, pairs.size() - distinct);
    }

    /** Naive reading of a whitespace edge list, 1-based ids, undirected, unweighted, comments '#' and '%'. */
    static Expected naiveWhitespace(byte[] b) {
        List<int[]> pairs = new ArrayList<>();
        List<Float> w = new ArrayList<>();
        for (String l : content(b, "#%")) {
            Matcher m = WS_PAIR.matcher(l);
            if (!m.matches()) {
                throw new Reject("line");
            }
            pairs.add(new int[] {id(m.group(1), 1), id(m.group(2), 1)});
            w.add(1f);
        }
        return build(pairs, w, false, false);
    }

    /** Naive reading of a weighted, directed CSV with a header line, 0-based ids, duplicates kept. */
    static Expected naiveCsv(byte[] b) {
        List<String> lines = content(b, "#%");
        List<int[]> pairs = new ArrayList<>();
        List<Float> w = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            Matcher m = CSV_TRIPLE.matcher(lines.get(i));
            if (!m.matches()) {
                throw new Reject("line");
            }
            float x = (float) Double.parseDouble(m.group(3));
            if (!Float.isFinite(x)) {
                throw new Reject("weight");
            }
            pairs.add(new int[] {id(m.group(1), 0), id(m.group(2), 0)});
            w.add(x);
        }
        return build(pairs, w, true, true);
    }

    /** Naive reading of a DeepWalk adjacency list, 1-based ids. */
    static Expected naiveAdjlist(byte[] b) {
        List<int[]> pairs = new ArrayList<>();
        List<Float> w = new ArrayList<>();
        int maxId = -1;
        for (String l : content(b, "#")) {
            String[] tokens = l.replaceAll("^[ \\t]+|[ \\t]+$", "").split("[ \\t]+");
            int[] ids = new int[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                if (!TOKEN.matcher(tokens[i]).matches()) {
                    throw new Reject("token");
                }
                ids[i] = id(tokens[i], 1);
                maxId = Math.max(maxId, ids[i]);
            }
            for (int i = 1; i < ids.length; i++) {
                pairs.add(new int[] {ids[0], ids[i]});
                w.add(1f);
            }
        }
        Expected e = build(pairs, w, false, false);
        if (maxId + 1L > 100L * pairs.size() + 1_000_000) {
            throw new Reject("sparse ids");
        }
        return new Expected(maxId + 1, e.entries(), e.merged());
    }

    private static void assertSameGraph(Expected e, LoadedGraph g, int iter) {
        Graph graph = g.graph();
        String at = "iteration " + iter;
        assertEquals(e.n(), graph.numNodes(), at);
        assertEquals(e.entries().size(), graph.numEntries(), at);
        assertEquals(e.merged(), g.mergedEntries(), at);
        for (int k = 0; k < e.entries().size(); k++) {
            Entry x = e.entries().get(k);
            assertTrue(graph.rowPtr()[x.u()] <= k && k < graph.rowPtr()[x.u() + 1], at);
            assertEquals(x.v(), graph.colIdx()[k], at);
            assertEquals(x.w(), graph.weight(k), at);
        }
    }

    private interface Loader {
        LoadedGraph load(byte[] b) throws IOException;
    }

    private interface Oracle {
        Expected read(byte[] b);
    }

    private static int[] fuzz(byte[] valid, Loader loader, Oracle oracle, long seed, int iterations) throws IOException {
        assertSameGraph(oracle.read(valid), loader.load(valid), -1);
        SplittableRandom r = new SplittableRandom(seed);
        int loaded = 0, rejected = 0;
        for (int iter = 0; iter < iterations; iter++) {
            byte[] b = valid;
            for (int k = 1 + r.nextInt(2); k > 0; k--) {
                b = Mutations.mutate(b, r);
            }
            Expected expected;
            try {
                expected = oracle.read(b);
            } catch (Reject e) {
                expected = null;
            }
            LoadedGraph actual;
            try {
                actual = loader.load(b);
            } catch (DatasetFormatException e) {
                if (expected != null) {
                    fail("iteration " + iter + ": rejected a file the naive reader accepts: " + e.getMessage());
                }
                rejected++;
                continue;
            } catch (RuntimeException | IOException e) {
                throw new AssertionError("iteration " + iter + ": not a DatasetFormatException", e);
            }
            if (expected == null) {
                fail("iteration " + iter + ": accepted a file the naive reader rejects:\n" + new String(b, StandardCharsets.UTF_8));
            }
            assertSameGraph(expected, actual, iter);
            loaded++;
        }
        assertTrue(loaded > 20 && rejected > 20, "loaded " + loaded + ", rejected " + rejected);
        return new int[] {loaded, rejected};
    }

    private static byte[] karateAdjlist() throws IOException {
        return DataSource.classpath("io/gnn4j/datasets/bundled/karate").read("karate.adjlist");
    }

    @Test
    void whitespaceEdgeListMutants() throws IOException {
        LoadedGraph karate = AdjacencyListFormat.karate();
        StringBuilder sb = new StringBuilder("# karate club, 1-based\n\n");
        Graph g = karate.graph();
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                if (u < g.colIdx()[k]) {
                    sb.append(u + 1).append(k % 2 == 0 ? " " : "\t").append(g.colIdx()[k] + 1).append('\n');
                }
            }
        }
        EdgeListOptions o = EdgeListOptions.builder().ids(NodeIds.ONE_BASED).build();
        int[] counts = fuzz(sb.toString().getBytes(StandardCharsets.UTF_8),
                b -> EdgeListFormat.read(Path.of("k.edgelist"), b, o), EdgeListFuzzTest::naiveWhitespace, 7, 1500);
        System.out.println("edge-list fuzz: " + counts[0] + " loaded identically, " + counts[1] + " rejected");
    }

    @Test
    void weightedCsvMutants() throws IOException {
        String csv = "source,target,weight\n% directed, weighted\n0,1,0.5\n1, 2,1e-3\n2 ,0,-4\n0,1,2.25\n3,3,1\n"
                + "4,0,.5\n2,4,7.\n";
        EdgeListOptions o = EdgeListOptions.builder().separator(',').header(true).weighted(true).directed(true).build();
        int[] counts = fuzz(csv.getBytes(StandardCharsets.UTF_8), b -> EdgeListFormat.read(Path.of("w.csv"), b, o),
                EdgeListFuzzTest::naiveCsv, 8, 1500);
        System.out.println("csv fuzz: " + counts[0] + " loaded identically, " + counts[1] + " rejected");
    }

    @Test
    void adjacencyListMutants() throws IOException {
        int[] counts = fuzz(karateAdjlist(),
                b -> AdjacencyListFormat.read(Path.of("karate.adjlist"), b, NodeIds.ONE_BASED, false),
                EdgeListFuzzTest::naiveAdjlist, 9, 1500);
        System.out.println("adjlist fuzz: " + counts[0] + " loaded identically, " + counts[1] + " rejected");
    }
}
