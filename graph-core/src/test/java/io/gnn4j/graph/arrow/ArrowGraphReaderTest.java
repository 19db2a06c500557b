package io.gnn4j.graph.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.NodeTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrowGraphReaderTest {
    @TempDir
    Path dir;
    Path nodes;
    Path edges;

    @BeforeEach
    void validFiles() throws IOException {
        // 4 nodes, F = 2, and 3 weighted directed edges: every test breaks one thing in one of these files.
        nodes = TableFiles.rows(4).ints("id", 0, 1, 2, 3).features("features", 2, false, 1, 2, 3, 4, 5, 6, 7, 8)
                .ints("label", 0, 1, Integer.MIN_VALUE, 2).write(dir.resolve("nodes.arrow"));
        edges = TableFiles.rows(3).ints("src", 0, 1, 3).ints("dst", 1, 2, 0).floats("weight", 0.5f, 1f, 2f)
                .metadata(Map.of("gnn4j.directed", "true")).write(dir.resolve("edges.arrow"));
    }

    // ---- well-formed files --------------------------------------------------------------------------------------

    @Test
    void handWrittenFilesLoadValueByValue() throws IOException {
        GraphTables t = ArrowGraphReader.read(dir);
        Graph g = t.graph();
        assertTrue(g.isDirected());
        assertArrayEquals(new int[] {0, 1, 2, 2, 3}, g.rowPtr());
        assertArrayEquals(new int[] {1, 2, 0}, g.colIdx());
        assertArrayEquals(new float[] {0.5f, 1f, 2f}, g.weights());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, t.nodes().features());
        assertArrayEquals(new int[] {0, 1, -1, 2}, t.nodes().labels(), "a null label reads as -1 (unlabelled)");
    }

    @Test
    void edgesWithoutDirectedFlagLoadAsDirected() throws IOException {
        TableFiles.rows(2).ints("src", 0, 1).ints("dst", 1, 0).write(edges);
        Graph g = ArrowGraphReader.read(dir).graph();
        assertTrue(g.isDirected());
        assertFalse(g.isWeighted());
        assertEquals(2, g.numEntries());
    }

    @Test
    void undirectedTableListingBothDirectionsGivesOneEntryEachWay() throws IOException {
        TableFiles.rows(3).ints("src", 0, 1, 2).ints("dst", 1, 0, 3).metadata(Map.of("gnn4j.directed", "false")).write(edges);
        Graph g = ArrowGraphReader.read(dir).graph();
        assertFalse(g.isDirected());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, g.rowPtr());
        assertArrayEquals(new int[] {1, 0, 3, 2}, g.colIdx());
        assertEquals(2, g.numEdges());
    }

    @Test
    void nodeRowsInAnyOrderArePlacedById() throws IOException {
        TableFiles.rows(4).ints("id", 2, 0, 3, 1).features("features", 2, false, 1, 2, 3, 4, 5, 6, 7, 8)
                .ints("label", 0, 1, Integer.MIN_VALUE, 2).write(nodes);
        NodeTable t = ArrowGraphReader.read(dir).nodes();
        assertArrayEquals(new float[] {3, 4, 7, 8, 1, 2, 5, 6}, t.features());
        assertArrayEquals(new int[] {1, 2, 0, -1}, t.labels());
    }

    @Test
    void idsOnlyNodeTableAndExtraColumnsAreFine() throws IOException {
        TableFiles.rows(4).ints("id", 0, 1, 2, 3).strings("split", "train", "val", "test", "train").write(nodes);
        NodeTable t = ArrowGraphReader.read(dir).nodes();
        assertEquals(4, t.numNodes());
        assertEquals(0, t.numFeatures());
        assertNull(t.labels());
    }

    // ---- one test per kind of corruption: the message names file, column and row ---------------------------------

    @Test
    void wrongColumnTypeNamesFileAndColumn() throws IOException {
        TableFiles.rows(3).longs("src", 0, 1, 3).ints("dst", 1, 2, 0).write(edges);
        ArrowFormatException e = fails();
        assertWhere(e, edges, "src", ArrowFormatException.NO_ROW);
        assertTrue(e.getMessage().contains("expected int32, found Int(64, true)"), e.getMessage());
    }

    @Test
    void featuresOfWrongItemTypeNameFileAndColumn() throws IOException {
        TableFiles.rows(2).ints("id", 0, 1).features("features", 2, true, 1, 2, 3, 4).write(nodes);
        ArrowFormatException e = fails();
        assertWhere(e, nodes, "features", ArrowFormatException.NO_ROW);
        assertTrue(e.getMessage().contains("expected FixedSizeList<float32>[F]"), e.getMessage());
    }

    @Test
    void missingColumnNamesFileAndColumn() throws IOException {
        TableFiles.rows(3).ints("src", 0, 1, 3).floats("weight", 1, 1, 1).write(edges);
        ArrowFormatException e = fails();
        assertWhere(e, edges, "dst", ArrowFormatException.NO_ROW);
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void missingIdColumnNamesFileAndColumn() throws IOException {
        TableFiles.rows(2).ints("node", 0, 1).write(nodes);
        assertWhere(fails(), nodes, "id", ArrowFormatException.NO_ROW);
    }

    @Test
    void columnShorterThanBatchNamesFirstMissingRow() throws IOException {
        TableFiles.rows(3).ints("src", 0, 1, 3).ints("dst", 1, 2, 0).valueCount("dst", 2).write(edges);
        ArrowFormatException e = fails();
        assertWhere(e, edges, "dst", 2);
        assertTrue(e.getMessage().contains("lengths disagree"), e.getMessage());
    }

    @Test
    void featureItemsThatDoNotFillEveryRowNameFirstShortRow() throws IOException {
        TableFiles.rows(3).ints("id", 0, 1, 2).features("features", 2, false, 1, 2, 3, 4, 5, 6).itemCount("features", 5)
                .write(nodes);
        TableFiles.rows(0).ints("src").ints("dst").write(edges);
        ArrowFormatException e = fails();
        assertWhere(e, nodes, "features", 2);
        assertTrue(e.getMessage().contains("lengths disagree"), e.getMessage());
    }

    @Test
    void edgeEndpointOutOfRangeNamesColumnAndRow() throws IOException {
        TableFiles.rows(4).ints("src", 0, 1, 3, 2).ints("dst", 1, 2, 0, 4).write(edges);
        ArrowFormatException e = fails();
        assertWhere(e, edges, "dst", 3);
        assertTrue(e.getMessage().contains("node id 4 is out of range [0, 4)"), e.getMessage());
    }

    @Test
    void negativeEdgeEndpointNamesColumnAndRow() throws IOException {
        TableFiles.rows(2).ints("src", 0, -1).ints("dst", 1, 2).write(edges);
        assertWhere(fails(), edges, "src", 1);
    }

    @Test
    void repeatedNodeIdNamesRow() throws IOException {
        TableFiles.rows(4).ints("id", 0, 1, 1, 3).write(nodes);
        ArrowFormatException e = fails();
        assertWhere(e, nodes, "id", 2);
        assertTrue(e.getMessage().contains("repeats row 1"), e.getMessage());
    }

    @Test
    void nodeIdsWithAGapNameRow() throws IOException {
        TableFiles.rows(4).ints("id", 0, 1, 2, 4).write(nodes);
        ArrowFormatException e = fails();
        assertWhere(e, nodes, "id", 3);
        assertTrue(e.getMessage().contains("must be 0..3"), e.getMessage());
    }

    @Test
    void nanWeightNamesRow() throws IOException {
        TableFiles.rows(3).ints("src", 0, 1, 3).ints("dst", 1, 2, 0).floats("weight", 0.5f, 1f, Float.NaN).write(edges);
        ArrowFormatException e = fails();
        assertWhere(e, edges, "weight", 2);
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void infiniteWeightNamesRow() throws IOException {
        TableFiles.rows(2).ints("src", 0, 1).ints("dst", 1, 2).floats("weight", Float.NEGATIVE_INFINITY, 1f).write(edges);
        assertWhere(fails(), edges, "weight", 0);
    }

    @Test
    void nullEndpointNamesRow() throws IOException {
        TableFiles.rows(3).ints("src", 0, Integer.MIN_VALUE, 3).ints("dst", 1, 2, 0).write(edges);
        ArrowFormatException e = fails();
        assertWhere(e, edges, "src", 1);
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void labelBelowMinusOneNamesRow() throws IOException {
        TableFiles.rows(2).ints("id", 0, 1).ints("label", 3, -2).write(nodes);
        TableFiles.rows(0).ints("src").ints("dst").write(edges);
        assertWhere(fails(), nodes, "label", 1);
    }

    @Test
    void truncatedFileNamesFile() throws IOException {
        byte[] bytes = Files.readAllBytes(edges);
        Files.write(edges, Arrays.copyOf(bytes, bytes.length - 7));
        ArrowFormatException e = fails();
        assertEquals(edges, e.file());
        assertTrue(e.getMessage().startsWith(edges.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void fileCutInsideARecordBatchNamesFileAndFirstRowOfTheBatch() throws IOException {
        // Keep the footer but zero the body: the batch's metadata then no longer parses.
        byte[] bytes = Files.readAllBytes(edges);
        try (FileChannel ch = FileChannel.open(edges, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(bytes.length / 2 - 8), 8);
        }
        // Not fails(): Arrow 19's own reader leaves the batch's buffer unreleased here, which the allocator reports
        // as a suppressed "Memory was leaked" next to our exception.
        ArrowFormatException e = assertThrows(ArrowFormatException.class, () -> ArrowGraphReader.read(dir));
        assertEquals(edges, e.file());
        assertTrue(e.getMessage().startsWith(edges.toString()), e.getMessage());
    }

    @Test
    void streamFormatIsRefusedNamingFile() throws IOException {
        TableFiles.rows(2).ints("src", 0, 1).ints("dst", 1, 2).writeStream(edges);
        ArrowFormatException e = fails();
        assertEquals(edges, e.file());
        assertTrue(e.getMessage().contains("Arrow file format"), e.getMessage());
    }

    @Test
    void unreadableDirectedFlagNamesFileAndKey() throws IOException {
        TableFiles.rows(1).ints("src", 0).ints("dst", 1).metadata(Map.of("gnn4j.directed", "yes")).write(edges);
        ArrowFormatException e = fails();
        assertEquals(edges, e.file());
        assertTrue(e.getMessage().contains("'gnn4j.directed': expected true or false, found 'yes'"), e.getMessage());
    }

    @Test
    void rowsAreCountedAcrossRecordBatches() throws IOException {
        // Edges of a 20-node graph in batches of 3 rows, next to a table of only 10 nodes.
        Graph g = RandomGraphs.graph(42, 20, 60, true, false, false);
        ArrowGraphWriter.write(g, NodeTable.empty(20), dir.resolve("big-nodes.arrow"), edges, 3);
        TableFiles.rows(10).ints("id", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9).write(nodes);
        int firstBadSrc = g.rowPtr()[10]; // entries are written row by row, so sources ≥ 10 start here
        ArrowFormatException e = fails();
        assertWhere(e, edges, "src", firstBadSrc);
        assertTrue(firstBadSrc >= 3, "the bad row must lie beyond the first batch for this test to mean something");
    }

    /** Reading fails with an ArrowFormatException, and cleaning up after it does not (no leaked Arrow memory). */
    private ArrowFormatException fails() {
        ArrowFormatException e = assertThrows(ArrowFormatException.class, () -> ArrowGraphReader.read(dir));
        assertEquals(0, e.getSuppressed().length, () -> "cleaning up after the error failed too (leak?): "
                + Arrays.toString(e.getSuppressed()));
        return e;
    }

    private static void assertWhere(ArrowFormatException e, Path file, String column, long row) {
        String m = e.getMessage();
        assertEquals(file, e.file(), m);
        assertEquals(column, e.column(), m);
        assertEquals(row, e.row(), m);
        assertTrue(m.startsWith(file + ": column '" + column + "'"), m);
        if (row != ArrowFormatException.NO_ROW) {
            assertTrue(m.contains("row " + row + ":"), m);
        }
    }
}
