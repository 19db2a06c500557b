package io.gnn4j.datasets.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitsTest {
    private static int[] randomLabels(int n, int c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(c);
        }
        return y;
    }

    private static int[] countByClass(int[] idx, int[] y, int c) {
        int[] counts = new int[c];
        for (int i : idx) {
            counts[y[i]]++;
        }
        return counts;
    }

    @Test
    void perClassSplitHasPlanetoidSizesAndIsDisjoint() {
        int[] y = randomLabels(2708, 7, 1);
        Split s = Splits.perClass(y, 7, 20, 500, 1000, 42);
        s.checkedAgainst(2708); // disjoint and in range
        assertEquals(140, s.train().length);
        assertEquals(500, s.val().length);
        assertEquals(1000, s.test().length);
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20}, countByClass(s.train(), y, 7));
        Split again = Splits.perClass(y, 7, 20, 500, 1000, 42);
        assertArrayEquals(s.train(), again.train());
        assertArrayEquals(s.test(), again.test());
        assertFalse(Arrays.equals(s.train(), Splits.perClass(y, 7, 20, 500, 1000, 43).train()));
    }

    @Test
    void perClassSkipsUnlabelledAndRejectsSmallClasses() {
        int[] y = {0, 0, 1, 1, -1, -1, 0, 1};
        Split s = Splits.perClass(y, 2, 1, 2, 2, 3);
        Set<Integer> used = new HashSet<>();
        for (int[] part : List.of(s.train(), s.val(), s.test())) {
            for (int i : part) {
                assertTrue(y[i] >= 0, "unlabelled node " + i + " used");
                used.add(i);
            }
        }
        assertEquals(6, used.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Splits.perClass(y, 2, 4, 0, 0, 1));
        assertTrue(e.getMessage().contains("class 0 has 3 nodes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.perClass(y, 2, 1, 3, 4, 1));
    }

    @Test
    void ratioSplitCoversEverythingOnce() {
        Split s = Splits.ratio(1001, 0.6, 0.2, 5).checkedAgainst(1001);
        assertEquals(600, s.train().length);
        assertEquals(200, s.val().length);
        assertEquals(201, s.test().length);
        assertArrayEquals(s.test(), Splits.ratio(1001, 0.6, 0.2, 5).test());
    }

    @Test
    void stratifiedTenFoldPartitionsAndStratifies() {
        int[] y = new int[188];
        Arrays.fill(y, 0, 63, 0); // MUTAG's class sizes 63 / 125
        Arrays.fill(y, 63, 188, 1);
        List<Split> folds = Splits.stratifiedKFold(y, 10, 0);
        assertEquals(10, folds.size());
        int[] seen = new int[188];
        for (Split f : folds) {
            f.checkedAgainst(188);
            assertEquals(188, f.train().length + f.test().length);
            for (int i : f.test()) {
                seen[i]++;
            }
            int[] c = countByClass(f.test(), y, 2);
            assertTrue(c[0] == 6 || c[0] == 7, "class 0 in fold: " + c[0]);
            assertTrue(c[1] == 12 || c[1] == 13, "class 1 in fold: " + c[1]);
        }
        for (int k : seen) {
            assertEquals(1, k); // every graph is tested exactly once
        }
        // Round-robin over the label-sorted items, as scikit-learn: fold sizes 19 ×8 and 18 ×2.
        int[] sizes = folds.stream().mapToInt(f -> f.test().length).sorted().toArray();
        assertArrayEquals(new int[] {18, 18, 19, 19, 19, 19, 19, 19, 19, 19}, sizes);
        List<Split> again = Splits.stratifiedKFold(y, 10, 0);
        for (int f = 0; f < 10; f++) {
            assertArrayEquals(folds.get(f).test(), again.get(f).test());
        }
        assertFalse(Arrays.equals(folds.get(0).test(), Splits.stratifiedKFold(y, 10, 1).get(0).test()));
    }

    @Test
    void edgeSplitHoldsOutPositivesAndSamplesTrueNegatives() {
        Graph g = Generators.erdosRenyiM(300, 2000, 7);
        EdgeSplit s = Splits.edges(g, 0.1, 0.2, 9);
        assertEquals(200, s.valPositive().size());
        assertEquals(400, s.testPositive().size());
        assertEquals(1400, s.train().size());
        assertEquals(1400, s.trainGraph().numEdges());
        assertEquals(200, s.valNegative().size());
        assertEquals(400, s.testNegative().size());
        Set<Long> positives = new HashSet<>(), negatives = new HashSet<>();
        for (EdgePairs p : List.of(s.train(), s.valPositive(), s.testPositive())) {
            for (int i = 0; i < p.size(); i++) {
                assertTrue(p.src()[i] < p.dst()[i]);
                assertTrue(g.hasEdge(p.src()[i], p.dst()[i]));
                assertTrue(positives.add((long) p.src()[i] * 300 + p.dst()[i]), "positive listed twice");
            }
        }
        assertEquals(2000, positives.size());
        for (EdgePairs p : List.of(s.valNegative(), s.testNegative())) {
            for (int i = 0; i < p.size(); i++) {
                int u = p.src()[i], v = p.dst()[i];
                assertTrue(u < v, "negative is a self loop or not canonical");
                assertFalse(g.hasEdge(u, v), "negative " + u + "-" + v + " is an edge");
                assertTrue(negatives.add((long) u * 300 + v), "negative drawn twice");
            }
        }
        for (int i = 0; i < s.valPositive().size(); i++) {
            assertFalse(s.trainGraph().hasEdge(s.valPositive().src()[i], s.valPositive().dst()[i]));
        }
        assertArrayEquals(s.testNegative().src(), Splits.edges(g, 0.1, 0.2, 9).testNegative().src());
    }

    @Test
    void edgeSplitOnDenseGraphCanUseEveryNonEdge() {
        // K5 minus edge 0-1: 9 edges; val+test = 1 edge... negatives must be exactly the one non-edge.
        GraphBuilder b = GraphBuilder.undirected(5);
        for (int u = 0; u < 5; u++) {
            for (int v = u + 1; v < 5; v++) {
                if (u != 0 || v != 1) {
                    b.addEdge(u, v);
                }
            }
        }
        EdgeSplit s = Splits.edges(b.build(), 0.0, 0.12, 1);
        assertEquals(1, s.testNegative().size());
        assertEquals(0, s.testNegative().src()[0]);
        assertEquals(1, s.testNegative().dst()[0]);
        assertThrows(IllegalArgumentException.class, () -> Splits.edges(b.build(), 0.0, 0.3, 1));
    }

    @Test
    void directedEdgeSplitKeepsDirection() {
        Graph g = Generators.randomDirected(50, 400, false, 2);
        EdgeSplit s = Splits.edges(g, 0.25, 0.25, 3);
        assertTrue(s.trainGraph().isDirected());
        assertEquals(200, s.trainGraph().numEdges());
        for (int i = 0; i < s.testNegative().size(); i++) {
            assertFalse(g.hasEdge(s.testNegative().src()[i], s.testNegative().dst()[i]));
        }
    }

    @Test
    void leaveKOutTakesTheLatestPerUser() {
        int[] users = {0, 0, 0, 0, 1, 1, 1, 2};
        long[] ts = {5, 9, 1, 9, 3, 2, 1, 7};
        Split s = Splits.leaveKOut(users, ts, 1, 1, true, 0);
        // User 0: latest is index 3 (ts 9, later line than index 1), then index 1; user 1: 4 then 5; user 2 too few.
        assertArrayEquals(new int[] {3, 4}, s.test());
        assertArrayEquals(new int[] {1, 5}, s.val());
        assertArrayEquals(new int[] {0, 2, 6, 7}, s.train());
        Split random = Splits.leaveKOut(users, ts, 2, 0, false, 4).checkedAgainst(8);
        assertEquals(4, random.test().length);
        assertNotEquals(0, random.train().length);
        assertArrayEquals(random.test(), Splits.leaveKOut(users, ts, 2, 0, false, 4).test());
    }
}
