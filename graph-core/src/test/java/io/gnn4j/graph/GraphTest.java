package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.GraphBuilderTest.Edge;
import io.gnn4j.graph.GraphBuilderTest.EdgeList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GraphTest {

    /** 0→1 (1.5), 0→2 (2), 2→0 (3), 2→2 (4); node 1 has no out-edge. */
    private static Graph small() {
        return GraphBuilder.directed(3).addEdge(2, 2, 4f).addEdge(0, 2, 2f).addEdge(2, 0, 3f).addEdge(0, 1, 1.5f).build();
    }

    @Test
    void accessorsDescribeTheStoredEntries() {
        Graph g = small();
        assertEquals(3, g.numNodes());
        assertEquals(4, g.numEntries());
        assertEquals(4L, g.numEdges());
        assertTrue(g.isDirected());
        assertEquals(2, g.degree(0));
        assertEquals(0, g.degree(1));
        assertTrue(g.hasEdge(0, 1));
        assertFalse(g.hasEdge(1, 0));
        assertTrue(g.hasEdge(2, 2));
        assertEquals(3f, g.weight(2));
        assertEquals("Graph(nodes=3, entries=4, directed, weighted)", g.toString());
    }

    @Test
    void unweightedGraphsReportWeightOneAndRefuseTheirWeightArray() {
        Graph g = GraphBuilder.undirected(2).addEdge(0, 1).build();
        assertEquals(1f, g.weight(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, g::weights);
        assertTrue(e.getMessage().contains("unweighted"), e.getMessage());
    }

    @Test
    void nodeIdsOutOfRangeNameTheIdAndTheNodeCount() {
        Graph g = small();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.degree(3));
        assertEquals("node id 3 is out of range for a graph with 3 nodes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.hasEdge(0, -1));
    }

    @Test
    void numEdgesCountsUndirectedPairsOnceAndSelfLoopsOnce() {
        Graph g = GraphBuilder.undirected(4).addEdge(0, 1).addEdge(1, 2).addEdge(3, 3).build();
        assertEquals(5, g.numEntries());
        assertEquals(3L, g.numEdges());
    }

    @Test
    void transposeListsIncomingEdgesWithTheirWeights() {
        Graph t = small().transpose();
        assertArrayEquals(new int[] {0, 1, 2, 4}, t.rowPtr());
        assertArrayEquals(new int[] {2, 0, 0, 2}, t.colIdx());
        assertArrayEquals(new float[] {3f, 1.5f, 2f, 4f}, t.weights());
        assertTrue(t.isDirected());
    }

    @Test
    void transposeIsBuiltOnceAndItsTransposeIsTheGraph() {
        Graph g = small();
        assertSame(g.transpose(), g.transpose());
        assertSame(g, g.transpose().transpose());
        Graph u = GraphBuilder.undirected(3).addEdge(0, 1).build();
        assertSame(u, u.transpose());
    }

    // ---------------------------------------------------------------- properties

    @Provide
    Arbitrary<EdgeList> edgeLists() {
        return new GraphBuilderTest().edgeLists();
    }

    private static List<Edge> sorted(List<Edge> edges) {
        List<Edge> out = new ArrayList<>(edges);
        out.sort(Comparator.comparingInt(Edge::u).thenComparingInt(Edge::v).thenComparingDouble(Edge::w));
        return out;
    }

    @Property(tries = 300)
    void transposeHoldsExactlyTheReversedEntriesInSortedRows(@ForAll("edgeLists") EdgeList list) {
        Graph g = list.into(GraphBuilder.directed(list.n())).build();
        Graph t = CsrTranspose.of(g);
        GraphBuilderTest.assertRowsSorted(t);
        // the naive transpose: every entry (u, v, w) reversed, as a multiset
        List<Edge> reversed = new ArrayList<>();
        for (Edge e : GraphBuilderTest.entries(g)) {
            reversed.add(new Edge(e.v(), e.u(), e.w()));
        }
        assertEquals(sorted(reversed), sorted(GraphBuilderTest.entries(t)));
        assertEquals(g.type(), t.type());
        assertEquals(g.numEdges(), t.numEdges());
        for (int v = 0; v < g.numNodes(); v++) {
            int in = 0;
            for (int c : g.colIdx()) {
                in += c == v ? 1 : 0;
            }
            assertEquals(in, t.degree(v), "in-degree of " + v);
        }
    }

    @Property(tries = 300)
    void transposeOfTransposeEqualsTheOriginalArrays(@ForAll("edgeLists") EdgeList list) {
        Graph g = list.into(GraphBuilder.directed(list.n())).build();
        Graph tt = CsrTranspose.of(CsrTranspose.of(g)); // rebuilt, not the cached back-reference
        GraphBatchTest.assertSameGraph(g, tt, "transpose of transpose");
        GraphBatchTest.assertSameGraph(CsrTranspose.of(g), g.transpose(), "cached transpose");
    }

    @Property(tries = 200)
    void undirectedGraphsEqualTheirRebuiltTranspose(@ForAll("edgeLists") EdgeList list) {
        Graph g = list.into(GraphBuilder.undirected(list.n())).build();
        assertEquals(sorted(GraphBuilderTest.entries(g)), sorted(GraphBuilderTest.entries(CsrTranspose.of(g))));
    }

    @Test
    void numEdgesCountsEveryParallelSelfLoop() {
        Graph g = GraphBuilder.undirected(2).duplicates(DuplicateEdges.KEEP).addEdge(0, 0).addEdge(0, 0).addEdge(0, 1).build();
        assertEquals(4, g.numEntries());
        assertEquals(3L, g.numEdges());
    }
}
