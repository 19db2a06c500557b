package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SparseProductTest {
    private static double[][] dense(Graph g) {
        int n = g.numNodes();
        double[][] d = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                d[u][g.colIdx()[k]] += g.weight(k);
            }
        }
        return d;
    }

    /** C against the naive dense product: every stored entry equals it, every nonzero of it is stored. */
    private static void assertProduct(Graph a, Graph b, Graph c) {
        double[][] da = dense(a), db = dense(b), dc = dense(c);
        int n = a.numNodes();
        for (int u = 0; u < n; u++) {
            for (int w = 0; w < n; w++) {
                double s = 0;
                boolean path = false;
                for (int v = 0; v < n; v++) {
                    s += da[u][v] * db[v][w];
                    path |= da[u][v] != 0 && db[v][w] != 0;
                }
                assertEquals(s, dc[u][w], 1e-4 * (1 + Math.abs(s)), "entry " + u + "→" + w);
                int finalW = w;
                boolean stored = IntStream.range(c.rowPtr()[u], c.rowPtr()[u + 1])
                        .anyMatch(k -> c.colIdx()[k] == finalW);
                assertEquals(path, stored, "pattern of " + u + "→" + w);
            }
        }
        for (int u = 0; u < n; u++) {
            for (int k = c.rowPtr()[u] + 1; k < c.rowPtr()[u + 1]; k++) {
                assertTrue(c.colIdx()[k - 1] < c.colIdx()[k], "row " + u + " sorted without duplicates");
            }
        }
    }

    @Test
    void matchesTheDenseProductOnRandomWeightedGraphs() {
        for (long seed = 1; seed <= 4; seed++) {
            Graph a = SparseOpsTest.awkwardGraph(37, 90, true, seed);
            Graph b = SparseOpsTest.awkwardGraph(37, 60, seed % 2 == 0, seed + 100);
            assertProduct(a, b, SparseProduct.multiply(a, b, ExecutionContext.withThreads(1)));
            assertProduct(a, a.transpose(), SparseProduct.multiply(a, a.transpose(), ExecutionContext.withThreads(1)));
            assertProduct(a.transpose(), a, SparseProduct.multiply(a.transpose(), a, ExecutionContext.withThreads(1)));
        }
    }

    @Test
    void bitIdenticalForEveryThreadCount() {
        Graph a = SparseOpsTest.awkwardGraph(300, 2000, true, 7);
        Graph one = SparseProduct.multiply(a, a, ExecutionContext.withThreads(1));
        Graph three = SparseProduct.multiply(a, a, ExecutionContext.withThreads(3));
        assertArrayEquals(one.rowPtr(), three.rowPtr());
        assertArrayEquals(one.colIdx(), three.colIdx());
        assertArrayEquals(one.weights(), three.weights());
    }

    @Test
    void countsTwoStepPathsOfAnUnweightedGraph() {
        // 0→1, 0→2, 1→3, 2→3: two paths 0→3; A·A has the single entry 0→3 of weight 2
        Graph a = GraphBuilder.directed(4).addEdge(0, 1).addEdge(0, 2).addEdge(1, 3).addEdge(2, 3).build();
        Graph c = SparseProduct.multiply(a, a);
        assertArrayEquals(new int[] {0, 1, 1, 1, 1}, c.rowPtr());
        assertArrayEquals(new int[] {3}, c.colIdx());
        assertArrayEquals(new float[] {2f}, c.weights());
        assertEquals(new GraphType(true, true, false, false), c.type());
        assertTrue(SparseProduct.multiply(a, a.transpose()).type().selfLoops());
    }

    @Test
    void rejectsGraphsOfDifferentSizes() {
        Graph a = GraphBuilder.directed(3).addEdge(0, 1).build();
        Graph b = GraphBuilder.directed(4).addEdge(0, 1).build();
        var e = assertThrows(IllegalArgumentException.class, () -> SparseProduct.multiply(a, b));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("4"), e.getMessage());
    }
}
