package io.gnn4j.graph;

import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Accumulates edges in primitive lists and builds an immutable CSR {@link Graph}.
 *
 * <pre>{@code
 * Graph g = GraphBuilder.undirected(4)
 *         .addEdge(0, 1).addEdge(1, 2).addEdge(2, 3)
 *         .selfLoops(SelfLoops.ADD)
 *         .build();
 * Graph weighted = GraphBuilder.directed(3)
 *         .addEdge(0, 1, 0.5f).addEdge(0, 1, 2f)
 *         .duplicates(DuplicateEdges.SUM)     // one entry 0→1 with weight 2.5
 *         .build();
 * }</pre>
 *
 * An undirected builder symmetrises: each added edge u–v is stored as u→v and v→u, and duplicates default to
 * {@link DuplicateEdges#MAX} (an edge list that lists both directions gives one entry each way); a directed builder
 * keeps duplicates by default. Every id is validated when the edge is added; weights must be finite.
 */
public final class GraphBuilder {
    private final int numNodes;
    private final boolean directed;
    private final boolean symmetrize;
    private final IntArrayList src = new IntArrayList();
    private final IntArrayList dst = new IntArrayList();
    private FloatArrayList weights;
    private DuplicateEdges duplicates;
    private SelfLoops selfLoops = SelfLoops.KEEP;
    private float selfLoopWeight = 1f;

    private GraphBuilder(int numNodes, boolean directed, boolean symmetrize) {
        if (numNodes < 0) {
            throw new IllegalArgumentException("numNodes must be >= 0, got " + numNodes);
        }
        this.numNodes = numNodes;
        this.directed = directed;
        this.symmetrize = symmetrize;
        this.duplicates = symmetrize ? DuplicateEdges.MAX : DuplicateEdges.KEEP;
    }

    /** A builder for a directed graph on nodes {@code 0..numNodes-1}. */
    public static GraphBuilder directed(int numNodes) {
        return new GraphBuilder(numNodes, true, false);
    }

    /** A builder for an undirected graph on nodes {@code 0..numNodes-1}; every edge is stored both ways. */
    public static GraphBuilder undirected(int numNodes) {
        return new GraphBuilder(numNodes, false, true);
    }

    /**
     * A builder holding every stored entry of {@code g} as it is (no further symmetrisation, duplicates kept),
     * whose result has g's directedness: the way to derive a graph, e.g. {@code from(g).selfLoops(ADD).build()}.
     */
    public static GraphBuilder from(Graph g) {
        return new GraphBuilder(g.numNodes(), g.isDirected(), false).addEntries(g);
    }

    /**
     * Adds every stored entry u→v of {@code g} (with its weight when g is weighted): g's nodes keep their ids, so
     * this builder needs at least as many nodes (more to extend g with new nodes; an undirected builder
     * symmetrises a directed g).
     */
    public GraphBuilder addEntries(Graph g) {
        if (g.numNodes() > numNodes) {
            throw new IllegalArgumentException("the graph has " + g.numNodes() + " nodes but this builder only "
                    + numNodes);
        }
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                if (g.isWeighted()) {
                    addEdge(u, colIdx[k], g.weight(k));
                } else {
                    addEdge(u, colIdx[k]);
                }
            }
        }
        return this;
    }

    /** Adds the edge u→v (u–v when undirected) with weight 1. */
    public GraphBuilder addEdge(int u, int v) {
        checkEndpoints(src.size(), u, v);
        src.add(u);
        dst.add(v);
        if (weights != null) {
            weights.add(1f);
        }
        return this;
    }

    /** Adds the edge u→v (u–v when undirected) with weight w; the graph becomes weighted. */
    public GraphBuilder addEdge(int u, int v, float w) {
        int index = src.size();
        checkEndpoints(index, u, v);
        checkWeight(index, w);
        if (weights == null) {
            weights = new FloatArrayList(Math.max(16, src.size() + 1));
            weights.size(src.size());
            Arrays.fill(weights.elements(), 0, src.size(), 1f);
        }
        src.add(u);
        dst.add(v);
        weights.add(w);
        return this;
    }

    /** Adds the edges {@code src[i]→dst[i]}, all with weight 1. */
    public GraphBuilder addEdges(int[] sources, int[] targets) {
        requireSameLength(sources.length, targets.length, "targets");
        src.ensureCapacity(src.size() + sources.length);
        dst.ensureCapacity(dst.size() + sources.length);
        for (int i = 0; i < sources.length; i++) {
            addEdge(sources[i], targets[i]);
        }
        return this;
    }

    /** Adds the edges {@code src[i]→dst[i]} with weights {@code w[i]}. */
    public GraphBuilder addEdges(int[] sources, int[] targets, float[] w) {
        requireSameLength(sources.length, targets.length, "targets");
        requireSameLength(sources.length, w.length, "weights");
        for (int i = 0; i < sources.length; i++) {
            addEdge(sources[i], targets[i], w[i]);
        }
        return this;
    }

    /**
     * How entries for the same (u, v) pair are combined (default: KEEP when directed, MAX when undirected).
     * {@link DuplicateEdges#SUM} always gives a weighted graph: unweighted duplicates add up to their count.
     */
    public GraphBuilder duplicates(DuplicateEdges policy) {
        this.duplicates = policy;
        return this;
    }

    /** Whether self loops are kept (default), removed, or added to every node. */
    public GraphBuilder selfLoops(SelfLoops policy) {
        this.selfLoops = policy;
        return this;
    }

    /** Weight of the self loops that {@link SelfLoops#ADD} inserts (default 1); makes the graph weighted if ≠ 1. */
    public GraphBuilder selfLoopWeight(float w) {
        checkWeight(-1, w);
        this.selfLoopWeight = w;
        return this;
    }

    /** Number of edges added so far. */
    public int size() {
        return src.size();
    }

    /** Builds the graph; the builder can be reused afterwards (it keeps its edges). */
    public Graph build() {
        int m = src.size();
        long stored = symmetrize ? 2L * m : m;
        if (selfLoops == SelfLoops.ADD) {
            stored += numNodes;
        }
        if (stored > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("graph too large: " + stored + " stored entries exceed the CSR limit of "
                    + (Integer.MAX_VALUE - 8) + " (int32 offsets)");
        }
        // SUM counts unweighted duplicates (each weighs 1), so its result carries weights.
        boolean weighted = weights != null || duplicates == DuplicateEdges.SUM
                || (selfLoops == SelfLoops.ADD && selfLoopWeight != 1f);
        int[] s = src.elements();
        int[] d = dst.elements();
        float[] w = weights == null ? null : weights.elements();

        // 1. Row counts, honouring symmetrisation and self-loop removal.
        int[] rowPtr = new int[numNodes + 1];
        for (int k = 0; k < m; k++) {
            int u = s[k], v = d[k];
            if (u == v) {
                if (selfLoops != SelfLoops.REMOVE) {
                    rowPtr[u + 1]++;
                }
            } else {
                rowPtr[u + 1]++;
                if (symmetrize) {
                    rowPtr[v + 1]++;
                }
            }
        }
        if (selfLoops == SelfLoops.ADD) {
            for (int u = 0; u < numNodes; u++) {
                rowPtr[u + 1]++;
            }
        }
        for (int u = 0; u < numNodes; u++) {
            rowPtr[u + 1] += rowPtr[u];
        }
        // 2. Stable counting sort by source: within a row, entries keep the order in which they were added;
        //    ADD's fill loop comes last so that a user's own self loop counts as "first".
        int total = rowPtr[numNodes];
        int[] col = new int[total];
        float[] wt = weighted ? new float[total] : null;
        int[] next = Arrays.copyOf(rowPtr, numNodes);
        for (int k = 0; k < m; k++) {
            int u = s[k], v = d[k];
            float x = w == null ? 1f : w[k];
            if (u == v) {
                if (selfLoops != SelfLoops.REMOVE) {
                    place(col, wt, next, u, v, x);
                }
            } else {
                place(col, wt, next, u, v, x);
                if (symmetrize) {
                    place(col, wt, next, v, u, x);
                }
            }
        }
        if (selfLoops == SelfLoops.ADD) {
            for (int u = 0; u < numNodes; u++) {
                place(col, wt, next, u, u, selfLoopWeight);
            }
        }
        // 3. Sort each row by target (stably, so FIRST means first added), then merge duplicates in place.
        DuplicateEdges policy = duplicates;
        RowSorter sorter = new RowSorter();
        int out = 0;
        int rowStart = 0;
        boolean anySelfLoop = false;
        boolean anyMulti = false;
        for (int u = 0; u < numNodes; u++) {
            int from = rowStart, to = rowPtr[u + 1];
            rowStart = to;
            sorter.sort(col, wt, from, to);
            rowPtr[u] = out;
            int k = from;
            while (k < to) {
                int v = col[k];
                int runEnd = k + 1;
                while (runEnd < to && col[runEnd] == v) {
                    runEnd++;
                }
                boolean addedLoop = selfLoops == SelfLoops.ADD && v == u;
                if (policy == DuplicateEdges.KEEP && !addedLoop) {
                    for (int r = k; r < runEnd; r++) {
                        col[out] = v;
                        if (wt != null) {
                            wt[out] = wt[r];
                        }
                        out++;
                    }
                    anyMulti |= runEnd - k > 1;
                } else {
                    col[out] = v;
                    if (wt != null) {
                        // With ADD, the filler is the run's last entry: drop it when the user gave a loop.
                        int last = addedLoop && runEnd - k > 1 ? runEnd - 1 : runEnd;
                        wt[out] = combine(addedLoop && policy == DuplicateEdges.KEEP ? DuplicateEdges.FIRST : policy,
                                wt, k, last);
                    }
                    out++;
                }
                anySelfLoop |= v == u;
                k = runEnd;
            }
        }
        rowPtr[numNodes] = out;
        if (out < total) {
            col = Arrays.copyOf(col, out);
            if (wt != null) {
                wt = Arrays.copyOf(wt, out);
            }
        }
        return new Graph(numNodes, rowPtr, col, wt, new GraphType(directed, weighted, anySelfLoop, anyMulti));
    }

    private static void place(int[] col, float[] wt, int[] next, int u, int v, float w) {
        int pos = next[u]++;
        col[pos] = v;
        if (wt != null) {
            wt[pos] = w;
        }
    }

    private static float combine(DuplicateEdges policy, float[] w, int from, int to) {
        float r = w[from];
        for (int k = from + 1; k < to; k++) {
            switch (policy) {
                case SUM -> r += w[k];
                case MIN -> r = Math.min(r, w[k]);
                case MAX -> r = Math.max(r, w[k]);
                case FIRST, KEEP -> { }
            }
        }
        return r;
    }

    private void checkEndpoints(int index, int u, int v) {
        if (u < 0 || u >= numNodes) {
            throw new IllegalArgumentException("edge " + index + ": source id " + u + " is out of range [0, " + numNodes + ")");
        }
        if (v < 0 || v >= numNodes) {
            throw new IllegalArgumentException("edge " + index + ": target id " + v + " is out of range [0, " + numNodes + ")");
        }
    }

    private static void checkWeight(int index, float w) {
        if (!Float.isFinite(w)) {
            throw new IllegalArgumentException((index >= 0 ? "edge " + index + ": " : "") + "weight " + w + " is not finite");
        }
    }

    private static void requireSameLength(int expected, int actual, String what) {
        if (expected != actual) {
            throw new IllegalArgumentException(what + " has length " + actual + " but sources have length " + expected);
        }
    }

    /** Stable sort of one CSR row by target id, carrying the weights along; buffers reused across rows. */
    private static final class RowSorter {
        private long[] keys = new long[16];
        private float[] tmp = new float[16];

        void sort(int[] col, float[] wt, int from, int to) {
            int len = to - from;
            if (len < 2 || isSorted(col, from, to)) {
                return;
            }
            if (wt == null) {
                Arrays.sort(col, from, to);
                return;
            }
            if (keys.length < len) {
                keys = new long[len];
                tmp = new float[len];
            }
            // Key = target in the high half, position in the row in the low half: sorting is then stable.
            for (int i = 0; i < len; i++) {
                keys[i] = ((long) col[from + i] << 32) | i;
                tmp[i] = wt[from + i];
            }
            Arrays.sort(keys, 0, len);
            for (int i = 0; i < len; i++) {
                col[from + i] = (int) (keys[i] >>> 32);
                wt[from + i] = tmp[(int) keys[i]];
            }
        }

        private static boolean isSorted(int[] a, int from, int to) {
            for (int i = from + 1; i < to; i++) {
                if (a[i] < a[i - 1]) {
                    return false;
                }
            }
            return true;
        }
    }
}
