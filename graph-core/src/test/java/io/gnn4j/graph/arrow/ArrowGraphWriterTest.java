package io.gnn4j.graph.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.NodeTable;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrowGraphWriterTest {
    @TempDir
    Path dir;

    @Test
    void splitColumnRoundTrips() throws IOException {
        Graph g = GraphBuilder.undirected(4).addEdge(0, 1).addEdge(2, 3).build();
        String[] split = {"train", null, "val", "test"};
        NodeTable nodes = new NodeTable(4, 1, new float[] {1, 2, 3, 4}, new int[] {0, 1, -1, 1});
        ArrowGraphWriter.write(new GraphTables(g, nodes, split), dir);
        GraphTables back = ArrowGraphReader.read(dir);
        assertArrayEquals(split, back.split());
        assertArrayEquals(nodes.labels(), back.nodes().labels());
        assertNull(ArrowGraphReader.read(writeWithoutSplit(g, nodes)).split());
        assertThrows(IllegalArgumentException.class, () -> new GraphTables(g, nodes, new String[] {"a", null, null, null}));
    }

    private Path writeWithoutSplit(Graph g, NodeTable nodes) throws IOException {
        Path plain = dir.resolve("plain");
        ArrowGraphWriter.write(g, nodes, plain);
        return plain;
    }

    @ParameterizedTest(name = "seed={0} n={1} m={2} directed={3} weighted={4} multi={5} F={6} labels={7} batch={8}")
    @CsvSource({
            "1, 50, 200, true, true, false, 8, true, 1048576",
            "2, 50, 200, false, true, false, 8, true, 1048576",
            "3, 50, 200, true, false, false, 0, false, 1048576",
            "4, 50, 200, false, false, false, 3, false, 1048576",
            "5, 40, 300, true, true, true, 1, true, 7",
            "6, 40, 300, false, true, true, 5, true, 7",
            "7, 40, 300, false, false, true, 0, true, 16",
            "8, 1, 3, false, true, false, 2, true, 1",
            "9, 30, 0, true, false, false, 4, true, 8",
            "10, 0, 0, true, false, false, 0, false, 1048576",
            "11, 0, 0, false, true, false, 6, true, 3",
            "12, 1000, 5000, true, true, false, 17, true, 333",
    })
    void randomGraphsRoundTrip(long seed, int n, int m, boolean directed, boolean weighted, boolean multi, int f,
                               boolean labelled, int batchRows) throws IOException {
        Graph g = RandomGraphs.graph(seed, n, m, directed, weighted, multi);
        NodeTable nodes = RandomGraphs.nodes(seed, n, f, labelled);
        ArrowGraphWriter.write(g, nodes, dir.resolve("nodes.arrow"), dir.resolve("edges.arrow"), batchRows);

        GraphTables back = ArrowGraphReader.read(dir);

        assertSameGraph(g, back.graph());
        assertEquals(n, back.nodes().numNodes());
        assertEquals(f, back.nodes().numFeatures());
        assertArrayEquals(nodes.features(), back.nodes().features()); // bitwise: NaN, -0 and ±inf survive
        assertArrayEquals(nodes.labels(), back.nodes().labels());
    }

    @Test
    void isolatedNodesSurviveTheRoundTrip() throws IOException {
        Graph g = GraphBuilder.directed(6).addEdge(1, 2).build(); // 0, 3, 4, 5 have no edges at all
        ArrowGraphWriter.write(g, dir);
        GraphTables back = ArrowGraphReader.read(dir);
        assertEquals(6, back.graph().numNodes());
        assertSameGraph(g, back.graph());
        assertEquals(0, back.nodes().numFeatures());
        assertFalse(back.nodes().hasLabels());
    }

    @Test
    void aNodeTableWrittenAloneReplacesTheNodesOfAGraphFolder() throws IOException {
        Graph g = GraphBuilder.undirected(3).addEdge(0, 1).addEdge(1, 2).build();
        ArrowGraphWriter.write(g, dir);
        NodeTable embedding = new NodeTable(3, 2, new float[] {1, -2, 0.5f, 0, -0f, 3e38f}, null);
        ArrowGraphWriter.writeNodes(embedding, dir.resolve(ArrowGraphSchema.NODES_FILE));
        GraphTables back = ArrowGraphReader.read(dir);
        assertSameGraph(g, back.graph());
        assertEquals(2, back.nodes().numFeatures());
        assertArrayEquals(embedding.features(), back.nodes().features());
        assertFalse(back.nodes().hasLabels());
    }

    @Test
    void undirectedGraphIsWrittenOnceWithUBelowV() throws IOException {
        // Stored entries: 0→1, 0→2, 1→0, 1→1, 2→0; the table must list 0→1, 0→2, 1→1 (self loop once).
        Graph g = GraphBuilder.undirected(3).addEdge(1, 0, 0.5f).addEdge(2, 0, 2f).addEdge(1, 1, -1f).build();
        ArrowGraphWriter.write(g, dir);
        EdgeRows rows = readEdgeRows(dir.resolve("edges.arrow"));
        assertArrayEquals(new int[] {0, 0, 1}, rows.src);
        assertArrayEquals(new int[] {1, 2, 1}, rows.dst);
        assertArrayEquals(new float[] {0.5f, 2f, -1f}, rows.weight);
        assertEquals(Map.of(ArrowGraphSchema.DIRECTED_KEY, "false", ArrowGraphSchema.MULTI_EDGES_KEY, "false"), rows.metadata);
    }

    @Test
    void directedGraphIsWrittenEntryByEntryWithoutWeightColumn() throws IOException {
        Graph g = GraphBuilder.directed(3).addEdge(2, 0).addEdge(0, 1).addEdge(0, 1).build();
        ArrowGraphWriter.write(g, dir);
        EdgeRows rows = readEdgeRows(dir.resolve("edges.arrow"));
        assertArrayEquals(new int[] {0, 0, 2}, rows.src);
        assertArrayEquals(new int[] {1, 1, 0}, rows.dst);
        assertNull(rows.weight);
        assertEquals(List.of("src", "dst"), rows.columns);
        assertEquals(Map.of(ArrowGraphSchema.DIRECTED_KEY, "true", ArrowGraphSchema.MULTI_EDGES_KEY, "true"), rows.metadata);
    }

    @Test
    void smallBatchesGiveSeveralRecordBatches() throws IOException {
        Graph g = RandomGraphs.graph(3, 20, 50, true, true, false);
        ArrowGraphWriter.write(g, NodeTable.empty(20), dir.resolve("nodes.arrow"), dir.resolve("edges.arrow"), 8);
        try (BufferAllocator a = new RootAllocator();
             ArrowFileReader r = new ArrowFileReader(FileChannel.open(dir.resolve("edges.arrow")), a)) {
            assertEquals((g.numEntries() + 7) / 8, r.getRecordBlocks().size());
        }
        assertSameGraph(g, ArrowGraphReader.read(dir).graph());
    }

    @Test
    void nodeTableOfOtherSizeIsRejected() {
        Graph g = GraphBuilder.directed(3).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArrowGraphWriter.write(g, NodeTable.empty(4), dir));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("3"), e.getMessage());
    }

    /** Same nodes, type, and CSR arrays, entry for entry (weights bitwise). */
    static void assertSameGraph(Graph expected, Graph actual) {
        assertEquals(expected.numNodes(), actual.numNodes(), "numNodes");
        assertEquals(expected.type(), actual.type(), "type");
        assertArrayEquals(expected.rowPtr(), actual.rowPtr(), "rowPtr");
        assertArrayEquals(expected.colIdx(), actual.colIdx(), "colIdx");
        if (expected.isWeighted()) {
            assertArrayEquals(expected.weights(), actual.weights(), "weights");
        }
    }

    private record EdgeRows(List<String> columns, Map<String, String> metadata, int[] src, int[] dst, float[] weight) {}

    /** Reads an edges file value by value through Arrow's own accessors (no gnn4j code involved). */
    private static EdgeRows readEdgeRows(Path file) throws IOException {
        try (BufferAllocator a = new RootAllocator();
             ArrowFileReader r = new ArrowFileReader(FileChannel.open(file), a)) {
            VectorSchemaRoot root = r.getVectorSchemaRoot();
            LongArrayList pairs = new LongArrayList();
            FloatArrayList weights = new FloatArrayList();
            boolean weighted = root.getSchema().getFields().size() == 3;
            while (r.loadNextBatch()) {
                IntVector s = (IntVector) root.getVector("src");
                IntVector d = (IntVector) root.getVector("dst");
                for (int i = 0; i < root.getRowCount(); i++) {
                    pairs.add(((long) s.get(i) << 32) | (d.get(i) & 0xFFFFFFFFL));
                    if (weighted) {
                        weights.add(((Float4Vector) root.getVector("weight")).get(i));
                    }
                }
            }
            int[] src = new int[pairs.size()];
            int[] dst = new int[pairs.size()];
            for (int i = 0; i < src.length; i++) {
                src[i] = (int) (pairs.getLong(i) >> 32);
                dst[i] = (int) pairs.getLong(i);
            }
            return new EdgeRows(root.getSchema().getFields().stream().map(Field::getName).toList(),
                    root.getSchema().getCustomMetadata(), src, dst, weighted ? weights.toFloatArray() : null);
        }
    }
}
