package io.gnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedGraphTest {
    @TempDir
    Path dir;

    @Test
    void nodeRangesCoverEveryNodeOnce() {
        for (int n : new int[] {1, 7, 100, 1001}) {
            for (int p = 1; p <= Math.min(n, 13); p++) {
                NodeRanges r = new NodeRanges(n, p);
                for (int u = 0; u < n; u++) {
                    int q = r.owner(u);
                    assertTrue(r.first(q) <= u && u < r.first(q + 1), "node " + u + " of " + n + " in " + p);
                }
                assertEquals(n, r.first(p));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new NodeRanges(3, 4));
    }

    @Test
    void blocksFromCsvHoldTheRowsOfTheSingleJvmGraphAndTheirSendListsMatchTheGhosts() throws Exception {
        int n = 500;
        int[][] e = LocalSpark.randomEdges(n, 1500, 8);
        Path file = LocalSpark.csvEdges(dir, e, "a,b");
        PartitionedGraph pg = PartitionedGraph.fromEdges(
                PartitionedGraph.readEdges(LocalSpark.session(), file.toString(), "csv", "a", "b"), 0, 4, true);
        Graph g = LocalSpark.graph(pg.numNodes(), e, true);
        assertEquals(g.numEntries(), pg.numEntries());
        List<GraphBlock> blocks = pg.blocks().collect();
        long sent = 0;
        for (GraphBlock b : blocks) {
            Graph bg = b.graph();
            for (int i = 0; i < b.numLocal(); i++) {
                int u = b.first() + i;
                int[] expected = Arrays.copyOfRange(g.colIdx(), g.rowPtr()[u], g.rowPtr()[u + 1]);
                int[] actual = new int[bg.rowPtr()[i + 1] - bg.rowPtr()[i]];
                for (int k = 0; k < actual.length; k++) {
                    int c = bg.colIdx()[bg.rowPtr()[i] + k];
                    actual[k] = c < b.numLocal() ? b.first() + c : b.ghosts()[c - b.numLocal()];
                }
                Arrays.sort(actual);
                assertArrayEquals(expected, actual, "row " + u);
            }
            // What b sends to q is exactly q's ghosts owned by b.
            for (int k = 0; k < b.sendPartitions().length; k++) {
                GraphBlock q = blocks.get(b.sendPartitions()[k]);
                Set<Integer> wanted = new HashSet<>();
                for (int v : q.ghosts()) {
                    if (pg.ranges().owner(v) == b.partition()) {
                        wanted.add(v);
                    }
                }
                Set<Integer> shipped = new HashSet<>();
                for (int i : b.sendRows()[k]) {
                    shipped.add(b.first() + i);
                }
                assertEquals(wanted, shipped);
                sent += b.sendRows()[k].length;
            }
        }
        assertEquals(Arrays.stream(blocks.toArray(GraphBlock[]::new)).mapToLong(GraphBlock::numGhosts).sum(), sent);
        assertEquals(sent, pg.boundaryRowsPerRound());
        pg.unpersist();
    }

    @Test
    void aTargetOutsideTheNodeRangeIsAnError() {
        int[][] e = {{0, 1}, {1, 9}};
        Exception ex = assertThrows(SparkException.class,
                () -> PartitionedGraph.fromEdges(LocalSpark.parquetEdges(dir, e), 5, 2, false));
        assertTrue(String.valueOf(ex.getMessage()).contains("outside 0..4"), ex.getMessage());
    }
}
