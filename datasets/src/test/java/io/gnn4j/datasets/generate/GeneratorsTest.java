package io.gnn4j.datasets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.Graph;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    /** Fraction of stored entries (u, v) with equal labels — a naive count, independent of DatasetSummary. */
    private static double homophily(Graph g, int[] y) {
        long same = 0;
        int[] rp = g.rowPtr(), ci = g.colIdx();
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = rp[u]; k < rp[u + 1]; k++) {
                if (y[u] == y[ci[k]]) {
                    same++;
                }
            }
        }
        return (double) same / g.numEntries();
    }

    private static void assertSimpleUndirected(Graph g) {
        assertFalse(g.isDirected());
        assertFalse(g.type().selfLoops());
        assertFalse(g.type().multiEdges());
    }

    @Test
    void fastRpAnchorGraphHasOneMillionUniqueAscendingEdgesWithoutSelfLoops() {
        int n = 100_000, m = 1_000_000;
        long[] keys = FastRpAnchorGraph.keys(n, m, FastRpAnchorGraph.SEED);
        assertEquals(m, keys.length);
        for (int i = 0; i < m; i++) {
            long u = keys[i] / n, v = keys[i] % n;
            assertTrue(u < v, "key " + keys[i] + " is a self loop or not min·N+max");
            assertTrue(i == 0 || keys[i] > keys[i - 1], "keys not strictly ascending at " + i);
        }
        // Independent reference: the rounds of "draw the missing number, sort, dedupe" keep exactly the first M
        // distinct keys of the draw sequence.
        SplittableRandom r = new SplittableRandom(42);
        LongOpenHashSet set = new LongOpenHashSet(m);
        while (set.size() < m) {
            int u = r.nextInt(n), v = r.nextInt(n);
            if (u != v) {
                set.add((long) Math.min(u, v) * n + Math.max(u, v));
            }
        }
        long[] ref = set.toLongArray();
        Arrays.sort(ref);
        assertArrayEquals(ref, keys);
        long t0 = System.nanoTime();
        Graph g = FastRpAnchorGraph.graph(n, m, FastRpAnchorGraph.SEED);
        System.out.printf("FastRP anchor graph N=%d, M=%d built in %.0f ms%n", n, m, (System.nanoTime() - t0) / 1e6);
        assertEquals(m, g.numEdges());
        assertEquals(2 * m, g.numEntries());
        assertSimpleUndirected(g);
        assertTrue(g.hasEdge((int) (keys[0] / n), (int) (keys[0] % n)));
        assertTrue(g.hasEdge((int) (keys[m - 1] % n), (int) (keys[m - 1] / n)));
    }

    @Test
    void fastRpAnchorGraphCanBeComplete() {
        Graph g = FastRpAnchorGraph.graph(6, 15, 1);
        assertEquals(15, g.numEdges());
        assertThrows(IllegalArgumentException.class, () -> FastRpAnchorGraph.keys(6, 16, 1));
    }

    @Test
    void plantedPartitionFollowsThePeerRules() {
        PlantedPartition p = new PlantedPartition(2000, 20_000, 8, 4, 0.7, 0.15, 3);
        NodeDataset d = Generators.plantedPartition(p);
        Graph g = d.graph();
        assertSimpleUndirected(g);
        assertEquals(2000, g.numNodes());
        assertTrue(g.numEdges() <= 20_000 && g.numEdges() > 19_000, "edges " + g.numEdges());
        // Expected share of same-class draws: p_in + (1 − p_in)/C = 0.775.
        assertEquals(0.775, homophily(g, d.labels()), 0.02);
        int[] counts = new int[4];
        for (int y : d.labels()) {
            counts[y]++;
        }
        for (int c : counts) {
            assertEquals(500, c, 80);
        }
        double sum = 0, sq = 0;
        for (float v : d.features()) {
            sum += v;
            sq += v * v;
        }
        int len = d.features().length;
        double mean = sum / len;
        assertEquals(0, mean, 0.1);
        assertEquals(1 + 0.15 * 0.15, sq / len - mean * mean, 0.06);
        Split s = d.split("random-50-25-25");
        assertEquals(1000, s.train().length);
        assertEquals(500, s.val().length);
        assertEquals(500, s.test().length);
        NodeDataset again = Generators.plantedPartition(p);
        assertArrayEquals(g.colIdx(), again.graph().colIdx());
        assertArrayEquals(d.features(), again.features());
    }

    @Test
    void sbmWithProbabilityOneIsCompleteInsideAndAcrossBlocks() {
        NodeDataset d = Generators.stochasticBlockModel(new int[] {7, 5}, new double[][] {{1, 1}, {1, 1}}, 1);
        assertEquals(66, d.graph().numEdges()); // C(12, 2)
        NodeDataset within = Generators.stochasticBlockModel(new int[] {7, 5}, new double[][] {{1, 0}, {0, 1}}, 1);
        assertEquals(21 + 10, within.graph().numEdges());
        for (int u = 0; u < 12; u++) {
            for (int v = 0; v < 12; v++) {
                assertEquals(u != v && (u < 7) == (v < 7), within.graph().hasEdge(u, v));
            }
        }
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, within.labels());
    }

    @Test
    void sbmEdgeCountMatchesExpectation() {
        NodeDataset d = Generators.stochasticBlockModel(new int[] {300, 300},
                new double[][] {{0.1, 0.01}, {0.01, 0.1}}, 5);
        // E = 2·C(300,2)·0.1 + 300·300·0.01 = 9870, σ ≈ 95.
        assertEquals(9870, d.graph().numEdges(), 400);
        assertSimpleUndirected(d.graph());
        assertThrows(IllegalArgumentException.class,
                () -> Generators.stochasticBlockModel(new int[] {2, 2}, new double[][] {{1, 0.5}, {0.4, 1}}, 1));
    }

    @Test
    void contextualSbmHitsTheChosenHomophily() {
        for (double h : new double[] {0.1, 0.5, 0.9}) {
            NodeDataset d = Generators.contextualSbm(new ContextualSbm(3000, 3, 10, h, 4, 1.0, 11));
            assertEquals(h, homophily(d.graph(), d.labels()), 0.02, "homophily " + h);
            assertEquals(10.0, (double) d.graph().numEntries() / 3000, 0.4);
            assertEquals(3000 * 4, d.features().length);
            assertSimpleUndirected(d.graph());
        }
        assertThrows(IllegalArgumentException.class,
                () -> Generators.contextualSbm(new ContextualSbm(20, 2, 30, 0.9, 1, 1, 1)));
    }

    @Test
    void erdosRenyiCounts() {
        Graph g = Generators.erdosRenyi(2000, 0.005, 9);
        assertEquals(9995, g.numEdges(), 400); // C(2000,2)·0.005, σ ≈ 100
        assertSimpleUndirected(g);
        assertEquals(435, Generators.erdosRenyi(30, 1.0, 9).numEdges());
        assertEquals(0, Generators.erdosRenyi(30, 0.0, 9).numEdges());
        Graph m = Generators.erdosRenyiM(500, 1234, 9);
        assertEquals(1234, m.numEdges());
        assertSimpleUndirected(m);
        assertArrayEquals(m.colIdx(), Generators.erdosRenyiM(500, 1234, 9).colIdx());
        assertFalse(Arrays.equals(m.colIdx(), Generators.erdosRenyiM(500, 1234, 10).colIdx()));
    }

    @Test
    void barabasiAlbertHasMTimesNMinusMEdges() {
        Graph g = Generators.barabasiAlbert(1000, 3, 4);
        assertEquals(3 * 997, g.numEdges());
        assertSimpleUndirected(g);
        for (int u = 4; u < 1000; u++) {
            assertTrue(g.degree(u) >= 3, "node " + u + " has degree " + g.degree(u));
        }
        int maxDeg = 0;
        for (int u = 0; u < 1000; u++) {
            maxDeg = Math.max(maxDeg, g.degree(u));
        }
        assertTrue(maxDeg > 30, "preferential attachment should create hubs, max degree " + maxDeg);
    }

    @Test
    void randomDirectedHasExactlyMDistinctArcs() {
        Graph g = Generators.randomDirected(100, 2000, false, 1);
        assertTrue(g.isDirected());
        assertEquals(2000, g.numEdges());
        assertFalse(g.type().selfLoops());
        assertFalse(g.type().multiEdges());
        assertEquals(9, Generators.randomDirected(3, 9, true, 1).numEdges());
        assertThrows(IllegalArgumentException.class, () -> Generators.randomDirected(3, 7, false, 1));
    }
}
