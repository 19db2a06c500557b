package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Planetoid files against PyG's {@code read_planetoid_data} (2.4.0). The expected values below were computed
 * by a NumPy transcription of that function (pad tx/ty over the test range, concatenate with allx/ally, then
 * {@code x[test_index] = x[sorted_test_index]}, {@code y = argmax}, edges = dict pairs without self loops,
 * coalesced): label counts, Σ i·y_i mod 1000003, Σ over non-zero features of (row·F + col) mod 1000003.
 */
class PlanetoidTest {

    @Test
    void coraPublicSplitMatchesPyG() throws Exception {
        NodeDataset d = Planetoid.load(SharedData.require("cora/planetoid"), "cora");
        assertEquals("cora", d.name());
        assertEquals(2708, d.graph().numNodes());
        assertFalse(d.graph().isDirected());
        assertEquals(10556, d.graph().numEntries(), "PyG's Cora edge_index has 10,556 columns");
        assertEquals(1433, d.numFeatures());
        assertEquals(7, d.numClasses());
        Split s = d.split("public");
        assertEquals(140, s.train().length);
        assertEquals(500, s.val().length);
        assertEquals(1000, s.test().length);
        assertArrayEquals(new int[] {0, 139, 140, 639, 1708, 2707},
                new int[] {s.train()[0], s.train()[139], s.val()[0], s.val()[499], s.test()[0], s.test()[999]});
        assertArrayEquals(new int[] {351, 217, 418, 818, 426, 298, 180}, SharedData.classCounts(d));
        assertEquals(506363, labelChecksum(d));
        assertEquals(2831, Arrays.stream(s.test()).map(i -> d.labels()[i]).sum());
        assertArrayEquals(new int[] {3, 4, 4, 0, 3, 2, 0, 3, 3, 2}, Arrays.copyOf(d.labels(), 10));
        assertEquals(49216, nonZeros(d));
        assertEquals(78677, featureChecksum(d));
        // The first line of test.index is node 2692: it gets tx's first row, label 3.
        assertArrayEquals(new int[] {311, 314, 353, 505, 510}, firstNonZeroColumns(d, 2692, 5));
        assertEquals(3, d.labels()[2692]);
        assertArrayEquals(new int[] {7, 41, 65, 192, 203}, firstNonZeroColumns(d, 1708, 5));
    }

    @Test
    void citeseerPadsItsFifteenMissingTestNodesLikePyG() throws Exception {
        NodeDataset d = Planetoid.load(SharedData.require("citeseer/planetoid"), "citeseer");
        assertEquals(3327, d.graph().numNodes());
        assertEquals(9104, d.graph().numEntries(), "PyG's CiteSeer edge_index has 9,104 columns (248 self loops dropped)");
        assertEquals(3703, d.numFeatures());
        assertEquals(6, d.numClasses());
        Split s = d.split("public");
        assertArrayEquals(new int[] {120, 500, 1000}, new int[] {s.train().length, s.val().length, s.test().length});
        assertArrayEquals(new int[] {0, 119, 120, 619, 2312, 3326},
                new int[] {s.train()[0], s.train()[119], s.val()[0], s.val()[499], s.test()[0], s.test()[999]});
        assertArrayEquals(new int[] {264, 590, 668, 701, 596, 508}, SharedData.classCounts(d));
        assertEquals(890560, labelChecksum(d));
        assertEquals(2713, Arrays.stream(s.test()).map(i -> d.labels()[i]).sum());
        assertEquals(105165, nonZeros(d));
        assertEquals(714577, featureChecksum(d));
        int[] gaps = {2407, 2489, 2553, 2682, 2781, 2953, 3042, 3063, 3212, 3214, 3250, 3292, 3305, 3306, 3309};
        for (int g : gaps) {
            assertEquals(0, d.labels()[g], "gap node " + g + " gets PyG's argmax of a zero row");
            assertEquals(0, firstNonZeroColumns(d, g, 1).length, "gap node " + g + " has a zero feature row");
            assertTrue(Arrays.binarySearch(s.test(), g) < 0 && Arrays.binarySearch(s.val(), g) < 0);
        }
        assertEquals(2, d.labels()[2488]);
        assertArrayEquals(new int[] {19, 21, 169, 170, 425}, firstNonZeroColumns(d, 2488, 5));
    }

    @Test
    void geomGcnSplitsIndexPlanetoidOrder() throws Exception {
        NodeDataset d = Planetoid.load(SharedData.require("cora/planetoid"), "cora");
        var splits = GeomGcn.loadSplits(SharedData.require("cora/geom-gcn/splits"), "cora", d.graph().numNodes());
        assertEquals(10, splits.size());
        for (Split s : splits) {
            assertArrayEquals(new int[] {1192, 796, 497}, new int[] {s.train().length, s.val().length, s.test().length},
                    s.name());
        }
    }

    @Test
    void pythonThreeProtocolFourFilesWithAGapNodeGiveTheHandComputedDataset() throws Exception {
        Path dir = Path.of(PlanetoidTest.class.getResource("/io/gnn4j/datasets/formats/planetoid-tiny/make_fixture.py")
                .toURI()).getParent();
        NodeDataset d = Planetoid.load(dir, "tiny", 1);
        assertEquals(6, d.graph().numNodes(), "3 allx rows + test range 3..5");
        assertEquals(4, d.numFeatures());
        assertArrayEquals(new float[] {
            1, 0, 0, 0,
            0, 1, 0, 0,
            0, 0, 1, 1,
            3, 0, 0, 0,   // node 3 = tx row 1 (test.index line 2)
            0, 0, 0, 0,   // node 4: in the test range, not in test.index
            0, 0, 0, 2,   // node 5 = tx row 0
        }, d.features());
        assertArrayEquals(new int[] {1, 0, 2, 1, 0, 2}, d.labels());
        assertEquals(3, d.numClasses());
        assertEquals(java.util.Set.of("0-1", "1-2", "2-3", "3-5", "4-5"), GraphsForTest.pairs(d.graph()),
                "self loop dropped, duplicate merged");
        Split s = d.split("public");
        assertArrayEquals(new int[] {0}, s.train());
        assertArrayEquals(new int[] {1}, s.val());
        assertArrayEquals(new int[] {3, 5}, s.test());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Planetoid.load(dir, "tiny"));
        assertTrue(e.getMessage().contains("500 validation nodes"), e.getMessage());
    }

    @Test
    void missingFileIsReportedNotSkipped() throws Exception {
        Path dir = Files.createTempDirectory("planetoid");
        try {
            assertThrows(java.nio.file.NoSuchFileException.class, () -> Planetoid.load(dir, "cora"));
        } finally {
            Files.delete(dir);
        }
    }

    static long labelChecksum(NodeDataset d) {
        long s = 0;
        for (int i = 0; i < d.labels().length; i++) {
            s += (long) i * d.labels()[i];
        }
        return s % 1000003;
    }

    static long nonZeros(NodeDataset d) {
        long c = 0;
        for (float v : d.features()) {
            c += v != 0 ? 1 : 0;
        }
        return c;
    }

    static long featureChecksum(NodeDataset d) {
        long s = 0;
        float[] x = d.features();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                s = (s + i % 1000003) % 1000003;
            }
        }
        return s;
    }

    static int[] firstNonZeroColumns(NodeDataset d, int node, int k) {
        int f = d.numFeatures();
        return java.util.stream.IntStream.range(0, f).filter(c -> d.features()[node * f + c] != 0).limit(k).toArray();
    }

    @Test
    void rejectsAnAsymmetricOrForeignPickle() throws Exception {
        Path src = SharedData.require("cora/planetoid");
        Path dir = Files.createTempDirectory("planetoid");
        try {
            for (String ext : new String[] {"x", "tx", "allx", "y", "ty", "ally", "graph", "test.index"}) {
                Files.copy(src.resolve("ind.cora." + ext), dir.resolve("ind.cora." + ext));
            }
            // A pickle of something else (os.system) must be refused without being run.
            byte[] evil = "\u0080\u0002cos\nsystem\nq\u0000X\u0002\u0000\u0000\u0000lsq\u0001\u0085q\u0002Rq\u0003."
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Files.write(dir.resolve("ind.cora.graph"), evil);
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Planetoid.load(dir, "cora"));
            assertTrue(e.getMessage().contains("os.system") && e.getMessage().contains("ind.cora.graph"), e.getMessage());
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
