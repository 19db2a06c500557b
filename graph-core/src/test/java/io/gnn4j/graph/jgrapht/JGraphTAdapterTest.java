package io.gnn4j.graph.jgrapht;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.GraphType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.graph.GraphDelegator;
import org.jgrapht.graph.Pseudograph;
import org.jgrapht.graph.WeightedPseudograph;
import org.junit.jupiter.api.Test;

class JGraphTAdapterTest {

    private static Graph randomGraph(SplittableRandom rnd, int maxNodes, boolean directed, boolean weighted) {
        int n = rnd.nextInt(maxNodes + 1);
        GraphBuilder b = directed ? GraphBuilder.directed(n) : GraphBuilder.undirected(n).duplicates(DuplicateEdges.KEEP);
        int m = n == 0 ? 0 : rnd.nextInt(3 * n + 1);
        for (int i = 0; i < m; i++) {
            int u = rnd.nextInt(n), v = rnd.nextInt(n);
            if (weighted) {
                b.addEdge(u, v, (float) rnd.nextDouble(-3, 3));
            } else {
                b.addEdge(u, v);
            }
        }
        return b.build();
    }

    /** Every JGraphT edge as "source target weight", sorted: the edge multiset of the graph. */
    private static <V, E> List<String> edgeMultiset(org.jgrapht.Graph<V, E> g) {
        List<String> out = new ArrayList<>();
        for (E e : g.edgeSet()) {
            String s = String.valueOf(g.getEdgeSource(e)), t = String.valueOf(g.getEdgeTarget(e));
            if (!g.getType().isDirected() && s.compareTo(t) > 0) {
                String x = s;
                s = t;
                t = x;
            }
            out.add(s + " " + t + " " + g.getEdgeWeight(e));
        }
        out.sort(null);
        return out;
    }

    @Test
    void directedWeightedPseudographKeepsVertexOrderWeightsSelfLoopsAndParallelEdges() {
        DirectedWeightedPseudograph<String, DefaultWeightedEdge> j = new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class);
        j.addVertex("c");
        j.addVertex("a");
        j.addVertex("b");
        j.setEdgeWeight(j.addEdge("c", "a"), 2.0);
        j.setEdgeWeight(j.addEdge("a", "b"), 1.25);
        j.setEdgeWeight(j.addEdge("c", "a"), 3.0);
        j.setEdgeWeight(j.addEdge("b", "b"), 0.5);
        IndexedGraph<String> r = JGraphTAdapter.fromJGraphT(j);
        Graph g = r.graph();
        assertEquals(List.of("c", "a", "b"), r.vertices());
        assertEquals(0, r.id("c"));
        assertEquals(1, r.id("a"));
        assertEquals(2, r.id("b"));
        assertEquals("b", r.vertex(2));
        assertArrayEquals(new int[] {0, 2, 3, 4}, g.rowPtr());
        assertArrayEquals(new int[] {1, 1, 2, 2}, g.colIdx());
        assertArrayEquals(new float[] {2f, 3f, 1.25f, 0.5f}, g.weights());
        assertEquals(new GraphType(true, true, true, true), g.type());
        assertEquals(4L, g.numEdges());
    }

    @Test
    void undirectedUnweightedPseudographStoresBothDirectionsAndStaysUnweighted() {
        Pseudograph<Integer, DefaultEdge> j = new Pseudograph<>(DefaultEdge.class);
        for (int v : new int[] {10, 20, 30}) {
            j.addVertex(v);
        }
        j.addEdge(10, 20);
        j.addEdge(20, 10);
        j.addEdge(30, 30);
        j.addEdge(20, 30);
        IndexedGraph<Integer> r = JGraphTAdapter.fromJGraphT(j);
        Graph g = r.graph();
        assertFalse(g.isDirected());
        assertFalse(g.isWeighted());
        // row 0: 1,1   row 1: 0,0,2   row 2: 1,2
        assertArrayEquals(new int[] {0, 2, 5, 7}, g.rowPtr());
        assertArrayEquals(new int[] {1, 1, 0, 0, 2, 1, 2}, g.colIdx());
        assertEquals(4L, g.numEdges());
        assertEquals(2, r.ids().getInt(30));
        assertThrows(IllegalArgumentException.class, () -> r.id(40));
    }

    @Test
    void directedGraphBecomesADirectedWeightedJGraphTGraphWithTheSameEdges() {
        Graph g = GraphBuilder.directed(3).addEdge(0, 1, 0.5f).addEdge(0, 1, 1.5f).addEdge(2, 2, -1f).addEdge(2, 0, 4f).build();
        org.jgrapht.Graph<Integer, DefaultWeightedEdge> j = JGraphTAdapter.toJGraphT(g);
        assertTrue(j.getType().isDirected());
        assertTrue(j.getType().isWeighted());
        assertEquals(List.of(0, 1, 2), new ArrayList<>(j.vertexSet()));
        assertEquals(List.of("0 1 0.5", "0 1 1.5", "2 0 4.0", "2 2 -1.0"), edgeMultiset(j));
    }

    @Test
    void undirectedGraphGivesOneJGraphTEdgePerPairAndSelfLoopsOnce() {
        Graph g = GraphBuilder.undirected(4).duplicates(DuplicateEdges.KEEP)
                .addEdge(0, 1).addEdge(1, 0).addEdge(2, 2).addEdge(1, 3).build();
        org.jgrapht.Graph<String, DefaultWeightedEdge> j = JGraphTAdapter.toJGraphT(g, List.of("w", "x", "y", "z"));
        assertTrue(j.getType().isUndirected());
        assertFalse(j.getType().isWeighted());
        assertEquals(List.of("w x 1.0", "w x 1.0", "x z 1.0", "y y 1.0"), edgeMultiset(j));
        assertEquals(g.numEdges(), j.edgeSet().size());
        assertEquals(3, j.degreeOf("x"));
    }

    @Test
    void gnn4jToJGraphTAndBackIsExact() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 60; trial++) {
            Graph g = randomGraph(rnd, 10, trial % 2 == 0, trial % 3 != 0);
            IndexedGraph<Integer> back = JGraphTAdapter.fromJGraphT(JGraphTAdapter.toJGraphT(g));
            Graph h = back.graph();
            String what = "trial " + trial + " " + g;
            assertEquals(g.numNodes(), h.numNodes(), what);
            assertArrayEquals(g.rowPtr(), h.rowPtr(), what);
            assertArrayEquals(g.colIdx(), h.colIdx(), what);
            assertEquals(g.isDirected(), h.isDirected(), what);
            if (g.numEntries() > 0) {
                assertEquals(g.type(), h.type(), what);
            }
            if (g.isWeighted() && g.numEntries() > 0) {
                assertArrayEquals(g.weights(), h.weights(), what);
            }
            for (int u = 0; u < g.numNodes(); u++) {
                assertEquals(u, back.id(u));
            }
        }
    }

    @Test
    void jgraphtToGnn4jAndBackKeepsTheEdgeMultiset() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int trial = 0; trial < 40; trial++) {
            boolean directed = trial % 2 == 0;
            org.jgrapht.Graph<String, DefaultWeightedEdge> j = directed
                    ? new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class)
                    : new WeightedPseudograph<>(DefaultWeightedEdge.class);
            int n = 1 + rnd.nextInt(8);
            for (int v = 0; v < n; v++) {
                j.addVertex("v" + (n - v)); // iteration order differs from name order
            }
            List<String> names = new ArrayList<>(j.vertexSet());
            for (int e = rnd.nextInt(3 * n); e > 0; e--) {
                DefaultWeightedEdge x = j.addEdge(names.get(rnd.nextInt(n)), names.get(rnd.nextInt(n)));
                j.setEdgeWeight(x, rnd.nextInt(-8, 8) / 4.0); // exact in float
            }
            IndexedGraph<String> r = JGraphTAdapter.fromJGraphT(j);
            org.jgrapht.Graph<String, DefaultWeightedEdge> back = JGraphTAdapter.toJGraphT(r.graph(), r.vertices());
            assertEquals(names, new ArrayList<>(back.vertexSet()), "trial " + trial);
            assertEquals(edgeMultiset(j), edgeMultiset(back), "trial " + trial);
            assertEquals(directed, back.getType().isDirected());
        }
    }

    @Test
    void weightsThatAreNotFiniteFloatsAreRejected() {
        WeightedPseudograph<String, DefaultWeightedEdge> j = new WeightedPseudograph<>(DefaultWeightedEdge.class);
        j.addVertex("a");
        j.addVertex("b");
        DefaultWeightedEdge e = j.addEdge("a", "b");
        j.setEdgeWeight(e, 1e300); // finite as a double, infinite as a float
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> JGraphTAdapter.fromJGraphT(j));
        assertTrue(x.getMessage().contains("1.0E300"), x.getMessage());
        j.setEdgeWeight(e, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> JGraphTAdapter.fromJGraphT(j));
    }

    @Test
    void vertexListsOfTheWrongSizeOrWithRepeatsAreRejected() {
        Graph g = GraphBuilder.directed(3).addEdge(0, 1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JGraphTAdapter.toJGraphT(g, List.of("a", "b")));
        assertTrue(e.getMessage().contains("2 vertices") && e.getMessage().contains("3 nodes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JGraphTAdapter.toJGraphT(g, List.of("a", "b", "a")));
        assertTrue(e.getMessage().contains("node 0") && e.getMessage().contains("node 2"), e.getMessage());
    }

    @Test
    void customEdgeSupplierIsUsed() {
        Graph g = GraphBuilder.undirected(2).addEdge(0, 1).build();
        org.jgrapht.Graph<Integer, DefaultEdge> j = JGraphTAdapter.toJGraphT(g, List.of(7, 8), DefaultEdge::new);
        assertEquals(1, j.edgeSet().size());
        assertTrue(j.containsEdge(8, 7));
    }

    @Test
    void mixedGraphsAreRejectedNamingTheirType() {
        Pseudograph<String, DefaultEdge> base = new Pseudograph<>(DefaultEdge.class);
        base.addVertex("a");
        org.jgrapht.Graph<String, DefaultEdge> mixed = new GraphDelegator<>(base) {
            @Override
            public org.jgrapht.GraphType getType() {
                return DefaultGraphType.mixed();
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JGraphTAdapter.fromJGraphT(mixed));
        assertTrue(e.getMessage().contains("mixed"), e.getMessage());
    }

    @Test
    void emptyGraphsConvertBothWays() {
        IndexedGraph<String> r = JGraphTAdapter.fromJGraphT(new Pseudograph<String, DefaultEdge>(DefaultEdge.class));
        assertEquals(0, r.graph().numNodes());
        assertTrue(r.vertices().isEmpty());
        org.jgrapht.Graph<Integer, DefaultWeightedEdge> j = JGraphTAdapter.toJGraphT(GraphBuilder.directed(0).build());
        assertTrue(j.vertexSet().isEmpty());
        assertTrue(j.getType().isDirected());
    }
}
