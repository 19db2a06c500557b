package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The heterophilous-graphs files: nodes × features and edge counts from shared/datasets/README.md, 10 splits each;
 * split sizes and per-class counts as NumPy reads them from the same files.
 */
class HeterophilousNpzTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, N, F, undirected edges (README), self loops, directed?, classes, split-0 train/val/test
        "chameleon/heterophilous-graphs/chameleon.npz, 2277, 2325, 31371, 0, false, 5, 1092, 729, 456",
        "chameleon/heterophilous-graphs/chameleon_directed.npz, 2277, 2325, 36101, 50, true, 5, 1092, 729, 456",
        "chameleon/heterophilous-graphs/chameleon_filtered.npz, 890, 2325, 8854, 0, false, 5, 409, 287, 194",
        "chameleon/heterophilous-graphs/chameleon_filtered_directed.npz, 890, 2325, 13584, 50, true, 5, 409, 287, 194",
        "squirrel/heterophilous-graphs/squirrel.npz, 5201, 2089, 198353, 0, false, 5, 2496, 1664, 1041",
        "squirrel/heterophilous-graphs/squirrel_directed.npz, 5201, 2089, 217073, 140, true, 5, 2496, 1664, 1041",
        "squirrel/heterophilous-graphs/squirrel_filtered.npz, 2223, 2089, 46998, 0, false, 5, 1053, 718, 452",
        "squirrel/heterophilous-graphs/squirrel_filtered_directed.npz, 2223, 2089, 65718, 140, true, 5, 1053, 718, 452",
        "texas/heterophilous-graphs/texas.npz, 183, 1703, 279, 0, false, 5, 87, 59, 37",
        "texas/heterophilous-graphs/texas_4_classes.npz, 183, 1703, 279, 0, false, 5, 87, 58, 37",
        "cornell/heterophilous-graphs/cornell.npz, 183, 1703, 277, 0, false, 5, 87, 59, 37",
        "wisconsin/heterophilous-graphs/wisconsin.npz, 251, 1703, 450, 0, false, 5, 120, 80, 51",
        "film/heterophilous-graphs/actor.npz, 7600, 932, 26659, 0, false, 5, 3648, 2432, 1520",
        "tolokers/heterophilous-graphs/tolokers.npz, 11758, 10, 519000, 0, false, 2, 5879, 2939, 2940",
        "minesweeper/heterophilous-graphs/minesweeper.npz, 10000, 7, 39402, 0, false, 2, 5000, 2500, 2500",
    })
    void loadsWithTheStatedCounts(String rel, int n, int f, long edges, int loops, boolean directed, int classes,
                                  int train, int val, int test) throws Exception {
        NodeDataset d = HeterophilousNpz.load(SharedData.require(rel));
        assertEquals(n, d.graph().numNodes());
        assertEquals(f, d.numFeatures());
        assertEquals(directed, d.graph().isDirected());
        assertEquals(edges, d.graph().numEdges());
        assertEquals(loops, SharedData.selfLoops(d.graph()));
        assertEquals(classes, d.numClasses());
        assertEquals(10, d.splits().size());
        Split s0 = d.split("split-0");
        assertArrayEquals(new int[] {train, val, test}, new int[] {s0.train().length, s0.val().length, s0.test().length});
    }

    @Test
    void texasFortranOrderedMasksGiveTheSplitsNumPyReads() throws Exception {
        NodeDataset d = HeterophilousNpz.load(SharedData.require("texas/heterophilous-graphs/texas.npz"));
        assertArrayEquals(new int[] {0, 2, 4, 8, 11}, Arrays.copyOf(d.split("split-0").train(), 5));
        assertArrayEquals(new int[] {0, 4, 5, 7, 11}, Arrays.copyOf(d.split("split-9").train(), 5));
        assertEquals(8221, Arrays.stream(d.split("split-0").train()).sum());
        assertEquals(7686, Arrays.stream(d.split("split-9").train()).sum());
        assertArrayEquals(new int[] {33, 1, 18, 101, 30}, SharedData.classCounts(d));
        assertArrayEquals(new int[] {3, 0, 2, 3, 4, 3, 0, 0, 3, 0}, Arrays.copyOf(d.labels(), 10));
    }

    @Test
    void tolokersCOrderedMasksAndRealFeatures() throws Exception {
        NodeDataset d = HeterophilousNpz.load(SharedData.require("tolokers/heterophilous-graphs/tolokers.npz"));
        assertArrayEquals(new int[] {0, 2, 4, 6, 8}, Arrays.copyOf(d.split("split-0").train(), 5));
        assertArrayEquals(new int[] {3, 4, 6, 7, 10}, Arrays.copyOf(d.split("split-9").train(), 5));
        assertEquals(34684338L, Arrays.stream(d.split("split-0").train()).asLongStream().sum());
        assertArrayEquals(new int[] {9192, 2566}, SharedData.classCounts(d));
        assertEquals(0.8070351481437683f, d.features()[0]);
        assertFalse(d.graph().isDirected());
        assertTrue(d.graph().hasEdge(d.graph().colIdx()[0], 0), "symmetrised");
    }

    @Test
    void minesweeperHasTheStatedClassCountsAndTenCOrderedSplits() throws Exception {
        NodeDataset d = HeterophilousNpz.load(SharedData.require("minesweeper/heterophilous-graphs/minesweeper.npz"));
        assertArrayEquals(new int[] {8000, 2000}, SharedData.classCounts(d));
        for (Split s : d.splits()) {
            assertArrayEquals(new int[] {5000, 2500, 2500}, new int[] {s.train().length, s.val().length, s.test().length},
                    s.name());
        }
    }

    /**
     * The npz files stand in for Geom-GCN's missing (Chameleon, Squirrel) or wrong (Cornell) node files: they carry
     * the same node ids — every node's neighbours equal those of geom-gcn's out1_graph_edges.txt without its self
     * loops, which a relabelling other than an automorphism would break — and their ten stored splits are the
     * geom-gcn split files, mask for mask.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"chameleon, chameleon", "squirrel, squirrel", "film, actor"})
    void npzHasTheGeomGcnNodeIdsAndSplits(String name, String file) throws Exception {
        NodeDataset d = HeterophilousNpz.load(SharedData.require(name + "/heterophilous-graphs/" + file + ".npz"));
        io.gnn4j.graph.Graph geom = geomGcnEdges(name, d.graph().numNodes());
        for (int u = 0; u < geom.numNodes(); u++) {
            assertArrayEquals(neighboursWithoutSelf(geom, u), neighboursWithoutSelf(d.graph(), u), name + " node " + u);
        }
        assertStoredSplitsAreGeomGcns(name, d);
    }

    /**
     * Cornell's npz is NOT in Geom-GCN's node order: the same degree sequence, but only 5 of its 277 edges join the
     * same two ids as in geom-gcn's edge file (a relabelled copy). Its stored masks are still the geom-gcn split
     * files' — which therefore select other nodes than Geom-GCN's splits do in Geom-GCN's numbering.
     */
    @Test
    void cornellNpzIsRelabelledButStoresTheGeomGcnMasks() throws Exception {
        NodeDataset d = HeterophilousNpz.load(SharedData.require("cornell/heterophilous-graphs/cornell.npz"));
        io.gnn4j.graph.Graph geom = geomGcnEdges("cornell", d.graph().numNodes());
        int[] degNpz = new int[geom.numNodes()], degGeom = new int[geom.numNodes()];
        int sameNeighbours = 0;
        for (int u = 0; u < geom.numNodes(); u++) {
            degNpz[u] = neighboursWithoutSelf(d.graph(), u).length;
            degGeom[u] = neighboursWithoutSelf(geom, u).length;
            sameNeighbours += Arrays.equals(neighboursWithoutSelf(d.graph(), u), neighboursWithoutSelf(geom, u)) ? 1 : 0;
        }
        Arrays.sort(degNpz);
        Arrays.sort(degGeom);
        assertArrayEquals(degGeom, degNpz);
        assertTrue(sameNeighbours < geom.numNodes() / 2, sameNeighbours + " nodes keep their neighbours");
        assertStoredSplitsAreGeomGcns("cornell", d);
    }

    private static io.gnn4j.graph.Graph geomGcnEdges(String name, int n) throws Exception {
        return GeomGcn.loadEdges(SharedData.require(name + "/geom-gcn/out1_graph_edges.txt"), n, false);
    }

    private static int[] neighboursWithoutSelf(io.gnn4j.graph.Graph g, int u) {
        return Arrays.stream(g.colIdx(), g.rowPtr()[u], g.rowPtr()[u + 1]).filter(v -> v != u).toArray();
    }

    private static void assertStoredSplitsAreGeomGcns(String name, NodeDataset d) throws Exception {
        var splits = GeomGcn.loadSplits(SharedData.require(name + "/geom-gcn/splits"), name, d.graph().numNodes());
        for (int k = 0; k < 10; k++) {
            Split stored = d.split("split-" + k), geomSplit = splits.get(k);
            assertArrayEquals(geomSplit.train(), stored.train(), name + " split " + k);
            assertArrayEquals(geomSplit.val(), stored.val(), name + " split " + k);
            assertArrayEquals(geomSplit.test(), stored.test(), name + " split " + k);
        }
    }

    @Test
    void cornellFromHeterophilousGraphsHasItsOwnLabels() throws Exception {
        NodeDataset d = HeterophilousNpz.load(SharedData.require("cornell/heterophilous-graphs/cornell.npz"));
        assertArrayEquals(new int[] {38, 16, 30, 82, 17}, SharedData.classCounts(d));
    }
}
