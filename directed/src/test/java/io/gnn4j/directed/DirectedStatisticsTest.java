package io.gnn4j.directed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import org.junit.jupiter.api.Test;

class DirectedStatisticsTest {
    /**
     * 0⇄1, 1→2, 2→3, 3→1, 4→0 and a self loop on 2; labels (0, 0, 1, 1, 1). Hand-computed: 6 arcs, 3 within a class;
     * 0⇄1 reciprocated; in-neighbours 0:{1,4} 1:{0,3} 2:{1} 3:{2} 4:{}.
     */
    private static Graph graph() {
        return GraphBuilder.directed(5).addEdge(0, 1).addEdge(1, 0).addEdge(1, 2).addEdge(2, 3).addEdge(3, 1)
                .addEdge(4, 0).addEdge(2, 2).build();
    }

    private static final int[] LABELS = {0, 0, 1, 1, 1};

    @Test
    void matchesHandComputedValues() {
        DirectedStatistics s = DirectedStatistics.of(graph(), LABELS);
        assertEquals(6, s.arcs());
        assertEquals(3 / 6.0, s.edgeHomophily(), 1e-12);
        assertEquals(2 / 6.0, s.reciprocity(), 1e-12);
        // node 0: 1 of 2, node 1: 1 of 2, node 2: 0 of 1, node 3: 1 of 1; node 4 has no in-neighbour
        assertEquals((0.5 + 0.5 + 0 + 1) / 4, s.nodeHomophily(), 1e-12);
        // class 0: 2 of 4 arcs in, share 2/5 → 0.1; class 1: 1 of 2, share 3/5 → 0; C − 1 = 1
        assertEquals(0.1, s.classInsensitiveHomophily(), 1e-12);
        assertEquals(new DirectedStatistics.DegreeSummary(0, 1, 1.2, 2, 1), s.inDegree());
        assertEquals(new DirectedStatistics.DegreeSummary(1, 1, 1.2, 2, 0), s.outDegree());
        assertEquals(1, s.weakComponents());
        assertEquals(2, s.strongComponents());   // {0, 1, 2, 3} and {4}
    }

    @Test
    void undirectedGraphIsFullyReciprocal() {
        Graph g = GraphBuilder.undirected(3).addEdge(0, 1).addEdge(1, 2).build();
        DirectedStatistics s = DirectedStatistics.of(g, new int[] {0, 0, 1});
        assertEquals(1.0, s.reciprocity());
        assertEquals(s.inDegree(), s.outDegree());
        assertEquals(1, s.strongComponents());
        // 4 arcs, 2 within class 0; class-insensitive: class 0 gets 2 of 3 arcs (share 2/3) → 0, class 1: 0 of 1 → 0
        assertEquals(0.5, s.edgeHomophily(), 1e-12);
        assertEquals(0.0, s.classInsensitiveHomophily(), 1e-12);
    }

    @Test
    void unlabelledNodesAreIgnoredAndUndefinedIsNaN() {
        DirectedStatistics s = DirectedStatistics.of(graph(), new int[] {-1, -1, -1, -1, -1});
        assertTrue(Double.isNaN(s.edgeHomophily()));
        assertTrue(Double.isNaN(s.nodeHomophily()));
        assertTrue(Double.isNaN(s.classInsensitiveHomophily()));
        assertEquals(2 / 6.0, s.reciprocity(), 1e-12);
    }

    @Test
    void rejectsWrongLabelCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DirectedStatistics.of(graph(), new int[] {0, 1}));
        assertTrue(e.getMessage().contains("2 labels for 5 nodes"), e.getMessage());
    }
}
