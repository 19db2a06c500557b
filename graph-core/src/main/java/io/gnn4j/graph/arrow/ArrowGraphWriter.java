package io.gnn4j.graph.arrow;

import static io.gnn4j.graph.arrow.ArrowGraphSchema.DST;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.EDGES_FILE;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.FEATURES;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.ID;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.LABEL;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.NODES_FILE;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.SPLIT;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.SRC;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.WEIGHT;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.NodeTable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;

/**
 * Writes a {@link Graph} and its {@link NodeTable} as the two Arrow IPC files described by {@link ArrowGraphSchema}:
 * {@code nodes.arrow} (ids 0..N−1 in order, features, labels with null for −1, the split column if any) and {@code edges.arrow} (a directed
 * graph's entries row by row; an undirected graph's entries u→v with u ≤ v, each edge once), in record batches of at
 * most {@value #DEFAULT_BATCH_ROWS} rows (fewer node rows when F is large, so that a batch holds at most
 * {@value #MAX_BATCH_FLOATS} feature values). Columns are filled by bulk copies from the graph's arrays into Arrow's
 * off-heap buffers. Files written here load in other Arrow libraries (tested with arrow-js) and back into an equal
 * graph with {@link ArrowGraphReader}.
 */
public final class ArrowGraphWriter {
    /** Rows per record batch: 1 Mi rows, i.e. 4 MiB per int32 column. */
    public static final int DEFAULT_BATCH_ROWS = 1 << 20;

    /** Most feature values in one node record batch: 16 Mi floats, i.e. 64 MiB. */
    public static final int MAX_BATCH_FLOATS = 1 << 24;

    private ArrowGraphWriter() {}

    /** Writes {@code dir/nodes.arrow} (ids only) and {@code dir/edges.arrow}, creating {@code dir} if needed. */
    public static void write(Graph graph, Path dir) throws IOException {
        write(graph, NodeTable.empty(graph.numNodes()), dir);
    }

    /** Writes {@code dir/nodes.arrow} and {@code dir/edges.arrow}, creating {@code dir} if needed. */
    public static void write(Graph graph, NodeTable nodes, Path dir) throws IOException {
        Files.createDirectories(dir);
        write(graph, nodes, dir.resolve(NODES_FILE), dir.resolve(EDGES_FILE),
                DEFAULT_BATCH_ROWS);
    }

    /**
     * Writes {@code dir/nodes.arrow}, with a {@code split} column when the tables have one, and
     * {@code dir/edges.arrow}, creating {@code dir} if needed.
     */
    public static void write(GraphTables tables, Path dir) throws IOException {
        Files.createDirectories(dir);
        write(tables, dir.resolve(NODES_FILE), dir.resolve(EDGES_FILE), DEFAULT_BATCH_ROWS);
    }

    /** Writes the node table to {@code nodesFile} and the edges to {@code edgesFile}, replacing existing files. */
    public static void write(Graph graph, NodeTable nodes, Path nodesFile, Path edgesFile) throws IOException {
        write(graph, nodes, nodesFile, edgesFile, DEFAULT_BATCH_ROWS);
    }

    /**
     * Writes only the node table to {@code nodesFile}, replacing an existing file: e.g. node embeddings as the
     * {@code features} column, which a graph folder can then use as its {@code nodes.arrow}.
     */
    public static void writeNodes(NodeTable nodes, Path nodesFile) throws IOException {
        try (BufferAllocator allocator = new RootAllocator()) {
            writeNodes(nodes, null, nodesFile, DEFAULT_BATCH_ROWS, allocator);
        }
    }

    /** Same, with a chosen batch size (tests use small ones to get several record batches). */
    static void write(Graph graph, NodeTable nodes, Path nodesFile, Path edgesFile, int batchRows) throws IOException {
        if (nodes.numNodes() != graph.numNodes()) {
            throw new IllegalArgumentException("node table has " + nodes.numNodes() + " nodes but the graph has "
                    + graph.numNodes());
        }
        write(new GraphTables(graph, nodes), nodesFile, edgesFile, batchRows);
    }

    static void write(GraphTables tables, Path nodesFile, Path edgesFile, int batchRows) throws IOException {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1, got " + batchRows);
        }
        try (BufferAllocator allocator = new RootAllocator()) {
            writeNodes(tables.nodes(), tables.split(), nodesFile, batchRows, allocator);
            writeEdges(tables.graph(), edgesFile, batchRows, allocator);
        }
    }

    private static void writeNodes(NodeTable nodes, String[] split, Path file, int batchRows,
                                   BufferAllocator allocator) throws IOException {
        int n = nodes.numNodes();
        int f = nodes.numFeatures();
        batchRows = Math.min(batchRows, Math.max(1, MAX_BATCH_FLOATS / Math.max(1, f)));
        int[] ids = new int[Math.min(n, batchRows)];
        var schema = ArrowGraphSchema.nodes(f, nodes.hasLabels(), split != null);
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
            writer.start();
            int from = 0;
            do {
                int k = Math.min(batchRows, n - from);
                for (int i = 0; i < k; i++) {
                    ids[i] = from + i;
                }
                ArrowBuffers.writeInts((IntVector) root.getVector(ID), ids, 0, k);
                if (f > 0) {
                    FixedSizeListVector list = (FixedSizeListVector) root.getVector(FEATURES);
                    list.setInitialCapacity(k);
                    list.allocateNew();
                    ArrowBuffers.writeFloats((Float4Vector) list.getDataVector(), nodes.features(), from * f, k * f);
                    ArrowBuffers.setAllValid(list.getValidityBuffer(), k);
                    list.setValueCount(k);
                }
                if (nodes.hasLabels()) {
                    IntVector labels = (IntVector) root.getVector(LABEL);
                    ArrowBuffers.writeInts(labels, nodes.labels(), from, k);
                    for (int i = 0; i < k; i++) {
                        if (nodes.labels()[from + i] == -1) {
                            BitVectorHelper.unsetBit(labels.getValidityBuffer(), i);
                        }
                    }
                    labels.setValueCount(k);
                }
                if (split != null) {
                    VarCharVector column = (VarCharVector) root.getVector(SPLIT);
                    column.allocateNew(k);
                    for (int i = 0; i < k; i++) {
                        if (split[from + i] == null) {
                            column.setNull(i);
                        } else {
                            column.setSafe(i, split[from + i].getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    column.setValueCount(k);
                }
                root.setRowCount(k);
                writer.writeBatch();
                from += k;
            } while (from < n);
            writer.end();
        }
    }

    private static void writeEdges(Graph graph, Path file, int batchRows, BufferAllocator allocator)
            throws IOException {
        EdgeList edges = EdgeList.of(graph);
        int m = edges.src().length;
        var schema = ArrowGraphSchema.edges(graph.isWeighted(), graph.isDirected(), graph.type().multiEdges());
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
            writer.start();
            int from = 0;
            do {
                int k = Math.min(batchRows, m - from);
                ArrowBuffers.writeInts((IntVector) root.getVector(SRC), edges.src(), from, k);
                ArrowBuffers.writeInts((IntVector) root.getVector(DST), edges.dst(), from, k);
                if (edges.weights() != null) {
                    ArrowBuffers.writeFloats((Float4Vector) root.getVector(WEIGHT), edges.weights(), from, k);
                }
                root.setRowCount(k);
                writer.writeBatch();
                from += k;
            } while (from < m);
            writer.end();
        }
    }

    /** Rows of the edges table: every entry of a directed graph, the entries u→v with u ≤ v of an undirected one. */
    private record EdgeList(int[] src, int[] dst, float[] weights) {
        static EdgeList of(Graph g) {
            int n = g.numNodes();
            int[] rowPtr = g.rowPtr();
            int[] colIdx = g.colIdx();
            float[] w = g.isWeighted() ? g.weights() : null;
            boolean all = g.isDirected();
            int m = 0;
            for (int u = 0; u < n; u++) {
                for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                    if (all || colIdx[k] >= u) {
                        m++;
                    }
                }
            }
            int[] src = new int[m];
            int[] dst = all ? colIdx : new int[m];
            float[] weights = w == null ? null : all ? w : new float[m];
            int e = 0;
            for (int u = 0; u < n; u++) {
                for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                    if (all) {
                        src[k] = u;
                    } else if (colIdx[k] >= u) {
                        src[e] = u;
                        dst[e] = colIdx[k];
                        if (weights != null) {
                            weights[e] = w[k];
                        }
                        e++;
                    }
                }
            }
            return new EdgeList(src, dst, weights);
        }
    }
}
