package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RootedPathsTest {
    private static Graph random(int n, double p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GraphBuilder b = GraphBuilder.undirected(n);
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if (r.nextDouble() < p) {
                    b.addEdge(u, v);
                }
            }
        }
        return b.build();
    }

    /** Every sequence of ℓ+1 distinct nodes with consecutive ones adjacent, by trying all of them. */
    private static Set<List<Integer>> bruteForce(Graph g, int length) {
        Set<List<Integer>> out = new HashSet<>();
        int n = g.numNodes();
        int[] seq = new int[length + 1];
        long total = (long) Math.pow(n, length + 1);
        for (long code = 0; code < total; code++) {
            long c = code;
            for (int i = 0; i <= length; i++) {
                seq[i] = (int) (c % n);
                c /= n;
            }
            boolean ok = true;
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i <= length && ok; i++) {
                ok = seen.add(seq[i]) && (i == 0 || g.hasEdge(seq[i - 1], seq[i]));
            }
            if (ok) {
                List<Integer> l = new ArrayList<>();
                for (int v : seq) {
                    l.add(v);
                }
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void enumeratedPathsAndChordsEqualBruteForce() {
        for (int trial = 0; trial < 8; trial++) {
            Graph g = random(7, 0.45, trial);
            for (int length = 1; length <= 4; length++) {
                RootedPaths paths = RootedPaths.of(g, length, Integer.MAX_VALUE - 1, 0);
                assertTrue(paths.exact());
                Set<List<Integer>> listed = new HashSet<>();
                int c = paths.chordsPerPath();
                for (int p = 0; p < paths.size(); p++) {
                    List<Integer> l = new ArrayList<>();
                    for (int i = 0; i <= length; i++) {
                        l.add(paths.nodes()[p * (length + 1) + i]);
                    }
                    assertTrue(listed.add(l), "listed twice: " + l);
                    int k = 0;
                    for (int i = 0; i <= length; i++) {
                        for (int j = i + 2; j <= length; j++) {
                            assertEquals(g.hasEdge(l.get(i), l.get(j)) ? 1f : 0f, paths.chords()[p * c + k++],
                                    "chord (" + i + ", " + j + ") of " + l);
                        }
                    }
                }
                assertEquals(bruteForce(g, length), listed, "trial " + trial + ", length " + length);
                assertArrayEquals(paths.position(0), paths.roots());
            }
        }
    }

    @Test
    void closingChordsCountCycles() {
        // K4: 4 triangles, 3 four-cycles. A triangle is 6 rooted 2-paths with chord (0,2); a 4-cycle 8 rooted 3-paths
        // with chord (0,3).
        Graph k4 = random(4, 1.0, 0);
        RootedPaths two = RootedPaths.of(k4, 2, 1000, 0), three = RootedPaths.of(k4, 3, 1000, 0);
        double closed2 = 0, closed3 = 0;
        for (int p = 0; p < two.size(); p++) {
            closed2 += two.chords()[p];
        }
        for (int p = 0; p < three.size(); p++) {
            closed3 += three.chords()[p * 3 + 1]; // chords (0,2), (0,3), (1,3): index 1 is (0,3)
        }
        assertEquals(4 * 6, closed2);
        assertEquals(3 * 8, closed3);
    }

    @Test
    void sampledPathsEstimateTheCountWithoutBiasAndRepeatForASeed() {
        Graph g = random(12, 0.6, 3);
        int length = 3;
        RootedPaths all = RootedPaths.of(g, length, Integer.MAX_VALUE - 1, 0);
        int[] exact = new int[g.numNodes()];
        for (int root : all.roots()) {
            exact[root]++;
        }
        double[] mean = new double[g.numNodes()];
        int seeds = 400;
        for (int s = 0; s < seeds; s++) {
            RootedPaths sampled = RootedPaths.of(g, length, 8, s);
            int[] roots = sampled.roots();
            for (int p = 0; p < roots.length; p++) {
                mean[roots[p]] += sampled.weights()[p] / seeds;
            }
        }
        for (int v = 0; v < g.numNodes(); v++) {
            assertTrue(exact[v] > 8, "node " + v + " must be sampled: it has " + exact[v] + " paths");
            assertEquals(exact[v], mean[v], 0.08 * exact[v], "node " + v);
        }
        RootedPaths a = RootedPaths.of(g, length, 8, 5), b = RootedPaths.of(g, length, 8, 5);
        assertArrayEquals(a.nodes(), b.nodes());
        assertArrayEquals(a.weights(), b.weights());
        assertTrue(a.size() <= 8 * g.numNodes());
    }

    @Test
    void badArgumentsAreRejected() {
        Graph g = random(3, 1.0, 0);
        assertThrows(IllegalArgumentException.class, () -> RootedPaths.of(g, 0, 4, 0));
        Graph d = GraphBuilder.directed(2).addEdge(0, 1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RootedPaths.of(d, 2, 4, 0));
        assertTrue(e.getMessage().contains("undirected"), e.getMessage());
    }
}
