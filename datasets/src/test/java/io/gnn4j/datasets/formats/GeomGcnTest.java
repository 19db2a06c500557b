package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.Graph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Geom-GCN text files and split masks, with the counts shared/datasets/README.md states. */
class GeomGcnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, N, F, edge lines, distinct directed, distinct self loops, undirected non-loop pairs, split-0 sizes
        // (film: 122 self-loop lines, 93 distinct — counted with NumPy from the same file)
        "texas, 183, 1703, 325, 325, 16, 279, 87, 59, 37",
        "wisconsin, 251, 1703, 515, 515, 16, 450, 120, 80, 51",
        "cornell, 183, 1703, 298, 298, 3, 277, 87, 59, 37",
        "film, 7600, 932, 33391, 30019, 93, 26659, 3648, 2432, 1520",
    })
    void loadsWithTheStatedCounts(String name, int n, int f, int lines, int distinct, int loops, int pairs, int train,
                                  int val, int test) throws Exception {
        Path dir = SharedData.require(name + "/geom-gcn");
        NodeDataset d = GeomGcn.load(dir, name);
        assertEquals(n, d.graph().numNodes());
        assertEquals(f, d.numFeatures());
        assertEquals(5, d.numClasses());
        assertFalse(d.graph().isDirected());
        assertEquals(pairs + loops, d.graph().numEdges(), "undirected pairs plus self loops");
        assertEquals(loops, SharedData.selfLoops(d.graph()));
        Graph directed = GeomGcn.load(dir, name, true).graph();
        assertEquals(lines, directed.numEntries(), "every line kept");
        assertEquals(distinct != lines, directed.type().multiEdges());
        assertEquals(10, d.splits().size());
        for (Split s : d.splits()) {
            assertArrayEquals(new int[] {train, val, test}, new int[] {s.train().length, s.val().length, s.test().length},
                    name + " " + s.name());
        }
    }

    @Test
    void cornellShipsTexasFeaturesAndLabels() throws Exception {
        // The README's known defect: geom-gcn's Cornell node file is byte-identical to Texas's.
        NodeDataset cornell = GeomGcn.load(SharedData.require("cornell/geom-gcn"), "cornell");
        NodeDataset texas = GeomGcn.load(SharedData.require("texas/geom-gcn"), "texas");
        assertArrayEquals(new int[] {33, 1, 18, 101, 30}, SharedData.classCounts(cornell));
        assertArrayEquals(texas.labels(), cornell.labels());
        assertArrayEquals(texas.features(), cornell.features());
        assertEquals(277 + 3, cornell.graph().numEdges(), "but its own graph");
    }

    @Test
    void texasFeaturesEqualTheHeterophilousNpz() throws Exception {
        // README: texas.npz equals the geom-gcn Texas features/labels exactly; two loaders, two formats, one answer.
        NodeDataset text = GeomGcn.load(SharedData.require("texas/geom-gcn"), "texas");
        NodeDataset npz = HeterophilousNpz.load(SharedData.require("texas/heterophilous-graphs/texas.npz"));
        assertArrayEquals(npz.labels(), text.labels());
        assertArrayEquals(npz.features(), text.features());
        Graph a = GraphsForTest.withoutSelfLoops(text.graph()), b = npz.graph();
        assertArrayEquals(b.rowPtr(), a.rowPtr());
        assertArrayEquals(b.colIdx(), a.colIdx());
    }

    @Test
    void filmSparseFeatureListsGiveBinaryRows() throws Exception {
        NodeDataset d = GeomGcn.load(SharedData.require("film/geom-gcn"), "film");
        // First data line: "4873\t521,92,111,77,770\t3".
        int f = d.numFeatures();
        int[] nz = java.util.stream.IntStream.range(0, f).filter(c -> d.features()[4873 * f + c] != 0).toArray();
        assertArrayEquals(new int[] {77, 92, 111, 521, 770}, nz);
        assertEquals(3, d.labels()[4873]);
        assertArrayEquals(new int[] {853, 1337, 1630, 1815, 1965}, SharedData.classCounts(d));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"chameleon, 2277, 36101, 50, 31371, 1092, 729, 456", "squirrel, 5201, 217073, 140, 198353, 2496, 1664, 1041"})
    void edgeAndSplitFilesWithoutFeatures(String name, int n, int lines, int loops, int pairs, int train, int val,
                                          int test) throws Exception {
        Path dir = SharedData.require(name + "/geom-gcn");
        assertFalse(Files.exists(dir.resolve("out1_node_feature_label.txt")), "README: feature file not available");
        Graph g = GeomGcn.loadEdges(dir.resolve("out1_graph_edges.txt"), n, false);
        assertEquals(pairs + loops, g.numEdges());
        assertEquals(lines, GeomGcn.loadEdges(dir.resolve("out1_graph_edges.txt"), n, true).numEntries());
        List<Split> splits = GeomGcn.loadSplits(dir.resolve("splits"), name, n);
        Split s = splits.getFirst();
        assertArrayEquals(new int[] {train, val, test}, new int[] {s.train().length, s.val().length, s.test().length});
    }

    @Test
    void citeseerSplitsFourAndFiveAreSmaller() throws Exception {
        List<Split> s = GeomGcn.loadSplits(SharedData.require("citeseer/geom-gcn/splits"), "citeseer", 3327);
        assertArrayEquals(new int[] {1596, 1065, 666}, sizes(s.get(0)));
        assertArrayEquals(new int[] {1017, 679, 424}, sizes(s.get(4)));
        assertArrayEquals(new int[] {1017, 679, 424}, sizes(s.get(5)));
        List<Split> p = GeomGcn.loadSplits(SharedData.require("pubmed/geom-gcn/splits"), "pubmed", 19717);
        assertArrayEquals(new int[] {9463, 6310, 3944}, sizes(p.get(0)));
        assertTrue(Arrays.stream(p.get(9).test()).allMatch(i -> i < 19717));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, N, train/val/test of every split (README), except citeseer's k = 4, 5: 1017/679/424
        "cora, 2708, 1192, 796, 497",
        "citeseer, 3327, 1596, 1065, 666",
        "pubmed, 19717, 9463, 6310, 3944",
        "chameleon, 2277, 1092, 729, 456",
        "squirrel, 5201, 2496, 1664, 1041",
    })
    void allTenSplitFilesHaveTheStatedSizes(String name, int n, int train, int val, int test) throws Exception {
        List<Split> splits = GeomGcn.loadSplits(SharedData.require(name + "/geom-gcn/splits"), name, n);
        assertEquals(GeomGcn.NUM_SPLITS, splits.size());
        for (int k = 0; k < splits.size(); k++) {
            int[] expected = name.equals("citeseer") && (k == 4 || k == 5) ? new int[] {1017, 679, 424}
                    : new int[] {train, val, test};
            assertArrayEquals(expected, sizes(splits.get(k)), name + " split " + k);
            assertEquals("geom-gcn-" + k, splits.get(k).name());
        }
    }

    static int[] sizes(Split s) {
        return new int[] {s.train().length, s.val().length, s.test().length};
    }
}
