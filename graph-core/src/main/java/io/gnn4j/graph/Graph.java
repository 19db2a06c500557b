package io.gnn4j.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable graph on nodes {@code 0..N-1} stored as the CSR form of its adjacency matrix A: the entries of
 * row u are the edges u→v, with targets {@code colIdx[rowPtr[u] .. rowPtr[u+1])} sorted ascending and, when the
 * graph is weighted, their weights at the same positions in {@code weights}. An undirected graph stores each edge
 * in both directions (a self loop once). The transpose Aᵀ (the CSC form of A, i.e. incoming edges per node) is
 * built lazily once and cached, and so is every other structure {@link Derived} from the graph: they live exactly as
 * long as the graph. Instances come from {@link GraphBuilder}; the arrays are never modified after
 * construction, so accessors return them without copying.
 */
public final class Graph {
    private final int numNodes;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final float[] weights;
    private final GraphType type;
    private volatile Graph transpose;
    /** Structures derived from this graph, by key; guarded by {@code this}, created on first use. */
    private Map<Derived<?>, Object> derived;

    /**
     * Wraps CSR arrays that the caller hands over and never modifies again; for {@link GraphBuilder} and
     * transformations that have already established the invariants (rows sorted, ids in range).
     */
    Graph(int numNodes, int[] rowPtr, int[] colIdx, float[] weights, GraphType type) {
        this.numNodes = numNodes;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.weights = weights;
        this.type = type;
    }

    /** Number of nodes N. */
    public int numNodes() {
        return numNodes;
    }

    /** Number of stored entries E (an undirected edge u–v with u ≠ v counts twice). */
    public int numEntries() {
        return rowPtr[numNodes];
    }

    /** Number of edges as a user counts them: E for a directed graph, undirected pairs (self loops once) otherwise. */
    public long numEdges() {
        if (type.directed()) {
            return numEntries();
        }
        long selfLoops = 0;
        for (int u = 0; u < numNodes; u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                if (colIdx[k] == u) {
                    selfLoops++;
                }
            }
        }
        return (numEntries() - selfLoops) / 2 + selfLoops;
    }

    /** Whether the graph is directed. */
    public boolean isDirected() {
        return type.directed();
    }

    /** Whether entries carry explicit weights. */
    public boolean isWeighted() {
        return weights != null;
    }

    /** The capability descriptor of this graph. */
    public GraphType type() {
        return type;
    }

    /** Row pointers, length N+1, no copy: row u spans {@code [rowPtr[u], rowPtr[u+1])}. */
    public int[] rowPtr() {
        return rowPtr;
    }

    /** Column (target) index per entry, length E, no copy, sorted within each row. */
    public int[] colIdx() {
        return colIdx;
    }

    /**
     * Weight per entry, length E, no copy.
     *
     * @throws IllegalStateException when the graph is unweighted (every weight is then 1; see {@link #weight(int)})
     */
    public float[] weights() {
        if (weights == null) {
            throw new IllegalStateException("graph is unweighted: every entry has weight 1");
        }
        return weights;
    }

    /** The weights array, or {@code null} when unweighted; for kernels that treat null as all ones. */
    float[] weightsOrNull() {
        return weights;
    }

    /** Weight of entry {@code e} (1 for an unweighted graph). */
    public float weight(int e) {
        return weights == null ? 1f : weights[e];
    }

    /** Out-degree of node u: the number of stored entries in row u. */
    public int degree(int u) {
        checkNode(u);
        return rowPtr[u + 1] - rowPtr[u];
    }

    /** Whether the entry u→v is stored (binary search in the sorted row). */
    public boolean hasEdge(int u, int v) {
        checkNode(u);
        checkNode(v);
        return Arrays.binarySearch(colIdx, rowPtr[u], rowPtr[u + 1], v) >= 0;
    }

    /**
     * The transpose Aᵀ as a graph (row v lists the sources u of edges u→v), built once and cached. For an
     * undirected graph this is the graph itself.
     */
    public Graph transpose() {
        if (!type.directed()) {
            return this;
        }
        Graph t = transpose;
        if (t == null) {
            synchronized (this) {
                t = transpose;
                if (t == null) {
                    t = CsrTranspose.of(this);
                    t.transpose = this;
                    transpose = t;
                }
            }
        }
        return t;
    }

    /**
     * The structure {@code key} derives from this graph, built on first use and kept by the graph (so it is
     * collected with it). Safe from any thread: the builder runs outside the graph's lock (it may derive other
     * structures); when two threads build the same key at once, the first result stored is the one every caller
     * gets.
     */
    public <T> T derived(Derived<T> key) {
        Object value;
        synchronized (this) {
            value = derived == null ? null : derived.get(key);
        }
        if (value == null) {
            T built = key.build(this);
            synchronized (this) {
                if (derived == null) {
                    derived = new HashMap<>(4);
                }
                value = derived.putIfAbsent(key, built);
            }
            if (value == null) {
                return built;
            }
        }
        @SuppressWarnings("unchecked")
        T t = (T) value;
        return t;
    }

    /** Throws when {@code u} is not a node id of this graph. */
    public void checkNode(int u) {
        if (u < 0 || u >= numNodes) {
            throw new IllegalArgumentException("node id " + u + " is out of range for a graph with " + numNodes + " nodes");
        }
    }

    @Override
    public String toString() {
        return "Graph(nodes=" + numNodes + ", entries=" + numEntries() + ", " + (type.directed() ? "directed" : "undirected")
                + (weights != null ? ", weighted" : "") + ")";
    }
}
