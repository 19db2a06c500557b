package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NodeDropTest {
    @Test
    void theViewIsTheSubgraphItsKeptNodesInduce() {
        for (boolean directed : new boolean[] {false, true}) {
            Graph g = random(directed, 80, 400, 3);
            NodeDrop.View view = NodeDrop.apply(g, 0.3, new SplittableRandom(9));
            int[] kept = view.kept();
            Graph h = view.graph();
            assertEquals(kept.length, h.numNodes());
            assertEquals(directed, h.isDirected());
            for (int i = 1; i < kept.length; i++) {
                assertTrue(kept[i - 1] < kept[i], "kept nodes ascending");
            }
            // every pair of kept nodes: an edge in the view exactly when there is one in g (a naive check)
            int edges = 0;
            for (int i = 0; i < kept.length; i++) {
                for (int j = 0; j < kept.length; j++) {
                    assertEquals(g.hasEdge(kept[i], kept[j]), h.hasEdge(i, j), kept[i] + "-" + kept[j]);
                    edges += g.hasEdge(kept[i], kept[j]) ? 1 : 0;
                }
            }
            assertEquals(edges, h.numEntries(), "no duplicated entries (g has none)");
            assertTrue(kept.length < g.numNodes() && kept.length > 30, kept.length + " of 80 nodes kept at rate 0.3");
        }
    }

    @Test
    void seededRateZeroKeepsAllAndWeightsSurvive() {
        Graph g = GraphBuilder.directed(3).addEdge(0, 2, 2f).addEdge(1, 2, 3f).addEdge(2, 0, 4f).build();
        NodeDrop.View all = NodeDrop.apply(g, 0, new SplittableRandom(1));
        assertArrayEquals(new int[] {0, 1, 2}, all.kept());
        assertArrayEquals(g.rowPtr(), all.graph().rowPtr());
        assertArrayEquals(g.colIdx(), all.graph().colIdx());
        assertEquals(3f, all.graph().weight(1));
        Graph r = random(false, 50, 200, 4);
        assertArrayEquals(NodeDrop.apply(r, 0.5, new SplittableRandom(2)).kept(),
                NodeDrop.apply(r, 0.5, new SplittableRandom(2)).kept());
    }

    @Test
    void aViewIsNeverEmptyAndBadRatesAreRejected() {
        Graph g = random(false, 10, 30, 5);
        NodeDrop.View one = NodeDrop.apply(g, 1, new SplittableRandom(3));
        assertEquals(1, one.kept().length);
        assertEquals(1, one.graph().numNodes());
        var e = assertThrows(IllegalArgumentException.class, () -> NodeDrop.apply(g, 1.5, new SplittableRandom(3)));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    private static Graph random(boolean directed, int n, int m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        GraphBuilder b = directed ? GraphBuilder.directed(n) : GraphBuilder.undirected(n);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < m; i++) {
            int u = rng.nextInt(n), v = rng.nextInt(n);
            if (u != v && seen.add(directed ? (long) u * n + v : (long) Math.min(u, v) * n + Math.max(u, v))) {
                b.addEdge(u, v);
            }
        }
        return b.build();
    }
}
