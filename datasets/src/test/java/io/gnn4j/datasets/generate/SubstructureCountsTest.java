package io.gnn4j.datasets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubstructureCountsTest {
    /** Brute force over node subsets: {triangles, tailed triangles, 3-stars, 4-cycles}, each as a set of edges. */
    private static long[] bruteForce(Graph g) {
        int n = g.numNodes();
        boolean[][] a = new boolean[n][n];
        for (int u = 0; u < n; u++) {
            for (int e = g.rowPtr()[u]; e < g.rowPtr()[u + 1]; e++) {
                a[u][g.colIdx()[e]] = true;
            }
        }
        long triangles = 0, tailed = 0, stars = 0, cycles = 0;
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                for (int z = y + 1; z < n; z++) {
                    if (a[x][y] && a[y][z] && a[x][z]) {
                        triangles++;
                        for (int corner : new int[] {x, y, z}) { // a tail: an edge from a corner leaving the triangle
                            for (int t = 0; t < n; t++) {
                                if (a[corner][t] && t != x && t != y && t != z) {
                                    tailed++;
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int c = 0; c < n; c++) { // a centre and three distinct neighbours
            for (int x = 0; x < n; x++) {
                for (int y = x + 1; y < n; y++) {
                    for (int z = y + 1; z < n; z++) {
                        if (a[c][x] && a[c][y] && a[c][z]) {
                            stars++;
                        }
                    }
                }
            }
        }
        for (int w = 0; w < n; w++) { // 4 nodes, the three distinct cyclic orders w-p-q-r-w
            for (int x = w + 1; x < n; x++) {
                for (int y = x + 1; y < n; y++) {
                    for (int z = y + 1; z < n; z++) {
                        int[][] orders = {{w, x, y, z}, {w, x, z, y}, {w, y, x, z}};
                        for (int[] o : orders) {
                            if (a[o[0]][o[1]] && a[o[1]][o[2]] && a[o[2]][o[3]] && a[o[3]][o[0]]) {
                                cycles++;
                            }
                        }
                    }
                }
            }
        }
        return new long[] {triangles, tailed, stars, cycles};
    }

    @Test
    void closedFormsEqualBruteForceOnRandomGraphs() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            int n = 4 + r.nextInt(10);
            Graph g = Generators.erdosRenyi(n, 0.15 + 0.7 * r.nextDouble(), r.nextLong());
            assertArrayEquals(bruteForce(g), SubstructureCounts.of(g), "graph " + i + " with " + n + " nodes");
        }
        for (int d = 2; d <= 5; d++) {
            Graph g = Generators.randomRegular(10, d, d);
            assertArrayEquals(bruteForce(g), SubstructureCounts.of(g), "10-node " + d + "-regular graph");
        }
    }

    @Test
    void handCountedGraphs() {
        Graph k4 = Generators.erdosRenyi(4, 1.0, 0);
        // K4: 4 triangles, each with 1 tail at each of 3 corners = 12, 4 stars, 3 four-cycles.
        assertArrayEquals(new long[] {4, 12, 4, 3}, SubstructureCounts.of(k4));
        Graph c6 = GraphBuilder.undirected(6).addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).addEdge(3, 4).addEdge(4, 5)
                .addEdge(5, 0).build();
        assertArrayEquals(new long[] {0, 0, 0, 0}, SubstructureCounts.of(c6));
        Graph directed = GraphBuilder.directed(2).addEdge(0, 1).build();
        assertThrows(IllegalArgumentException.class, () -> SubstructureCounts.of(directed));
    }

    @Test
    void randomRegularGraphsAreSimpleAndRegular() {
        for (int d = 0; d <= 6; d++) {
            Graph g = Generators.randomRegular(12, d, 31 + d);
            for (int u = 0; u < 12; u++) {
                assertEquals(d, g.degree(u), "node " + u + " of a " + d + "-regular graph");
            }
            assertEquals(6L * d * 2, g.numEntries());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Generators.randomRegular(7, 3, 0));
        assertTrue(e.getMessage().contains("n = 7, d = 3"), e.getMessage());
    }

    @Test
    void countingSetHasScaledTargetsConstantFeaturesAndAFixedSplit() {
        GraphDataset d = SubstructureCounting.generate(400, 10, 30, 5);
        assertEquals(400, d.graphs().size());
        assertEquals(SubstructureCounts.NAMES, d.targets().names());
        for (int k = 0; k < 4; k++) {
            float[] col = d.targets().column(k);
            double ss = 0, mean = 0;
            for (float v : col) {
                mean += v;
            }
            mean /= col.length;
            for (float v : col) {
                ss += (v - mean) * (v - mean);
            }
            assertEquals(1.0, Math.sqrt(ss / col.length), 1e-4, "std of target " + k);
        }
        for (int i = 0; i < d.graphs().size(); i++) {
            Graph g = d.graphs().get(i);
            assertTrue(g.numNodes() >= 10 && g.numNodes() <= 30, "graph " + i + " has " + g.numNodes() + " nodes");
            for (float x : d.nodeFeatures().get(i)) {
                assertEquals(1f, x);
            }
        }
        // Ratio of raw counts is kept by the scaling: compare graph 0 and 1's triangle counts.
        long t0 = SubstructureCounts.of(d.graphs().get(0))[0], t1 = SubstructureCounts.of(d.graphs().get(1))[0];
        float[] tri = d.targets().column(0);
        assertEquals(t0 * (double) tri[1], t1 * (double) tri[0], 1e-3);
        Split s = d.split("fixed");
        assertEquals(120, s.train().length);
        assertEquals(80, s.val().length);
        assertEquals(200, s.test().length);
        GraphDataset again = SubstructureCounting.generate(400, 10, 30, 5);
        assertArrayEquals(d.targets().values(), again.targets().values());
        assertArrayEquals(s.test(), again.split("fixed").test());
    }
}
