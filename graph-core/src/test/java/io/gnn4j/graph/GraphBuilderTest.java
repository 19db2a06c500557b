package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

    // ---------------------------------------------------------------- hand-checked small graphs

    @Test
    void addEntriesExtendsAGraphWithNewNodesOrSymmetrisesIt() {
        Graph g = GraphBuilder.directed(3).addEdge(0, 1, 2f).addEdge(2, 1).build();
        Graph extended = GraphBuilder.directed(5).addEntries(g).addEdge(1, 4).build();
        assertEquals(5, extended.numNodes());
        assertEquals(3, extended.numEntries());
        assertTrue(extended.hasEdge(0, 1) && extended.hasEdge(2, 1) && extended.hasEdge(1, 4));
        assertEquals(2f, extended.weight(extended.rowPtr()[0]));
        Graph sym = GraphBuilder.undirected(3).addEntries(g).build();
        assertTrue(sym.hasEdge(1, 0) && sym.hasEdge(1, 2) && !sym.isDirected());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphBuilder.directed(2).addEntries(g));
        assertTrue(e.getMessage().contains("3 nodes") && e.getMessage().contains("only 2"), e.getMessage());
    }

    @Test
    void undirectedBuilderStoresEveryEdgeInBothDirections() {
        Graph g = GraphBuilder.undirected(3).addEdge(0, 1).addEdge(2, 1).build();
        assertArrayEquals(new int[] {0, 1, 3, 4}, g.rowPtr());
        assertArrayEquals(new int[] {1, 0, 2, 1}, g.colIdx());
        assertFalse(g.isDirected());
        assertFalse(g.isWeighted());
        assertEquals(new GraphType(false, false, false, false), g.type());
        assertEquals(2L, g.numEdges());
    }

    @Test
    void undirectedDefaultMergesBothListedDirectionsKeepingTheLargerWeight() {
        Graph g = GraphBuilder.undirected(2).addEdge(0, 1, 2f).addEdge(1, 0, 5f).build();
        assertArrayEquals(new int[] {0, 1, 2}, g.rowPtr());
        assertArrayEquals(new int[] {1, 0}, g.colIdx());
        assertArrayEquals(new float[] {5f, 5f}, g.weights());
        assertFalse(g.type().multiEdges());
    }

    @Test
    void directedBuilderKeepsDuplicatesInAdditionOrderByDefault() {
        Graph g = edges012(GraphBuilder.directed(3)).build();
        assertArrayEquals(new int[] {0, 4, 4, 4}, g.rowPtr());
        assertArrayEquals(new int[] {1, 1, 1, 2}, g.colIdx());
        assertArrayEquals(new float[] {2f, 3f, 1f, 7f}, g.weights());
        assertTrue(g.type().multiEdges());
        assertEquals(4L, g.numEdges());
    }

    /** Row 0 gets targets 1 (weights 2, 3, 1 in that order) and 2 (weight 7), added out of order. */
    private static GraphBuilder edges012(GraphBuilder b) {
        return b.addEdge(0, 1, 2f).addEdge(0, 2, 7f).addEdge(0, 1, 3f).addEdge(0, 1, 1f);
    }

    @Test
    void everyDuplicatePolicyCombinesTheWeightsOfOnePair() {
        float[][] expected = {
            {2f, 3f, 1f, 7f}, // KEEP
            {6f, 7f},         // SUM
            {1f, 7f},         // MIN
            {3f, 7f},         // MAX
            {2f, 7f},         // FIRST
        };
        for (DuplicateEdges policy : DuplicateEdges.values()) {
            Graph g = edges012(GraphBuilder.directed(3)).duplicates(policy).build();
            float[] w = expected[policy.ordinal()];
            assertArrayEquals(w, g.weights(), policy.name());
            assertArrayEquals(policy == DuplicateEdges.KEEP ? new int[] {1, 1, 1, 2} : new int[] {1, 2}, g.colIdx(), policy.name());
            assertEquals(policy == DuplicateEdges.KEEP, g.type().multiEdges(), policy.name());
        }
    }

    @Test
    void undirectedDuplicatePoliciesTreatBothDirectionsAsOnePair() {
        // 0–1 with weights 4 (as 0→1), 1 (as 1→0), 2 (as 0→1)
        for (DuplicateEdges policy : DuplicateEdges.values()) {
            Graph g = GraphBuilder.undirected(2).duplicates(policy).addEdge(0, 1, 4f).addEdge(1, 0, 1f).addEdge(0, 1, 2f).build();
            float[] w = switch (policy) {
                case KEEP -> new float[] {4f, 1f, 2f, 4f, 1f, 2f};
                case SUM -> new float[] {7f, 7f};
                case MIN -> new float[] {1f, 1f};
                case MAX -> new float[] {4f, 4f};
                case FIRST -> new float[] {4f, 4f};
            };
            assertArrayEquals(w, g.weights(), policy.name());
        }
    }

    /** 0→0 (4), 0→1 (2), 1→1 (5), 1→1 (6); node 2 has no edge. */
    private static GraphBuilder loops(GraphBuilder b) {
        return b.addEdge(0, 0, 4f).addEdge(0, 1, 2f).addEdge(1, 1, 5f).addEdge(1, 1, 6f);
    }

    @Test
    void selfLoopsKeepStoresTheGivenLoopsOnly() {
        Graph g = loops(GraphBuilder.directed(3)).selfLoops(SelfLoops.KEEP).build();
        assertArrayEquals(new int[] {0, 2, 4, 4}, g.rowPtr());
        assertArrayEquals(new int[] {0, 1, 1, 1}, g.colIdx());
        assertArrayEquals(new float[] {4f, 2f, 5f, 6f}, g.weights());
        assertEquals(new GraphType(true, true, true, true), g.type());
    }

    @Test
    void selfLoopsRemoveDropsEveryLoop() {
        Graph g = loops(GraphBuilder.directed(3)).selfLoops(SelfLoops.REMOVE).build();
        assertArrayEquals(new int[] {0, 1, 1, 1}, g.rowPtr());
        assertArrayEquals(new int[] {1}, g.colIdx());
        assertArrayEquals(new float[] {2f}, g.weights());
        assertEquals(new GraphType(true, true, false, false), g.type());
    }

    @Test
    void selfLoopsAddGivesEveryNodeOneLoopKeepingTheFirstGivenWeight() {
        Graph g = loops(GraphBuilder.directed(3)).selfLoops(SelfLoops.ADD).selfLoopWeight(0.5f).build();
        assertArrayEquals(new int[] {0, 2, 3, 4}, g.rowPtr());
        assertArrayEquals(new int[] {0, 1, 1, 2}, g.colIdx());
        assertArrayEquals(new float[] {4f, 2f, 5f, 0.5f}, g.weights());
        assertEquals(new GraphType(true, true, true, false), g.type());
    }

    @Test
    void selfLoopsAddMergesGivenLoopsWithTheDuplicatePolicyAndIgnoresTheFill() {
        Graph sum = loops(GraphBuilder.directed(3)).selfLoops(SelfLoops.ADD).selfLoopWeight(0.5f)
                .duplicates(DuplicateEdges.SUM).build();
        assertArrayEquals(new float[] {4f, 2f, 11f, 0.5f}, sum.weights());
        Graph min = loops(GraphBuilder.directed(3)).selfLoops(SelfLoops.ADD).duplicates(DuplicateEdges.MIN).build();
        assertArrayEquals(new float[] {4f, 2f, 5f, 1f}, min.weights());
    }

    @Test
    void selfLoopsAddOnAnUnweightedGraphStaysUnweightedUnlessTheFillWeightIsNotOne() {
        Graph plain = GraphBuilder.undirected(3).addEdge(0, 1).selfLoops(SelfLoops.ADD).build();
        assertFalse(plain.isWeighted());
        assertArrayEquals(new int[] {0, 2, 4, 5}, plain.rowPtr());
        assertArrayEquals(new int[] {0, 1, 0, 1, 2}, plain.colIdx());
        assertEquals(4L, plain.numEdges());
        Graph filled = GraphBuilder.undirected(3).addEdge(0, 1).selfLoops(SelfLoops.ADD).selfLoopWeight(2f).build();
        assertTrue(filled.isWeighted());
        assertArrayEquals(new float[] {2f, 1f, 1f, 2f, 2f}, filled.weights());
    }

    @Test
    void undirectedSelfLoopIsStoredOnce() {
        Graph g = GraphBuilder.undirected(2).addEdge(1, 1).addEdge(0, 1).build();
        assertArrayEquals(new int[] {0, 1, 3}, g.rowPtr());
        assertArrayEquals(new int[] {1, 0, 1}, g.colIdx());
        assertEquals(2L, g.numEdges());
        assertTrue(g.type().selfLoops());
    }

    @Test
    void unweightedEdgesAddedBeforeTheFirstWeightedOneGetWeightOne() {
        Graph g = GraphBuilder.directed(3).addEdge(0, 1).addEdge(1, 2).addEdge(2, 0, 3f).addEdge(0, 2).build();
        assertArrayEquals(new int[] {1, 2, 2, 0}, g.colIdx());
        assertArrayEquals(new float[] {1f, 1f, 1f, 3f}, g.weights());
    }

    @Test
    void outOfRangeIdsNameTheEdgeIndexTheIdAndNumNodes() {
        GraphBuilder b = GraphBuilder.directed(3).addEdge(0, 1).addEdge(1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.addEdge(-1, 0));
        assertEquals("edge 2: source id -1 is out of range [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.addEdge(0, 3, 1f));
        assertEquals("edge 2: target id 3 is out of range [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.addEdges(new int[] {0, 1, 7}, new int[] {1, 1, 0}));
        assertTrue(e.getMessage().startsWith("edge 4: source id 7") && e.getMessage().contains("[0, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GraphBuilder.undirected(0).addEdge(0, 0));
        assertTrue(e.getMessage().contains("id 0") && e.getMessage().contains("[0, 0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GraphBuilder.directed(-2));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
    }

    @Test
    void nanAndInfiniteWeightsAreRejectedWithTheEdgeIndex() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            GraphBuilder b = GraphBuilder.undirected(2).addEdge(0, 1, 1f);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.addEdge(1, 0, bad));
            assertEquals("edge 1: weight " + bad + " is not finite", e.getMessage());
            assertEquals(1, b.size(), "a rejected edge is not added");
            e = assertThrows(IllegalArgumentException.class,
                    () -> GraphBuilder.directed(2).addEdges(new int[] {0, 1}, new int[] {1, 0}, new float[] {1f, bad}));
            assertTrue(e.getMessage().startsWith("edge 1: weight"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> GraphBuilder.directed(2).selfLoopWeight(bad));
        }
    }

    @Test
    void arraysOfDifferentLengthsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphBuilder.directed(3).addEdges(new int[] {0, 1}, new int[] {1}));
        assertTrue(e.getMessage().contains("length 1") && e.getMessage().contains("length 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GraphBuilder.directed(3).addEdges(new int[] {0}, new int[] {1}, new float[] {1f, 2f}));
    }

    @Test
    void emptyGraphsAndIsolatedNodesHaveEmptyRows() {
        Graph none = GraphBuilder.directed(0).build();
        assertArrayEquals(new int[] {0}, none.rowPtr());
        assertEquals(0L, none.numEdges());
        Graph isolated = GraphBuilder.undirected(3).build();
        assertArrayEquals(new int[] {0, 0, 0, 0}, isolated.rowPtr());
        assertEquals(0, isolated.colIdx().length);
    }

    @Test
    void builderCanBeReusedAndFromRebuildsTheSameGraph() {
        GraphBuilder b = loops(GraphBuilder.directed(3));
        Graph first = b.build();
        Graph again = b.build();
        assertArrayEquals(first.colIdx(), again.colIdx());
        assertArrayEquals(first.weights(), again.weights());
        Graph more = b.addEdge(2, 0, 9f).build();
        assertEquals(first.numEntries() + 1, more.numEntries());
        for (Graph g : List.of(first, GraphBuilder.undirected(4).addEdge(0, 1).addEdge(3, 3).addEdge(2, 1).build())) {
            GraphBatchTest.assertSameGraph(g, GraphBuilder.from(g).build(), g.toString());
        }
    }

    // ---------------------------------------------------------------- properties against a naive model

    /** One added edge. */
    record Edge(int u, int v, float w) {}

    /** A random edge list on n nodes; weights are multiples of 1/4 so that sums are exact in float. */
    record EdgeList(int n, List<Edge> edges, boolean weighted) {
        GraphBuilder into(GraphBuilder b) {
            for (Edge e : edges) {
                if (weighted) {
                    b.addEdge(e.u, e.v, e.w);
                } else {
                    b.addEdge(e.u, e.v);
                }
            }
            return b;
        }
    }

    @Provide
    Arbitrary<EdgeList> edgeLists() {
        return Arbitraries.integers().between(1, 20).flatMap(n -> {
            Arbitrary<Integer> id = Arbitraries.integers().between(0, n - 1);
            Arbitrary<Edge> edge = Combinators.combine(id, id, Arbitraries.integers().between(-8, 8))
                    .as((u, v, q) -> new Edge(u, v, q / 4f));
            return Combinators.combine(edge.list().ofMaxSize(4 * n), Arbitraries.of(true, false))
                    .as((list, weighted) -> new EdgeList(n, list, weighted));
        });
    }

    /**
     * The naive model of the builder: every stored (u, v, w), expanded for symmetrisation, stably sorted by
     * (u, v), self loops removed or added, then each (u, v) run merged by the policy.
     */
    static List<Edge> model(EdgeList list, boolean symmetrize, DuplicateEdges policy, SelfLoops loops, float fill) {
        List<Edge> stored = new ArrayList<>();
        for (Edge e : list.edges()) {
            float w = list.weighted() ? e.w : 1f;
            if (e.u == e.v && loops == SelfLoops.REMOVE) {
                continue;
            }
            stored.add(new Edge(e.u, e.v, w));
            if (symmetrize && e.u != e.v) {
                stored.add(new Edge(e.v, e.u, w));
            }
        }
        stored.sort(Comparator.comparingInt(Edge::u).thenComparingInt(Edge::v)); // List.sort is stable
        List<Edge> out = new ArrayList<>();
        int i = 0;
        for (int u = 0; u < list.n(); u++) {
            boolean loopSeen = false;
            while (i < stored.size() && stored.get(i).u == u) {
                int j = i;
                while (j < stored.size() && stored.get(j).u == u && stored.get(j).v == stored.get(i).v) {
                    j++;
                }
                List<Edge> run = stored.subList(i, j);
                int v = run.get(0).v;
                if (v > u && loops == SelfLoops.ADD && !loopSeen) {
                    out.add(new Edge(u, u, fill));
                    loopSeen = true;
                }
                DuplicateEdges p = policy == DuplicateEdges.KEEP && v == u && loops == SelfLoops.ADD ? DuplicateEdges.FIRST : policy;
                if (p == DuplicateEdges.KEEP) {
                    out.addAll(run);
                } else {
                    float w = run.get(0).w;
                    for (Edge e : run.subList(1, run.size())) {
                        w = switch (p) {
                            case SUM -> w + e.w;
                            case MIN -> Math.min(w, e.w);
                            case MAX -> Math.max(w, e.w);
                            default -> w;
                        };
                    }
                    out.add(new Edge(u, v, w));
                }
                loopSeen |= v == u;
                i = j;
            }
            if (loops == SelfLoops.ADD && !loopSeen) {
                out.add(new Edge(u, u, fill));
            }
        }
        return out;
    }

    /**
     * Skips unweighted lists under SUM: the builder then merges duplicates into one entry of implicit weight 1,
     * not the sum of their weights (1 each) that {@link DuplicateEdges#SUM} documents; reported to the lead.
     */
    static List<Edge> entries(Graph g) {
        List<Edge> out = new ArrayList<>();
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                out.add(new Edge(u, g.colIdx()[k], g.weight(k)));
            }
        }
        return out;
    }

    static void assertRowsSorted(Graph g) {
        int[] rowPtr = g.rowPtr(), col = g.colIdx();
        assertEquals(0, rowPtr[0]);
        assertEquals(col.length, rowPtr[g.numNodes()]);
        for (int u = 0; u < g.numNodes(); u++) {
            assertTrue(rowPtr[u] <= rowPtr[u + 1], "rowPtr non-decreasing at " + u);
            for (int k = rowPtr[u] + 1; k < rowPtr[u + 1]; k++) {
                assertTrue(col[k - 1] <= col[k], "row " + u + " sorted at entry " + k);
            }
        }
    }

    @Property(tries = 300)
    void directedBuildStoresExactlyTheModelsEntriesInSortedRows(@ForAll("edgeLists") EdgeList list,
                                                              @ForAll DuplicateEdges policy, @ForAll SelfLoops loops) {
        Graph g = list.into(GraphBuilder.directed(list.n())).duplicates(policy).selfLoops(loops).selfLoopWeight(0.75f).build();
        assertRowsSorted(g);
        List<Edge> expected = model(list, false, policy, loops, 0.75f);
        assertEquals(expected, entries(g));
        assertEquals(expected.size(), g.numEdges());
        assertEquals(list.weighted() && !list.edges().isEmpty() || loops == SelfLoops.ADD || policy == DuplicateEdges.SUM, g.isWeighted());
        assertEquals(expected.stream().anyMatch(e -> e.u == e.v), g.type().selfLoops());
    }

    @Property(tries = 300)
    void undirectedBuildStoresBothDirectionsOfTheModelsEntries(@ForAll("edgeLists") EdgeList list,
                                                             @ForAll DuplicateEdges policy, @ForAll SelfLoops loops) {
        Graph g = list.into(GraphBuilder.undirected(list.n())).duplicates(policy).selfLoops(loops).build();
        assertRowsSorted(g);
        List<Edge> expected = model(list, true, policy, loops, 1f);
        assertEquals(expected, entries(g));
        boolean multi = false;
        for (int k = 1; k < expected.size(); k++) {
            multi |= expected.get(k).u == expected.get(k - 1).u && expected.get(k).v == expected.get(k - 1).v;
        }
        assertEquals(multi, g.type().multiEdges());
        if (policy != DuplicateEdges.KEEP) {
            // one entry per pair: each off-diagonal pair is stored twice, each loop once
            long loopsStored = expected.stream().filter(e -> e.u == e.v).count();
            assertEquals((expected.size() - loopsStored) / 2 + loopsStored, g.numEdges());
        }
    }

    @Property(tries = 200)
    void undirectedGraphsAreSymmetric(@ForAll("edgeLists") EdgeList list, @ForAll DuplicateEdges policy) {
        Graph g = list.into(GraphBuilder.undirected(list.n())).duplicates(policy).build();
        List<Edge> mirrored = new ArrayList<>();
        for (Edge e : entries(g)) {
            mirrored.add(new Edge(e.v, e.u, e.w));
        }
        mirrored.sort(Comparator.comparingInt(Edge::u).thenComparingInt(Edge::v).thenComparingDouble(Edge::w));
        List<Edge> sorted = new ArrayList<>(entries(g));
        sorted.sort(Comparator.comparingInt(Edge::u).thenComparingInt(Edge::v).thenComparingDouble(Edge::w));
        assertEquals(sorted, mirrored);
    }

    @Test
    void sumOfUnweightedDuplicatesIsTheirCount() {
        Graph g = GraphBuilder.directed(2).addEdge(0, 1).addEdge(0, 1).duplicates(DuplicateEdges.SUM).build();
        assertEquals(1, g.numEntries());
        assertEquals(2f, g.weight(0));
    }
}
