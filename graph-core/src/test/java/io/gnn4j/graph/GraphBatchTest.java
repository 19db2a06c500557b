package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraphBatchTest {

    /** A random graph with 0..maxNodes nodes, self loops and parallel edges allowed, weighted or not. */
    static Graph randomGraph(SplittableRandom rnd, int maxNodes, boolean directed, boolean weighted) {
        int n = rnd.nextInt(maxNodes + 1);
        GraphBuilder b = directed ? GraphBuilder.directed(n) : GraphBuilder.undirected(n).duplicates(DuplicateEdges.KEEP);
        int m = n == 0 ? 0 : rnd.nextInt(3 * n + 1);
        for (int i = 0; i < m; i++) {
            int u = rnd.nextInt(n), v = rnd.nextInt(n);
            if (weighted) {
                b.addEdge(u, v, (float) rnd.nextDouble(-2, 2));
            } else {
                b.addEdge(u, v);
            }
        }
        return b.build();
    }

    static void assertSameGraph(Graph expected, Graph actual, String what) {
        assertEquals(expected.numNodes(), actual.numNodes(), what + ": numNodes");
        assertArrayEquals(expected.rowPtr(), actual.rowPtr(), what + ": rowPtr");
        assertArrayEquals(expected.colIdx(), actual.colIdx(), what + ": colIdx");
        assertEquals(expected.isWeighted(), actual.isWeighted(), what + ": weighted");
        if (expected.isWeighted()) {
            assertArrayEquals(expected.weights(), actual.weights(), what + ": weights");
        }
        assertEquals(expected.type(), actual.type(), what + ": type");
    }

    private static Graph path(int n) {
        GraphBuilder b = GraphBuilder.undirected(n);
        for (int u = 0; u + 1 < n; u++) {
            b.addEdge(u, u + 1);
        }
        return b.build();
    }

    @Test
    void batchIsBlockDiagonalWithShiftedIds() {
        // 0–1 | (no nodes) | 0–1–2   →  nodes 0,1 | 2,3,4
        GraphBatch batch = GraphBatch.of(List.of(path(2), path(0), path(3)));
        Graph g = batch.graph();
        assertEquals(5, g.numNodes());
        assertFalse(g.isDirected());
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6}, g.rowPtr());
        assertArrayEquals(new int[] {1, 0, 3, 2, 4, 3}, g.colIdx());
        assertArrayEquals(new int[] {0, 2, 2, 5}, batch.nodeOffsets());
        assertArrayEquals(new int[] {0, 2, 2, 6}, batch.entryOffsets());
        assertArrayEquals(new int[] {0, 0, 2, 2, 2}, batch.graphIndex());
        assertEquals(3, batch.numGraphs());
        assertEquals(0, batch.numNodes(1));
        assertEquals(4, batch.numEntries(2));
        assertEquals(3L, g.numEdges());
    }

    @Test
    void graphOfNamesTheOwningGraphAndRejectsOutOfRangeNodes() {
        GraphBatch batch = GraphBatch.of(List.of(path(3), path(0), path(1), path(2)));
        int[] expected = {0, 0, 0, 2, 3, 3};
        for (int u = 0; u < expected.length; u++) {
            assertEquals(expected[u], batch.graphOf(u), "node " + u);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> batch.graphOf(6));
        assertTrue(e.getMessage().contains("6") && e.getMessage().contains("6 nodes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> batch.graphOf(-1));
        assertThrows(IllegalArgumentException.class, () -> batch.get(4));
    }

    @Test
    void unbatchRoundTripsUnevenEmptyWeightedAndMultiGraphs() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (boolean directed : new boolean[] {true, false}) {
            for (int trial = 0; trial < 30; trial++) {
                int count = 1 + rnd.nextInt(8);
                List<Graph> graphs = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    graphs.add(randomGraph(rnd, 12, directed, rnd.nextBoolean()));
                }
                GraphBatch batch = GraphBatch.of(graphs);
                List<Graph> back = batch.unbatch();
                assertEquals(count, back.size());
                long entries = 0, nodes = 0;
                for (int i = 0; i < count; i++) {
                    assertSameGraph(graphs.get(i), back.get(i), "trial " + trial + " graph " + i);
                    assertNotSame(graphs.get(i), back.get(i));
                    nodes += graphs.get(i).numNodes();
                    entries += graphs.get(i).numEntries();
                }
                assertEquals(nodes, batch.graph().numNodes());
                assertEquals(entries, batch.graph().numEntries());
                assertEquals(graphs.stream().anyMatch(Graph::isWeighted), batch.graph().isWeighted());
                assertEquals(graphs.stream().anyMatch(x -> x.type().multiEdges()), batch.graph().type().multiEdges());
                assertEquals(graphs.stream().anyMatch(x -> x.type().selfLoops()), batch.graph().type().selfLoops());
            }
        }
    }

    @Test
    void unweightedGraphsGetWeightOneInAWeightedBatchAndStayUnweightedOnUnbatch() {
        Graph weighted = GraphBuilder.directed(2).addEdge(0, 1, 2.5f).build();
        Graph plain = GraphBuilder.directed(2).addEdge(1, 0).addEdge(1, 1).build();
        GraphBatch batch = GraphBatch.of(List.of(plain, weighted));
        assertArrayEquals(new float[] {1f, 1f, 2.5f}, batch.graph().weights());
        assertArrayEquals(new int[] {0, 1, 3}, batch.graph().colIdx());
        assertFalse(batch.get(0).isWeighted());
        assertTrue(batch.get(1).isWeighted());
    }

    @Test
    void batchedRowsStaySortedAndEveryEntryStaysInsideItsBlock() {
        SplittableRandom rnd = new SplittableRandom(11);
        List<Graph> graphs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            graphs.add(randomGraph(rnd, 9, true, false));
        }
        GraphBatch batch = GraphBatch.of(graphs);
        Graph g = batch.graph();
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                assertEquals(batch.graphOf(u), batch.graphOf(g.colIdx()[k]), "entry " + k);
                if (k > g.rowPtr()[u]) {
                    assertTrue(g.colIdx()[k - 1] <= g.colIdx()[k], "row " + u + " sorted");
                }
            }
        }
    }

    @Test
    void spmmOnTheBatchEqualsSpmmOnEachGraph() {
        SplittableRandom rnd = new SplittableRandom(3);
        int f = 3;
        List<Graph> graphs = new ArrayList<>();
        List<float[]> xs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Graph g = randomGraph(rnd, 10, false, true);
            graphs.add(g);
            float[] x = new float[g.numNodes() * f];
            for (int j = 0; j < x.length; j++) {
                x[j] = (float) rnd.nextDouble(-1, 1);
            }
            xs.add(x);
        }
        GraphBatch batch = GraphBatch.of(graphs);
        float[] x = batch.concatNodeFeatures(xs, f);
        float[] y = new float[x.length];
        SparseOps.spmm(batch.graph(), MemorySegment.ofArray(x), MemorySegment.ofArray(y), f, ExecutionContext.defaultContext());
        List<float[]> ys = batch.splitFloats(GraphBatch.Column.nodes(f), y);
        for (int i = 0; i < graphs.size(); i++) {
            float[] yi = new float[xs.get(i).length];
            SparseOps.spmm(graphs.get(i), MemorySegment.ofArray(xs.get(i)), MemorySegment.ofArray(yi), f,
                    ExecutionContext.defaultContext());
            assertArrayEquals(yi, ys.get(i), "graph " + i);
        }
    }

    @Test
    void nodeEntryAndGraphColumnsConcatenateInBatchOrderAndSplitBack() {
        Graph a = GraphBuilder.directed(2).addEdge(0, 1).build();           // 2 nodes, 1 entry
        Graph b = GraphBuilder.directed(1).build();                         // 1 node, 0 entries
        Graph c = GraphBuilder.directed(2).addEdge(0, 1).addEdge(1, 0).build(); // 2 nodes, 2 entries
        GraphBatch batch = GraphBatch.of(List.of(a, b, c));
        List<float[]> nodes = List.of(new float[] {1, 2, 3, 4}, new float[] {5, 6}, new float[] {7, 8, 9, 10});
        float[] x = batch.concatFloats(GraphBatch.Column.nodes(2), nodes);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, x);
        List<float[]> back = batch.splitFloats(GraphBatch.Column.nodes(2), x);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(nodes.get(i), back.get(i));
        }
        float[] edges = batch.concatFloats(GraphBatch.Column.entries(1),
                List.of(new float[] {0.5f}, new float[0], new float[] {1.5f, 2.5f}));
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f}, edges);
        int[] labels = batch.concatInts(GraphBatch.Column.graphs(1), List.of(new int[] {4}, new int[] {0}, new int[] {9}));
        assertArrayEquals(new int[] {4, 0, 9}, labels);
        assertArrayEquals(new int[] {9}, batch.splitInts(GraphBatch.Column.graphs(1), labels).get(2));
    }

    @Test
    void nodeIdColumnsAreShiftedByTheGraphsNodeOffsetAndBack() {
        GraphBatch batch = GraphBatch.of(List.of(path(3), path(0), path(2)));
        GraphBatch.Column roots = GraphBatch.Column.nodeIds(GraphBatch.Axis.GRAPH, 1);
        // graph 1 has no node, so its "root" column must be empty: use a NODE-axis id column instead
        assertThrows(IllegalArgumentException.class,
                () -> batch.concatInts(roots, List.of(new int[] {2}, new int[] {0}, new int[] {1})));
        GraphBatch.Column perNode = GraphBatch.Column.nodeIds(GraphBatch.Axis.NODE, 1);
        List<int[]> parts = List.of(new int[] {2, 1, 0}, new int[0], new int[] {1, 1});
        int[] shifted = batch.concatInts(perNode, parts);
        assertArrayEquals(new int[] {2, 1, 0, 4, 4}, shifted);
        List<int[]> back = batch.splitInts(perNode, shifted);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(parts.get(i), back.get(i));
        }
        GraphBatch two = GraphBatch.of(List.of(path(3), path(2)));
        assertArrayEquals(new int[] {2, 3}, two.concatInts(roots, List.of(new int[] {2}, new int[] {0})));
    }

    @Test
    void columnLengthsThatDoNotMatchTheGraphNameGraphFoundAndExpected() {
        GraphBatch batch = GraphBatch.of(List.of(path(2), path(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batch.concatNodeFeatures(List.of(new float[4], new float[5]), 2));
        assertTrue(e.getMessage().contains("graph 1") && e.getMessage().contains("5")
                && e.getMessage().contains("expected 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> batch.concatNodeFeatures(List.of(new float[4]), 2));
        assertTrue(e.getMessage().contains("1 per-graph") && e.getMessage().contains("2 graphs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> batch.splitFloats(GraphBatch.Column.nodes(2), new float[9]));
        assertTrue(e.getMessage().contains("9") && e.getMessage().contains("expected 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GraphBatch.Column.nodes(0));
        assertThrows(IllegalArgumentException.class,
                () -> batch.concatFloats(GraphBatch.Column.nodeIds(GraphBatch.Axis.NODE, 1), List.of(new float[2], new float[3])));
    }

    @Test
    void rejectsAnEmptyListAndMixedDirectedness() {
        assertThrows(IllegalArgumentException.class, () -> GraphBatch.of(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphBatch.of(List.of(path(2), GraphBuilder.directed(2).build())));
        assertTrue(e.getMessage().contains("graph 1 is directed"), e.getMessage());
    }
}
