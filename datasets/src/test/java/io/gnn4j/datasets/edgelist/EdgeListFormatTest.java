package io.gnn4j.datasets.edgelist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.text.SharedDatasets;
import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EdgeListFormatTest {
    private static final Path F = Path.of("test.csv");

    private static LoadedGraph read(String text, EdgeListOptions o) throws IOException {
        return EdgeListFormat.read(F, text.getBytes(StandardCharsets.UTF_8), o);
    }

    private static String message(String text, EdgeListOptions o) {
        return assertThrows(DatasetFormatException.class, () -> read(text, o)).getMessage();
    }

    @Test
    void karateAdjlistHas34NodesAnd78Edges() throws IOException {
        LoadedGraph g = AdjacencyListFormat.read(SharedDatasets.require("karate/karate.adjlist"), NodeIds.ONE_BASED);
        assertEquals(34, g.graph().numNodes());
        assertEquals(78, g.graph().numEdges());
        assertEquals(156, g.edgeLines());
        assertEquals(78, g.mergedEntries());
        assertFalse(g.graph().type().selfLoops());
        assertEquals(16, g.graph().degree(0)); // node 1 has 16 neighbours on its line
    }

    @Test
    void bundledKarateEqualsSharedFile() throws IOException {
        LoadedGraph shared = AdjacencyListFormat.read(SharedDatasets.require("karate/karate.adjlist"), NodeIds.ONE_BASED);
        LoadedGraph bundled = AdjacencyListFormat.karate();
        assertArrayEquals(shared.graph().rowPtr(), bundled.graph().rowPtr());
        assertArrayEquals(shared.graph().colIdx(), bundled.graph().colIdx());
    }

    @Test
    void karateEdgelistHas77DistinctEdgesAndOneRepeat() throws IOException {
        // node2vec's file has no LF after its last line: the strict default rejects it, so say that it is expected.
        Path file = SharedDatasets.require("karate/karate.edgelist");
        EdgeListOptions strict = EdgeListOptions.builder().ids(NodeIds.ONE_BASED).build();
        assertTrue(assertThrows(DatasetFormatException.class, () -> EdgeListFormat.read(file, strict)).getMessage()
                .contains("line 78"));
        EdgeListOptions o = EdgeListOptions.builder().ids(NodeIds.ONE_BASED).requireFinalNewline(false).build();
        LoadedGraph g = EdgeListFormat.read(file, o);
        assertEquals(34, g.graph().numNodes());
        assertEquals(78, g.edgeLines());
        assertEquals(77, g.graph().numEdges());
        assertEquals(1, g.mergedEntries());
        assertTrue(g.graph().hasEdge(8, 32)); // 9–33 (listed twice)
        assertFalse(g.graph().hasEdge(8, 30)); // 9–31 missing from this file, as the README says
        LoadedGraph adj = AdjacencyListFormat.karate();
        assertTrue(adj.graph().hasEdge(8, 30));
    }

    @Test
    void csvWithHeaderCommentsAndWeights() throws IOException {
        EdgeListOptions o = EdgeListOptions.builder().separator(',').header(true).weighted(true).directed(true).build();
        LoadedGraph g = read("# made by hand\nsrc,dst,w\n0,1,0.5\n\n1, 2 ,2e0\n% another comment\n2,0,-1\n", o);
        Graph graph = g.graph();
        assertEquals("src,dst,w", g.headerLine());
        assertEquals(3, graph.numNodes());
        assertTrue(graph.isDirected());
        assertArrayEquals(new int[] {0, 1, 2, 3}, graph.rowPtr());
        assertArrayEquals(new int[] {1, 2, 0}, graph.colIdx());
        assertArrayEquals(new float[] {0.5f, 2f, -1f}, graph.weights());
        assertNull(g.nodeNames());
    }

    @Test
    void tsvAndNamedNodes() throws IOException {
        EdgeListOptions o = EdgeListOptions.builder().separator('\t').ids(NodeIds.NAMES).build();
        LoadedGraph g = read("alice\tbob\nbob\tcarol\ncarol\talice\nbob\talice\n", o);
        assertArrayEquals(new String[] {"alice", "bob", "carol"}, g.nodeNames());
        assertEquals(3, g.graph().numEdges());
        assertEquals(1, g.mergedEntries());
    }

    @Test
    void headerIsNeverGuessed() {
        EdgeListOptions o = EdgeListOptions.builder().separator(',').build();
        String m = message("src,dst\n0,1\n", o);
        assertTrue(m.contains("line 1: expected an integer, found 'src'"), m);
    }

    @Test
    void missingAndExtraColumnsAreRejected() {
        EdgeListOptions weighted = EdgeListOptions.builder().weighted(true).build();
        assertTrue(message("0 1 1.0\n1 2\n", weighted).contains("line 2: expected another whitespace-separated column"));
        EdgeListOptions plain = EdgeListOptions.builder().build();
        assertTrue(message("0 1\n1 2 3\n", plain).contains("line 2: expected end of line, found '3'"));
    }

    @Test
    void badWeightsAndIdsAreRejected() {
        EdgeListOptions weighted = EdgeListOptions.builder().separator(',').weighted(true).build();
        assertTrue(message("0,1,abc\n", weighted).contains("expected a decimal number, found 'abc'"));
        assertTrue(message("0,1,1e99\n", weighted).contains("expected a finite float"));
        assertTrue(message("0,1,NaN\n", weighted).contains("expected a decimal number"));
        EdgeListOptions oneBased = EdgeListOptions.builder().ids(NodeIds.ONE_BASED).build();
        assertTrue(message("1 0\n", oneBased).contains("expected a node id in 1.."));
        EdgeListOptions fixed = EdgeListOptions.builder().numNodes(3).build();
        assertTrue(message("0 3\n", fixed).contains("expected a node id in 0..2, found 3"));
        assertTrue(message("0 -1\n", EdgeListOptions.builder().build()).contains("found -1"));
    }

    @Test
    void truncatedLastLineIsRejectedUnlessAllowed() throws IOException {
        EdgeListOptions strict = EdgeListOptions.builder().build();
        assertTrue(message("0 1\n1 2", strict).contains("truncated"));
        EdgeListOptions lenient = EdgeListOptions.builder().requireFinalNewline(false).build();
        assertEquals(2, read("0 1\n1 2", lenient).graph().numEdges());
    }

    @Test
    void duplicatesKeptWhenAsked() throws IOException {
        EdgeListOptions o = EdgeListOptions.builder().directed(true).duplicates(DuplicateEdges.SUM).weighted(true).build();
        LoadedGraph g = read("0 1 1\n0 1 2.5\n", o);
        assertEquals(1, g.graph().numEntries());
        assertEquals(3.5f, g.graph().weight(0));
        assertEquals(1, g.mergedEntries());
    }

    @Test
    void adjlistWithNamesAndIsolatedNode() throws IOException {
        byte[] text = "a b c\nb a\nd\n".getBytes(StandardCharsets.UTF_8);
        LoadedGraph g = AdjacencyListFormat.read(F, text, NodeIds.NAMES, false);
        assertArrayEquals(new String[] {"a", "b", "c", "d"}, g.nodeNames());
        assertEquals(2, g.graph().numEdges());
        assertEquals(0, g.graph().degree(3));
        assertEquals(1, g.mergedEntries());
    }

    @Test
    void asNodeDatasetHasNoLabels() throws IOException {
        var d = AdjacencyListFormat.karate().asNodeDataset("karate");
        assertEquals(34, d.labels().length);
        assertEquals(-1, d.labels()[5]);
        assertEquals(0, d.numFeatures());
    }
}
