package io.gnn4j.graph.arrow;

import static io.gnn4j.graph.arrow.ArrowGraphSchema.DIRECTED_KEY;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.DST;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.EDGES_FILE;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.FEATURES;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.FLOAT32;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.ID;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.INT32;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.LABEL;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.MULTI_EDGES_KEY;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.NODES_FILE;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.SPLIT;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.SRC;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.UTF8;
import static io.gnn4j.graph.arrow.ArrowGraphSchema.WEIGHT;

import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.NodeTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Reads a graph and its node table from the two Arrow IPC files described by {@link ArrowGraphSchema}, written by
 * gnn4j or by another Arrow library (tested with arrow-js). Columns are copied straight from Arrow's off-heap buffers
 * into the int/float arrays the CSR build and the {@link NodeTable} keep (one bulk copy per column and record batch;
 * a single-batch file is read into arrays of exactly the right size). Node rows may come in any order: row r holds
 * node {@code id[r]}, and the ids must be a permutation of 0..N−1; a null label reads as −1. The features are the
 * {@code features} list column or, without it, the float32 columns in schema order; a {@code split} column must
 * hold train, val, test or null. No schema metadata is needed on the node table. The edges are built
 * through {@link GraphBuilder}: directed unless the schema metadata says {@code gnn4j.directed=false}; an undirected
 * table is stored both ways with duplicate pairs merged (keeping the largest weight, so a table that lists both
 * directions gives one edge), unless {@code gnn4j.multiEdges=true} asks to keep them. A weight column without rows
 * gives an unweighted graph. Every problem raises an {@link ArrowFormatException} naming the file, the column and
 * the row.
 */
public final class ArrowGraphReader {
    private ArrowGraphReader() {}

    /** Reads {@code dir/nodes.arrow} and {@code dir/edges.arrow}. */
    public static GraphTables read(Path dir) throws IOException {
        return read(dir.resolve(NODES_FILE), dir.resolve(EDGES_FILE));
    }

    /** Reads a node table file and an edge table file. */
    public static GraphTables read(Path nodesFile, Path edgesFile) throws IOException {
        try (BufferAllocator allocator = new RootAllocator()) {
            Nodes nodes;
            try (ArrowTableReader t = ArrowTableReader.open(nodesFile, allocator)) {
                nodes = readNodes(t);
            }
            Graph graph;
            try (ArrowTableReader t = ArrowTableReader.open(edgesFile, allocator)) {
                graph = readEdges(t, nodes.table().numNodes(), nodesFile);
            }
            return new GraphTables(graph, nodes.table(), nodes.split());
        }
    }

    /** The node table and its split column by node id (null when absent). */
    private record Nodes(NodeTable table, String[] split) {}

    private static Nodes readNodes(ArrowTableReader t) throws ArrowFormatException {
        Path file = t.file();
        t.require(ID, INT32);
        List<String> columns = featureColumns(t);
        int f = columns == null ? featureWidth(t) : columns.size();
        boolean labelled = t.optional(LABEL, INT32) != null;
        boolean hasSplit = t.optional(SPLIT, UTF8) != null;
        int[] ids = new int[0];
        float[] features = new float[0];
        float[] column = columns == null ? null : new float[0];
        int[] labels = labelled ? new int[0] : null;
        String[] split = hasSplit ? new String[0] : null;
        int n = 0;
        while (t.nextBatch()) {
            int k = t.rowCount();
            long first = t.firstRow();
            long total = (long) n + k;
            if (total > Integer.MAX_VALUE - 8 || total * f > Integer.MAX_VALUE - 8) {
                throw new ArrowFormatException(file, ID, first, "more than " + (Integer.MAX_VALUE - 8)
                        + " nodes or feature values: too large for gnn4j's int32 node ids and Java arrays");
            }
            ids = grow(ids, (int) total);
            ArrowBuffers.readInts(file, ID, first, (IntVector) t.vector(ID), k, ids, n, false, 0);
            if (columns != null && f > 0) {
                features = grow(features, (int) total * f);
                column = grow(column, k);
                for (int j = 0; j < f; j++) {
                    String c = columns.get(j);
                    ArrowBuffers.readFloats(file, c, first, 1, (Float4Vector) t.vector(c), k, column, 0);
                    for (int i = 0; i < k; i++) {
                        features[(n + i) * f + j] = column[i];
                    }
                }
            } else if (f > 0) {
                features = grow(features, (int) total * f);
                FixedSizeListVector list = (FixedSizeListVector) t.vector(FEATURES);
                ArrowBuffers.requireNoNulls(file, FEATURES, first, list, k);
                ArrowBuffers.readFloats(file, FEATURES, first, f, (Float4Vector) list.getDataVector(),
                        k * f, features, n * f);
            }
            if (labelled) {
                labels = grow(labels, (int) total);
                ArrowBuffers.readInts(file, LABEL, first, (IntVector) t.vector(LABEL), k, labels, n, true, -1);
            }
            if (hasSplit) {
                split = Arrays.copyOf(split, (int) total);
                readSplit(file, first, (VarCharVector) t.vector(SPLIT), k, split, n);
            }
            n = (int) total;
        }
        ids = trim(ids, n);
        features = trim(features, n * f);
        labels = labels == null ? null : trim(labels, n);
        for (int r = 0; labels != null && r < n; r++) {
            if (labels[r] < -1) {
                throw new ArrowFormatException(file, LABEL, r, "label " + labels[r]
                        + " is below -1 (an unlabelled node has a null label, or -1)");
            }
        }
        return placeById(file, ids, n, f, features, labels, split);
    }

    /**
     * The names of the float32 feature columns when the table has no {@code features} list column (none: F = 0),
     * or null when it has one. A floating-point column of another precision is an error, not a dropped feature.
     */
    private static List<String> featureColumns(ArrowTableReader t) throws ArrowFormatException {
        if (t.optional(FEATURES, null) != null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Field field : t.schema().getFields()) {
            String name = field.getName();
            if (name.equals(ID) || name.equals(LABEL) || name.equals(SPLIT)
                    || !(field.getType() instanceof ArrowType.FloatingPoint)) {
                continue;
            }
            t.optional(name, FLOAT32);
            out.add(name);
        }
        return out;
    }

    /** Copies the {@code count} values of the utf8 split column, each train, val, test or null. */
    private static void readSplit(Path file, long firstRow, VarCharVector v, int count, String[] dst, int dstOffset)
            throws ArrowFormatException {
        for (int i = 0; i < count; i++) {
            if (v.isNull(i)) {
                continue;
            }
            String value = new String(v.get(i), StandardCharsets.UTF_8);
            if (!GraphTables.SPLIT_VALUES.contains(value)) {
                throw new ArrowFormatException(file, SPLIT, firstRow + i, "expected one of "
                        + GraphTables.SPLIT_VALUES + " or null, found '" + value + "'");
            }
            dst[dstOffset + i] = value;
        }
    }

    /** F from the type of the features column (FixedSizeList of float32), or 0 when there is no such column. */
    private static int featureWidth(ArrowTableReader t) throws ArrowFormatException {
        Field field = t.optional(FEATURES, null);
        if (field == null) {
            return 0;
        }
        if (!(field.getType() instanceof ArrowType.FixedSizeList list) || field.getChildren().size() != 1
                || !FLOAT32.equals(field.getChildren().getFirst().getType())
                || field.getChildren().getFirst().getDictionary() != null) {
            String found = ArrowGraphSchema.describe(field.getType()) + (field.getChildren().isEmpty() ? ""
                    : "<" + ArrowGraphSchema.describe(field.getChildren().getFirst().getType()) + ">");
            throw new ArrowFormatException(t.file(), FEATURES,
                    "expected FixedSizeList<float32>[F], found " + found);
        }
        return list.getListSize();
    }

    /** Puts row r's values at node {@code ids[r]}, checking that the ids are a permutation of 0..n−1. */
    private static Nodes placeById(Path file, int[] ids, int n, int f, float[] features, int[] labels,
                                   String[] split) throws ArrowFormatException {
        boolean identity = true;
        int[] rowOf = new int[n];
        Arrays.fill(rowOf, -1);
        for (int r = 0; r < n; r++) {
            int id = ids[r];
            if (id < 0 || id >= n) {
                throw new ArrowFormatException(file, ID, r, "node id " + id + " is out of range [0, "
                        + n + "): the ids of a table with " + n + " rows must be 0.." + (n - 1));
            }
            if (rowOf[id] >= 0) {
                throw new ArrowFormatException(file, ID, r, "node id " + id + " repeats row " + rowOf[id]
                        + ": the ids of a table with " + n + " rows must be 0.." + (n - 1) + ", each once");
            }
            rowOf[id] = r;
            identity &= id == r;
        }
        if (identity) {
            return new Nodes(new NodeTable(n, f, features, labels), split);
        }
        float[] byNode = new float[features.length];
        int[] labelsByNode = labels == null ? null : new int[n];
        String[] splitByNode = split == null ? null : new String[n];
        for (int u = 0; u < n; u++) {
            int r = rowOf[u];
            System.arraycopy(features, r * f, byNode, u * f, f);
            if (labels != null) {
                labelsByNode[u] = labels[r];
            }
            if (split != null) {
                splitByNode[u] = split[r];
            }
        }
        return new Nodes(new NodeTable(n, f, byNode, labelsByNode), splitByNode);
    }

    private static Graph readEdges(ArrowTableReader t, int numNodes, Path nodesFile) throws ArrowFormatException {
        Path file = t.file();
        t.require(SRC, INT32);
        t.require(DST, INT32);
        boolean weighted = t.optional(WEIGHT, FLOAT32) != null;
        Map<String, String> metadata = t.schema().getCustomMetadata();
        boolean directed = flag(file, metadata, DIRECTED_KEY, true);
        boolean multiEdges = flag(file, metadata, MULTI_EDGES_KEY, false);
        int[] src = new int[0];
        int[] dst = new int[0];
        float[] weights = weighted ? new float[0] : null;
        int m = 0;
        while (t.nextBatch()) {
            int k = t.rowCount();
            long first = t.firstRow();
            long total = (long) m + k;
            if (total > Integer.MAX_VALUE - 8) {
                throw new ArrowFormatException(file, SRC, first, "more than " + (Integer.MAX_VALUE - 8)
                        + " edges: too large for a CSR graph with int32 offsets");
            }
            src = grow(src, (int) total);
            dst = grow(dst, (int) total);
            ArrowBuffers.readInts(file, SRC, first, (IntVector) t.vector(SRC), k, src, m, false, 0);
            ArrowBuffers.readInts(file, DST, first, (IntVector) t.vector(DST), k, dst, m, false, 0);
            if (weighted) {
                weights = grow(weights, (int) total);
                ArrowBuffers.readFloats(file, WEIGHT, first, 1, (Float4Vector) t.vector(WEIGHT), k, weights, m);
            }
            m = (int) total;
        }
        src = trim(src, m);
        dst = trim(dst, m);
        checkIds(file, SRC, src, numNodes, nodesFile);
        checkIds(file, DST, dst, numNodes, nodesFile);
        GraphBuilder builder = directed ? GraphBuilder.directed(numNodes) : GraphBuilder.undirected(numNodes);
        if (!directed && multiEdges) {
            builder.duplicates(DuplicateEdges.KEEP);
        }
        if (weighted) {
            weights = trim(weights, m);
            for (int e = 0; e < m; e++) {
                if (!Float.isFinite(weights[e])) {
                    throw new ArrowFormatException(file, WEIGHT, e, "weight " + weights[e] + " is not finite");
                }
            }
            builder.addEdges(src, dst, weights);
        } else {
            builder.addEdges(src, dst);
        }
        return builder.build();
    }

    private static void checkIds(Path file, String column, int[] ids, int numNodes, Path nodesFile)
            throws ArrowFormatException {
        for (int e = 0; e < ids.length; e++) {
            int id = ids[e];
            if (id < 0 || id >= numNodes) {
                throw new ArrowFormatException(file, column, e, "node id " + id + " is out of range [0, " + numNodes
                        + ") (" + nodesFile.getFileName() + " has " + numNodes + " nodes)");
            }
        }
    }

    private static boolean flag(Path file, Map<String, String> metadata, String key, boolean absent)
            throws ArrowFormatException {
        String value = metadata == null ? null : metadata.get(key);
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ArrowFormatException(file, null, ArrowFormatException.NO_ROW, "schema metadata '" + key
                    + "': expected true or false, found '" + value + "'");
        };
    }

    /** {@code a} itself when it holds at least {@code length} elements, else a copy grown by at least half. */
    private static int[] grow(int[] a, int length) {
        return a.length >= length ? a : Arrays.copyOf(a, grownLength(a.length, length));
    }

    private static float[] grow(float[] a, int length) {
        return a.length >= length ? a : Arrays.copyOf(a, grownLength(a.length, length));
    }

    /** Exactly {@code needed} for the first batch (a one-batch file gets exact arrays), then at least 1.5× growth. */
    private static int grownLength(int current, int needed) {
        long grown = Math.max(needed, current + (long) (current >> 1));
        return current == 0 ? needed : (int) Math.min(Integer.MAX_VALUE - 8, grown);
    }

    private static int[] trim(int[] a, int length) {
        return a.length == length ? a : Arrays.copyOf(a, length);
    }

    private static float[] trim(float[] a, int length) {
        return a.length == length ? a : Arrays.copyOf(a, length);
    }
}
