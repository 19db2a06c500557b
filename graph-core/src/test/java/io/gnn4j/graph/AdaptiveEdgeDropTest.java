package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdaptiveEdgeDropTest {
    /** A star with centre 0 and leaves 1..4, plus the leaf edge 1–2. */
    private static Graph starWithChord() {
        return GraphBuilder.undirected(5).addEdge(0, 1).addEdge(0, 2).addEdge(0, 3).addEdge(0, 4).addEdge(1, 2)
                .build();
    }

    @Test
    void probabilitiesFollowTheDegreeCentralityFormula() {
        Graph g = starWithChord();
        float[] p = AdaptiveEdgeDrop.dropProbabilities(g, 0.3, 1.0);
        // degrees: 0→4, 1→2, 2→2, 3→1, 4→1; edge scores s = (log du + log dv)/2
        double s01 = (Math.log(4) + Math.log(2)) / 2, s03 = Math.log(4) / 2, s12 = Math.log(2);
        double max = s01, mean = (2 * s01 + 2 * s03 + s12) / 5;
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int v = colIdx[k];
                int a = Math.min(u, v), b = Math.max(u, v);
                double s = a == 1 && b == 2 ? s12 : b <= 2 ? s01 : s03;
                assertEquals(0.3 * (max - s) / (max - mean), p[k], 1e-6, "edge " + u + "-" + v);
            }
        }
        // the hub edges 0–1 and 0–2 are the most important: never dropped at this rate
        assertEquals(0f, p[rowPtr[0]]);
    }

    @Test
    void cutOffBoundsEveryProbabilityAndRegularGraphsDropUniformly() {
        for (float q : AdaptiveEdgeDrop.dropProbabilities(starWithChord(), 0.9, 0.7)) {
            assertTrue(q <= 0.7f, "probability " + q + " above the cut-off");
        }
        Graph cycle = GraphBuilder.undirected(4).addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).addEdge(3, 0).build();
        float[] p = AdaptiveEdgeDrop.dropProbabilities(cycle, 0.25, 0.7);
        float[] uniform = new float[p.length];
        java.util.Arrays.fill(uniform, 0.25f);
        assertArrayEquals(uniform, p, 1e-7f);
    }

    @Test
    void undirectedViewsStaySymmetricKeepNodesAndAreSeeded() {
        Graph g = randomUndirected(60, 300, 5);
        Graph a = AdaptiveEdgeDrop.apply(g, 0.4, 0.7, new SplittableRandom(11));
        Graph b = AdaptiveEdgeDrop.apply(g, 0.4, 0.7, new SplittableRandom(11));
        assertFalse(a.isDirected());
        assertEquals(g.numNodes(), a.numNodes());
        assertArrayEquals(a.rowPtr(), b.rowPtr());
        assertArrayEquals(a.colIdx(), b.colIdx());
        for (int u = 0; u < a.numNodes(); u++) {
            for (int k = a.rowPtr()[u]; k < a.rowPtr()[u + 1]; k++) {
                int v = a.colIdx()[k];
                assertTrue(g.hasEdge(u, v), "the view invented " + u + "-" + v);
                assertTrue(a.hasEdge(v, u), "the view lost the reverse of " + u + "-" + v);
            }
        }
        assertTrue(a.numEntries() < g.numEntries());
    }

    @Test
    void removedShareMatchesTheMeanProbabilityOverManyDraws() {
        Graph g = randomUndirected(200, 1500, 7);
        float[] p = AdaptiveEdgeDrop.dropProbabilities(g, 0.3, 0.7);
        double expectedKept = 0;
        for (float q : p) {
            expectedKept += 1 - q;
        }
        SplittableRandom rng = new SplittableRandom(3);
        double kept = 0;
        int draws = 200;
        for (int i = 0; i < draws; i++) {
            kept += AdaptiveEdgeDrop.apply(g, 0.3, 0.7, rng).numEntries();
        }
        // entries of an undirected edge go together; self loops are absent, so counts are comparable entry for entry
        assertEquals(expectedKept, kept / draws, 0.01 * g.numEntries());
    }

    @Test
    void directedEntriesAreScoredByTheirTargetsInDegreeAndWeightsSurvive() {
        Graph g = GraphBuilder.directed(3).addEdge(0, 2, 2f).addEdge(1, 2, 3f).addEdge(2, 0, 4f).build();
        float[] p = AdaptiveEdgeDrop.dropProbabilities(g, 0.2, 1.0);
        // in-degrees: 2 has 2, 0 has 1 → entries into 2 are the important ones
        double max = Math.log(2), mean = 2 * Math.log(2) / 3;
        assertEquals(0f, p[0]);
        assertEquals(0f, p[1]);
        assertEquals(0.2 * max / (max - mean), p[2], 1e-6);
        Graph all = AdaptiveEdgeDrop.apply(g, 0, 0, new SplittableRandom(1));
        assertTrue(all.isDirected());
        assertEquals(3f, all.weight(1));
        assertThrows(IllegalArgumentException.class, () -> AdaptiveEdgeDrop.dropProbabilities(g, 1.5, 0.7));
    }

    private static Graph randomUndirected(int n, int m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        GraphBuilder b = GraphBuilder.undirected(n);
        for (int i = 0; i < m; i++) {
            int u = rng.nextInt(n), v = rng.nextInt(n);
            if (u != v) {
                b.addEdge(u, v);
            }
        }
        return b.build();
    }
}
