package io.gnn4j.directed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import org.junit.jupiter.api.Test;

class AmudTest {
    private static final ExecutionContext CTX = ExecutionContext.withThreads(1);

    /**
     * Labels follow the direction: each class-0 node i points to the class-1 node i + 4, and every class-1 node
     * points to the class-0 node (i + 1) mod 4: an alternating 8-cycle. One hop always changes class, two hops
     * always return to it, whether directed or not: no directed pattern beats its undirected counterpart.
     */
    private static Graph alternating() {
        GraphBuilder b = GraphBuilder.directed(8);
        for (int i = 0; i < 4; i++) {
            b.addEdge(i, i + 4).addEdge(i + 4, (i + 1) % 4);
        }
        return b.build();
    }

    private static final int[] LABELS = {0, 0, 0, 0, 1, 1, 1, 1};

    @Test
    void directedTwoHopPatternsWinOnAnAlternatingCycle() {
        Amud a = Amud.of(alternating(), LABELS, CTX);
        // A·Y gives every node the other class exactly: correlation −1; the same for Aᵀ and for U.
        assertEquals(-1, a.scores().get(Pattern.A), 1e-9);
        assertEquals(-1, a.scores().get(Pattern.AT), 1e-9);
        assertEquals(-1, a.undirected(), 1e-9);
        // AA, AᵀAᵀ and UU reach the node's own class only: +1.
        assertEquals(1, a.scores().get(Pattern.AA), 1e-9);
        assertEquals(1, a.scores().get(Pattern.ATAT), 1e-9);
        assertEquals(1, a.undirectedTwoHop(), 1e-9);
        // AAᵀ and AᵀA are empty without their diagonal (out- and in-degree 1): no score.
        assertTrue(Double.isNaN(a.scores().get(Pattern.AAT)));
        assertFalse(a.directed());
    }

    @Test
    void undirectedGraphIsNeverDirected() {
        Graph g = GraphBuilder.undirected(6).addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).addEdge(3, 4).addEdge(4, 5)
                .addEdge(0, 3).build();
        Amud a = Amud.of(g, new int[] {0, 0, 1, 1, 0, 1}, CTX);
        for (Pattern p : Pattern.values()) {
            double counterpart = p.twoHop() ? a.undirectedTwoHop() : a.undirected();
            assertEquals(counterpart, a.scores().get(p), 1e-9, p.name());
        }
        assertFalse(a.directed());
    }

    @Test
    void aDirectedThreeClassCycleIsDirected() {
        // i → i + 1 on a 6-cycle, class i mod 3: A·Y is the next class (correlation −½ with three classes), U·Y
        // averages the next and the previous class (−1); the same holds two hops on (AA: class + 2; UU: ± 2).
        GraphBuilder b = GraphBuilder.directed(6);
        for (int i = 0; i < 6; i++) {
            b.addEdge(i, (i + 1) % 6);
        }
        int[] labels = {0, 1, 2, 0, 1, 2};
        Amud a = Amud.of(b.build(), labels, CTX);
        assertEquals(-0.5, a.scores().get(Pattern.A), 1e-9);
        assertEquals(-0.5, a.scores().get(Pattern.AA), 1e-9);
        assertEquals(-1, a.undirected(), 1e-9);
        assertEquals(-1, a.undirectedTwoHop(), 1e-9);
        assertTrue(a.directed(), a.toString());
        assertFalse(Amud.of(b.build(), labels, 0.6, CTX).directed());   // a margin above the gain of ½
    }

    @Test
    void rejectsBadInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Amud.of(alternating(), new int[] {0}, CTX))
                .getMessage().contains("1 labels for 8 nodes"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Amud.of(alternating(), new int[] {-1, -1, -1, -1, -1, -1, -1, -1}, CTX)).getMessage()
                .contains("unlabelled"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Amud.of(alternating(), LABELS, -1, CTX))
                .getMessage().contains("margin must be >= 0, got -1"));
    }
}
