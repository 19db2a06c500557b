package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.ReadOptions;
import io.gnn4j.graph.Graph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReadOptions#edgesAsArcs()}: edge lists, adjacency lists and heterophilous-graphs files are symmetrised by
 * default and keep each stored edge u v as the single arc u→v when asked, through {@link Datasets}' public entry.
 */
class EdgesAsArcsTest {
    @TempDir
    Path tmp;

    private static Graph read(Path file, boolean arcs) throws Exception {
        return ((NodeDataset) Datasets.loadWithSource(file.toString(), List.of(),
                ReadOptions.DEFAULT.withEdgesAsArcs(arcs), null).dataset()).graph();
    }

    /** The graph holds exactly the arcs given, as (u, v) pairs, and no others. */
    private static void assertArcs(Graph g, int[][] arcs) {
        assertEquals(arcs.length, g.numEntries(), g.toString());
        for (int[] a : arcs) {
            assertTrue(g.hasEdge(a[0], a[1]), a[0] + "→" + a[1] + " in " + g);
        }
    }

    @Test
    void edgeListsAreSymmetrisedUnlessAskedForArcs() throws Exception {
        Path f = Files.writeString(tmp.resolve("cycle.edgelist"), "0 1\n1 2\n2 0\n2 3\n");
        Graph undirected = read(f, false);
        assertFalse(undirected.isDirected());
        assertEquals(8, undirected.numEntries());
        Graph directed = read(f, true);
        assertTrue(directed.isDirected());
        assertArcs(directed, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}});
        assertFalse(directed.hasEdge(1, 0));
        Path csv = Files.writeString(tmp.resolve("cycle.csv"), "0,1\n1,2\n2,0\n");
        assertArcs(read(csv, true), new int[][] {{0, 1}, {1, 2}, {2, 0}});
    }

    @Test
    void adjacencyListsKeepTheirRowsAsOutArcsWhenAsked() throws Exception {
        Path f = Files.writeString(tmp.resolve("g.adjlist"), "0 1 2\n1 2\n3 0\n");
        assertEquals(8, read(f, false).numEntries());
        Graph directed = read(f, true);
        assertTrue(directed.isDirected());
        assertArcs(directed, new int[][] {{0, 1}, {0, 2}, {1, 2}, {3, 0}});
    }

    @Test
    void heterophilousFilesKeepTheStoredOrientationWhenAsked() throws Exception {
        Path f = BadInputTest.heterophilous().write(tmp.resolve("h.npz"));  // edges 0–1 and 2–3
        Graph undirected = read(f, false);
        assertFalse(undirected.isDirected());
        assertEquals(4, undirected.numEntries());
        Graph directed = read(f, true);
        assertTrue(directed.isDirected());
        assertArcs(directed, new int[][] {{0, 1}, {2, 3}});
    }
}
