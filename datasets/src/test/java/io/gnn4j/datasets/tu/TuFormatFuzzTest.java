package io.gnn4j.datasets.tu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.text.DataSource;
import io.gnn4j.datasets.text.Mutations;
import io.gnn4j.graph.Graph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Mutates small valid TU files (the first graphs of the bundled MUTAG, plus synthetic attributes) and checks that
 * every mutant either loads to exactly what the independent {@link NaiveTuReader} reads from the same bytes, or is
 * rejected by both — TuFormat always with a DatasetFormatException, never another exception or another graph.
 */
class TuFormatFuzzTest {
    private static final String[] SUFFIXES = {"_A.txt", "_graph_indicator.txt", "_graph_labels.txt",
            "_node_labels.txt", "_edge_labels.txt", "_node_attributes.txt"};

    /** An in-memory dataset folder. */
    private static DataSource memory(Map<String, byte[]> files) {
        return new DataSource() {
            @Override
            public byte[] read(String f) throws IOException {
                byte[] b = files.get(f);
                if (b == null) {
                    throw new NoSuchFileException(f);
                }
                return b;
            }

            @Override
            public boolean exists(String f) {
                return files.containsKey(f);
            }

            @Override
            public Path path(String f) {
                return Path.of("mem", f);
            }
        };
    }

    private static List<String> lines(byte[] b) {
        return new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n")));
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The first {@code graphs} graphs of the bundled MUTAG, with synthetic attribute lines. */
    static Map<String, byte[]> mutagSubset(int graphs) throws IOException {
        DataSource src = DataSource.classpath("io/gnn4j/datasets/bundled/MUTAG");
        List<String> gi = lines(src.read("MUTAG_graph_indicator.txt"));
        int n = 0;
        while (n < gi.size() && Integer.parseInt(gi.get(n).strip()) <= graphs) {
            n++;
        }
        List<String> a = lines(src.read("MUTAG_A.txt")), el = lines(src.read("MUTAG_edge_labels.txt"));
        List<String> keptA = new ArrayList<>(), keptEl = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (Integer.parseInt(a.get(i).split(",")[0].strip()) <= n) {
                keptA.add(a.get(i));
                keptEl.add(el.get(i));
            }
        }
        List<String> attrs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            attrs.add(String.format(" %d.%06d, -%d.5e-1,%d", i % 7, i * 37 % 1000, i % 3, i));
        }
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("F_A.txt", join(keptA));
        m.put("F_graph_indicator.txt", join(gi.subList(0, n)));
        m.put("F_graph_labels.txt", join(lines(src.read("MUTAG_graph_labels.txt")).subList(0, graphs)));
        m.put("F_node_labels.txt", join(lines(src.read("MUTAG_node_labels.txt")).subList(0, n)));
        m.put("F_edge_labels.txt", join(keptEl));
        m.put("F_node_attributes.txt", join(attrs));
        return m;
    }

    @Test
    void mutantsLoadIdenticallyToTheNaiveReaderOrFailCleanly() throws IOException {
        Map<String, byte[]> valid = mutagSubset(6);
        SplittableRandom r = new SplittableRandom(20261127);
        int loaded = 0, rejected = 0;
        for (int iter = 0; iter < 1500; iter++) {
            Map<String, byte[]> files = new LinkedHashMap<>(valid);
            int mutations = 1 + r.nextInt(2);
            for (int k = 0; k < mutations; k++) {
                String f = "F" + SUFFIXES[r.nextInt(SUFFIXES.length)];
                files.put(f, Mutations.mutate(files.get(f), r));
            }
            NaiveTuReader.Content expected;
            try {
                expected = NaiveTuReader.read(files.get("F_A.txt"), files.get("F_graph_indicator.txt"),
                        files.get("F_graph_labels.txt"), files.get("F_node_labels.txt"),
                        files.get("F_node_attributes.txt"), files.get("F_edge_labels.txt"));
            } catch (NaiveTuReader.Reject | IndexOutOfBoundsException | ArithmeticException e) {
                expected = null;
            }
            TuGraphs actual;
            try {
                actual = TuFormat.load(memory(files), "F", TuFeatures.ATTRIBUTES_AND_LABELS);
            } catch (DatasetFormatException e) {
                if (expected != null) {
                    fail("iteration " + iter + ": TuFormat rejected a file the naive reader accepts: " + e.getMessage());
                }
                rejected++;
                continue;
            } catch (RuntimeException | IOException e) {
                throw new AssertionError("iteration " + iter + ": not a DatasetFormatException", e);
            }
            if (expected == null) {
                fail("iteration " + iter + ": TuFormat accepted a file the naive reader rejects");
            }
            assertSame(expected, actual, iter);
            loaded++;
        }
        System.out.println("TU fuzz: " + loaded + " mutants loaded identically, " + rejected + " rejected");
        assertTrue(loaded > 20 && rejected > 500, "loaded " + loaded + ", rejected " + rejected);
    }

    @Test
    void unmutatedSubsetMatchesTheNaiveReader() throws IOException {
        Map<String, byte[]> f = mutagSubset(6);
        NaiveTuReader.Content expected = NaiveTuReader.read(f.get("F_A.txt"), f.get("F_graph_indicator.txt"),
                f.get("F_graph_labels.txt"), f.get("F_node_labels.txt"), f.get("F_node_attributes.txt"),
                f.get("F_edge_labels.txt"));
        TuGraphs actual = TuFormat.load(memory(f), "F", TuFeatures.ATTRIBUTES_AND_LABELS);
        assertEquals(6, actual.dataset().graphs().size());
        assertEquals(3, actual.nodeAttributeColumns());
        assertEquals(3 + actual.nodeLabelColumns(), actual.dataset().numFeatures());
        assertSame(expected, actual, -1);
    }

    private static void assertSame(NaiveTuReader.Content e, TuGraphs a, int iter) {
        String at = "iteration " + iter;
        List<Graph> graphs = a.dataset().graphs();
        assertEquals(e.graphSizes().size(), graphs.size(), at);
        assertArrayEquals(e.labels(), a.dataset().labels(), at);
        assertArrayEquals(e.labelValues().stream().mapToInt(Integer::intValue).toArray(), a.graphLabelValues(), at);
        assertEquals(e.duplicates(), a.duplicateLines(), at);
        for (int g = 0; g < graphs.size(); g++) {
            Graph graph = graphs.get(g);
            int size = e.graphSizes().get(g);
            assertEquals(size, graph.numNodes(), at);
            TreeMap<Long, Integer> edges = e.edges().get(g);
            assertEquals(edges.size(), graph.numEntries(), at + ", graph " + g);
            int k = 0;
            for (var entry : edges.entrySet()) {
                int u = (int) (entry.getKey() / size), v = (int) (entry.getKey() % size);
                assertTrue(graph.rowPtr()[u] <= k && k < graph.rowPtr()[u + 1], at);
                assertEquals(v, graph.colIdx()[k], at);
                assertEquals((int) entry.getValue(), a.edgeLabels().get(g)[k], at);
                k++;
            }
            assertArrayEquals(e.features().get(g), a.dataset().nodeFeatures().get(g), at);
        }
    }
}
