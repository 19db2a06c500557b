package io.gnn4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Many small graphs stored as one block-diagonal {@link Graph}, the mini-batch of graph-level tasks (as PyG's
 * {@code Batch}): graph g owns the nodes {@code [nodeOffsets[g], nodeOffsets[g+1])} and the stored entries
 * {@code [entryOffsets[g], entryOffsets[g+1])}, and {@code graphIndex[u]} (PyG's {@code batch} vector) names the
 * graph of node u. The block-diagonal CSR is built by shifting each graph's arrays, in O(N + E) with no sorting;
 * {@link #unbatch()} gives back graphs equal to the inputs (same arrays, same {@link GraphType}). How a per-graph
 * data column (features, labels, node-id lists) is concatenated is declared by a {@link Column}, never guessed.
 */
public final class GraphBatch {
    /** Largest number of stored entries or nodes a batch may hold (the CSR limit of {@link GraphBuilder}). */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private final Graph graph;
    private final int[] nodeOffsets;
    private final int[] entryOffsets;
    private final int[] graphIndex;
    private final GraphType[] types;
    private final boolean[] hasWeights;
    private final int[] graphOffsets;

    private GraphBatch(Graph graph, int[] nodeOffsets, int[] entryOffsets, int[] graphIndex, GraphType[] types,
                       boolean[] hasWeights) {
        this.graph = graph;
        this.nodeOffsets = nodeOffsets;
        this.entryOffsets = entryOffsets;
        this.graphIndex = graphIndex;
        this.types = types;
        this.hasWeights = hasWeights;
        this.graphOffsets = new int[types.length + 1]; // one row per graph: offsets 0, 1, ..., G
        for (int g = 0; g <= types.length; g++) {
            graphOffsets[g] = g;
        }
    }

    /** Which index a column's rows follow: one row per node, per stored entry, or per graph. */
    public enum Axis {
        /** One row per node; graph g contributes {@code numNodes(g)} rows. */
        NODE,
        /** One row per stored entry (CSR order); graph g contributes {@code numEntries(g)} rows. */
        ENTRY,
        /** One row per graph. */
        GRAPH
    }

    /**
     * How one per-graph column is concatenated into the batch (the single place this is declared, STYLE rule 11):
     * its rows follow {@code axis}, each row holds {@code width} values stored row-major, and, for int columns
     * only, {@code nodeIds} says the values are node ids of their own graph, which the batch shifts by the graph's
     * node offset (as PyG's {@code __inc__} does for {@code edge_index}).
     *
     * @param axis    which index the rows follow
     * @param width   values per row, ≥ 1
     * @param nodeIds whether int values are node ids to shift by the graph's node offset
     */
    public record Column(Axis axis, int width, boolean nodeIds) {
        public Column {
            Objects.requireNonNull(axis, "axis");
            if (width < 1) {
                throw new IllegalArgumentException("column width must be >= 1, got " + width);
            }
        }

        /** Node features: N_g×width per graph, row-major, values copied as they are. */
        public static Column nodes(int width) {
            return new Column(Axis.NODE, width, false);
        }

        /** Entry (edge) features: E_g×width per graph in CSR order, values copied as they are. */
        public static Column entries(int width) {
            return new Column(Axis.ENTRY, width, false);
        }

        /** Graph-level values (labels, targets): 1×width per graph, values copied as they are. */
        public static Column graphs(int width) {
            return new Column(Axis.GRAPH, width, false);
        }

        /** Node ids of each graph (e.g. a root node per graph) laid out along {@code axis}, shifted into the batch. */
        public static Column nodeIds(Axis axis, int width) {
            return new Column(axis, width, true);
        }
    }

    /**
     * Batches {@code graphs} (at least one; all directed or all undirected) into one block-diagonal graph. The
     * batch is weighted when any input is (unweighted inputs contribute weight 1); its type has self loops or
     * multi-edges when any input has.
     *
     * @throws IllegalArgumentException when the list is empty, directedness differs, or the total number of
     *                                  nodes or entries exceeds {@link #MAX_SIZE}
     */
    public static GraphBatch of(List<Graph> graphs) {
        int count = graphs.size();
        if (count == 0) {
            throw new IllegalArgumentException("a batch needs at least one graph, got 0");
        }
        boolean directed = graphs.get(0).isDirected();
        boolean weighted = false, selfLoops = false, multiEdges = false;
        int[] nodeOffsets = new int[count + 1];
        int[] entryOffsets = new int[count + 1];
        GraphType[] types = new GraphType[count];
        boolean[] hasWeights = new boolean[count];
        long nodes = 0, entries = 0;
        for (int g = 0; g < count; g++) {
            Graph x = Objects.requireNonNull(graphs.get(g), "graph " + g);
            if (x.isDirected() != directed) {
                throw new IllegalArgumentException("graph " + g + " is " + (x.isDirected() ? "directed" : "undirected")
                        + " but graph 0 is " + (directed ? "directed" : "undirected"));
            }
            types[g] = x.type();
            hasWeights[g] = x.isWeighted();
            weighted |= x.isWeighted();
            selfLoops |= x.type().selfLoops();
            multiEdges |= x.type().multiEdges();
            nodes += x.numNodes();
            entries += x.numEntries();
            if (nodes > MAX_SIZE || entries > MAX_SIZE) {
                throw new IllegalArgumentException("batch too large after graph " + g + ": " + nodes + " nodes and "
                        + entries + " entries, the limit is " + MAX_SIZE + " of each");
            }
            nodeOffsets[g + 1] = (int) nodes;
            entryOffsets[g + 1] = (int) entries;
        }
        int n = (int) nodes, e = (int) entries;
        int[] rowPtr = new int[n + 1];
        int[] colIdx = new int[e];
        float[] w = weighted ? new float[e] : null;
        int[] graphIndex = new int[n];
        for (int g = 0; g < count; g++) {
            Graph x = graphs.get(g);
            int n0 = nodeOffsets[g], e0 = entryOffsets[g], ng = x.numNodes(), eg = x.numEntries();
            int[] xr = x.rowPtr(), xc = x.colIdx();
            // Rows stay sorted: adding the same offset to every target of a row keeps their order.
            for (int u = 0; u < ng; u++) {
                rowPtr[n0 + u + 1] = e0 + xr[u + 1];
                graphIndex[n0 + u] = g;
            }
            for (int k = 0; k < eg; k++) {
                colIdx[e0 + k] = n0 + xc[k];
            }
            if (w != null) {
                if (x.isWeighted()) {
                    System.arraycopy(x.weights(), 0, w, e0, eg);
                } else {
                    Arrays.fill(w, e0, e0 + eg, 1f);
                }
            }
        }
        Graph batched = new Graph(n, rowPtr, colIdx, w, new GraphType(directed, weighted, selfLoops, multiEdges));
        return new GraphBatch(batched, nodeOffsets, entryOffsets, graphIndex, types, hasWeights);
    }

    /** The block-diagonal graph of the whole batch. */
    public Graph graph() {
        return graph;
    }

    /** Number of graphs G in the batch. */
    public int numGraphs() {
        return types.length;
    }

    /** Node offsets ({@code ptr}), length G+1, no copy: graph g owns nodes {@code [ptr[g], ptr[g+1])}. */
    public int[] nodeOffsets() {
        return nodeOffsets;
    }

    /** Entry offsets, length G+1, no copy: graph g owns stored entries {@code [offsets[g], offsets[g+1])}. */
    public int[] entryOffsets() {
        return entryOffsets;
    }

    /** The graph of every node (PyG's {@code batch}), length N, no copy. */
    public int[] graphIndex() {
        return graphIndex;
    }

    /** The graph that node {@code u} of the batch belongs to. */
    public int graphOf(int u) {
        graph.checkNode(u);
        return graphIndex[u];
    }

    /** Number of nodes of graph g. */
    public int numNodes(int g) {
        checkGraph(g);
        return nodeOffsets[g + 1] - nodeOffsets[g];
    }

    /** Number of stored entries of graph g. */
    public int numEntries(int g) {
        checkGraph(g);
        return entryOffsets[g + 1] - entryOffsets[g];
    }

    /** Graph g cut back out of the batch, equal to the g-th input (ids from 0, same type, weights only if it had). */
    public Graph get(int g) {
        checkGraph(g);
        int n0 = nodeOffsets[g], ng = nodeOffsets[g + 1] - n0;
        int e0 = entryOffsets[g], eg = entryOffsets[g + 1] - e0;
        int[] bRow = graph.rowPtr(), bCol = graph.colIdx();
        int[] rowPtr = new int[ng + 1];
        for (int u = 0; u <= ng; u++) {
            rowPtr[u] = bRow[n0 + u] - e0;
        }
        int[] colIdx = new int[eg];
        for (int k = 0; k < eg; k++) {
            colIdx[k] = bCol[e0 + k] - n0;
        }
        float[] w = hasWeights[g] ? Arrays.copyOfRange(graph.weights(), e0, e0 + eg) : null;
        return new Graph(ng, rowPtr, colIdx, w, types[g]);
    }

    /** Every graph of the batch, in order: the inverse of {@link #of(List)}. */
    public List<Graph> unbatch() {
        List<Graph> out = new ArrayList<>(types.length);
        for (int g = 0; g < types.length; g++) {
            out.add(get(g));
        }
        return out;
    }

    /**
     * Concatenates one float column, given per graph as row-major arrays of {@code rows(g) × width} values, into
     * one array of {@code rows × width} values in batch order; {@code column.nodeIds()} must be false.
     */
    public float[] concatFloats(Column column, List<float[]> parts) {
        if (column.nodeIds()) {
            throw new IllegalArgumentException("a float column cannot hold node ids; use concatInts");
        }
        int[] offsets = offsets(column.axis());
        requireParts(parts.size());
        float[] out = new float[Math.multiplyExact(offsets[types.length], column.width())];
        for (int g = 0; g < types.length; g++) {
            float[] p = parts.get(g);
            int len = requireLength(column, g, p.length, offsets);
            System.arraycopy(p, 0, out, offsets[g] * column.width(), len);
        }
        return out;
    }

    /** Node features, {@code N_g × f} per graph, concatenated: {@code concatFloats(Column.nodes(f), parts)}. */
    public float[] concatNodeFeatures(List<float[]> parts, int f) {
        return concatFloats(Column.nodes(f), parts);
    }

    /** The inverse of {@link #concatFloats}: one batched column cut into one array per graph. */
    public List<float[]> splitFloats(Column column, float[] batched) {
        if (column.nodeIds()) {
            throw new IllegalArgumentException("a float column cannot hold node ids; use splitInts");
        }
        int[] offsets = offsets(column.axis());
        int w = column.width();
        requireBatchedLength(column, batched.length, offsets);
        List<float[]> out = new ArrayList<>(types.length);
        for (int g = 0; g < types.length; g++) {
            out.add(Arrays.copyOfRange(batched, offsets[g] * w, offsets[g + 1] * w));
        }
        return out;
    }

    /**
     * Concatenates one int column (labels, or node ids when {@code column.nodeIds()}, which are checked to lie in
     * their graph and shifted by its node offset) into one array in batch order.
     */
    public int[] concatInts(Column column, List<int[]> parts) {
        int[] offsets = offsets(column.axis());
        requireParts(parts.size());
        int[] out = new int[Math.multiplyExact(offsets[types.length], column.width())];
        for (int g = 0; g < types.length; g++) {
            int[] p = parts.get(g);
            int len = requireLength(column, g, p.length, offsets);
            int base = offsets[g] * column.width();
            if (column.nodeIds()) {
                int n0 = nodeOffsets[g], ng = nodeOffsets[g + 1] - n0;
                for (int i = 0; i < len; i++) {
                    if (p[i] < 0 || p[i] >= ng) {
                        throw new IllegalArgumentException("graph " + g + ", value " + i + ": node id " + p[i]
                                + " is out of range [0, " + ng + ")");
                    }
                    out[base + i] = p[i] + n0;
                }
            } else {
                System.arraycopy(p, 0, out, base, len);
            }
        }
        return out;
    }

    /** The inverse of {@link #concatInts}: node ids are shifted back to each graph's own ids. */
    public List<int[]> splitInts(Column column, int[] batched) {
        int[] offsets = offsets(column.axis());
        int w = column.width();
        requireBatchedLength(column, batched.length, offsets);
        List<int[]> out = new ArrayList<>(types.length);
        for (int g = 0; g < types.length; g++) {
            int[] p = Arrays.copyOfRange(batched, offsets[g] * w, offsets[g + 1] * w);
            if (column.nodeIds()) {
                for (int i = 0; i < p.length; i++) {
                    p[i] -= nodeOffsets[g];
                }
            }
            out.add(p);
        }
        return out;
    }

    private int[] offsets(Axis axis) {
        return switch (axis) {
            case NODE -> nodeOffsets;
            case ENTRY -> entryOffsets;
            case GRAPH -> graphOffsets;
        };
    }

    private void requireParts(int size) {
        if (size != types.length) {
            throw new IllegalArgumentException("got " + size + " per-graph arrays for a batch of " + types.length + " graphs");
        }
    }

    private static int requireLength(Column column, int g, int length, int[] offsets) {
        long expected = (long) (offsets[g + 1] - offsets[g]) * column.width();
        if (length != expected) {
            throw new IllegalArgumentException("graph " + g + ": " + column.axis() + " column has " + length
                    + " values, expected " + expected + " (" + (offsets[g + 1] - offsets[g]) + " rows × " + column.width() + ")");
        }
        return length;
    }

    private void requireBatchedLength(Column column, int length, int[] offsets) {
        long expected = (long) offsets[types.length] * column.width();
        if (length != expected) {
            throw new IllegalArgumentException("batched " + column.axis() + " column has " + length + " values, expected "
                    + expected + " (" + offsets[types.length] + " rows × " + column.width() + ")");
        }
    }

    private void checkGraph(int g) {
        if (g < 0 || g >= types.length) {
            throw new IllegalArgumentException("graph index " + g + " is out of range [0, " + types.length + ")");
        }
    }

    @Override
    public String toString() {
        return "GraphBatch(graphs=" + types.length + ", " + graph + ")";
    }
}
