package io.gnn4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.text.SharedDatasets;
import io.gnn4j.graph.Graph;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlogCatalogTest {
    @TempDir
    Path dir;

    /** Path 0-1-2 plus 2-3 as a symmetric CSC matrix (column v lists the neighbours of v). */
    private static final int[] NET_IR = {1, 0, 2, 1, 3, 2};
    private static final int[] NET_JC = {0, 1, 3, 5, 6};
    private static final double[] NET_PR = {1, 1, 1, 1, 1, 1};

    @Test
    void loadsThePublishedCountsOfTheRealFile() throws Exception {
        Path p = SharedDatasets.require("blogcatalog/blogcatalog.mat");
        NodeDataset d = BlogCatalog.load(p);
        Graph g = d.graph();
        assertEquals(10_312, g.numNodes());
        assertEquals(667_966, g.numEntries());
        assertEquals(333_983, g.numEdges());
        assertFalse(g.isDirected());
        assertFalse(g.isWeighted());
        MultiLabels m = d.multiLabels();
        assertEquals(39, m.numLabels());
        assertEquals(14_476, m.labels().length);
        for (int u = 0; u < g.numNodes(); u++) {
            assertFalse(g.hasEdge(u, u), "self loop at " + u);
            assertTrue(m.offsets()[u + 1] > m.offsets()[u], "node " + u + " has no group");
        }
    }

    @Test
    void readsCompressedSparseVariablesAndIgnoresPaddingBeyondJc() throws Exception {
        // group 4×2: node 0 ∈ {1}, node 1 ∈ {0, 1}, node 2 ∈ {0}, node 3 ∈ {}; ir/pr padded to nzmax 6.
        Path f = new Mat5TestFiles()
                .sparse("network", 4, 4, NET_IR, NET_JC, NET_PR, true)
                .sparse("group", 4, 2, new int[] {1, 2, 0, 1, 0, 0}, new int[] {0, 2, 4},
                        new double[] {1, 1, 1, 1, 0, 0}, true)
                .write(dir.resolve("tiny.mat"));
        NodeDataset d = BlogCatalog.load(f);
        Graph g = d.graph();
        assertEquals(4, g.numNodes());
        assertEquals(3, g.numEdges());
        assertTrue(g.hasEdge(0, 1) && g.hasEdge(1, 2) && g.hasEdge(2, 3) && g.hasEdge(3, 2));
        assertFalse(g.hasEdge(0, 2));
        MultiLabels m = d.multiLabels();
        assertEquals(2, m.numLabels());
        assertArrayEquals(new int[] {0, 1, 3, 4, 4}, m.offsets());
        assertArrayEquals(new int[] {1, 0, 1, 0}, m.labels());
        assertArrayEquals(new int[] {-1, -1, -1, -1}, d.labels());
    }

    @Test
    void readsUncompressedVariablesToo() throws Exception {
        Path f = new Mat5TestFiles()
                .sparse("network", 4, 4, NET_IR, NET_JC, NET_PR, false)
                .sparse("group", 4, 1, new int[] {0, 3}, new int[] {0, 2}, new double[] {1, 1}, false)
                .write(dir.resolve("plain.mat"));
        NodeDataset d = BlogCatalog.load(f);
        assertEquals(3, d.graph().numEdges());
        assertTrue(d.multiLabels().has(3, 0));
        assertFalse(d.multiLabels().has(1, 0));
    }

    @Test
    void missingGroupVariableNamesFileAndVariable() throws Exception {
        Path f = new Mat5TestFiles().sparse("network", 4, 4, NET_IR, NET_JC, NET_PR, true)
                .write(dir.resolve("nogroup.mat"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> BlogCatalog.load(f));
        assertTrue(e.getMessage().contains("nogroup.mat") && e.getMessage().contains("'group'"), e.getMessage());
    }

    @Test
    void denseNetworkIsRejected() throws Exception {
        Path f = new Mat5TestFiles().dense("network", 2, 2, new double[] {0, 1, 1, 0})
                .sparse("group", 2, 1, new int[] {0}, new int[] {0, 1}, new double[] {1}, true)
                .write(dir.resolve("dense.mat"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> BlogCatalog.load(f));
        assertTrue(e.getMessage().contains("dense.mat") && e.getMessage().contains("'network'")
                && e.getMessage().contains("sparse"), e.getMessage());
    }

    @Test
    void asymmetricNetworkIsRejected() throws Exception {
        // Only 0→1 stored: not an undirected graph.
        Path f = new Mat5TestFiles()
                .sparse("network", 2, 2, new int[] {0}, new int[] {0, 0, 1}, new double[] {1}, true)
                .sparse("group", 2, 1, new int[] {0}, new int[] {0, 1}, new double[] {1}, true)
                .write(dir.resolve("asym.mat"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> BlogCatalog.load(f));
        assertTrue(e.getMessage().contains("symmetric") && e.getMessage().contains("'network'"), e.getMessage());
    }

    @Test
    void groupRowCountMustMatchNodeCount() throws Exception {
        Path f = new Mat5TestFiles()
                .sparse("network", 4, 4, NET_IR, NET_JC, NET_PR, true)
                .sparse("group", 3, 1, new int[] {0}, new int[] {0, 1}, new double[] {1}, true)
                .write(dir.resolve("rows.mat"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> BlogCatalog.load(f));
        assertTrue(e.getMessage().contains("'group'") && e.getMessage().contains("expected 4 rows"), e.getMessage());
    }

    @Test
    void notAMatFileIsAFormatError() throws Exception {
        Path f = Files.writeString(dir.resolve("text.mat"), "hello, this is not a MAT-file at all");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> BlogCatalog.load(f));
        assertTrue(e.getMessage().contains("text.mat"), e.getMessage());
    }
}
