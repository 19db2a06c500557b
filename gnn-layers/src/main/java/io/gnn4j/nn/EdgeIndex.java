package io.gnn4j.nn;

import io.gnn4j.graph.Derived;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.SegmentIndex;

/**
 * The stored entries of a graph as an edge list in CSR order — entry e is {@code src[e] → dst[e]} — plus the same
 * entries grouped by target ({@code inPtr}/{@code inEdges}, ascending source within a target), so that per-edge
 * tensors (attention scores, E×h) can be reduced over incoming or outgoing edges without sorting. Built once per
 * graph and kept by it ({@link Graph#derived}).
 *
 * @param rowPtr  N+1 CSR offsets: the entries leaving u are {@code [rowPtr[u], rowPtr[u+1])} (shared with the graph)
 * @param src     source node of each entry, length E
 * @param dst     target node of each entry, length E
 * @param inPtr   N+1 offsets into {@code inEdges}
 * @param inEdges entry ids grouped by target node
 * @param inSrc   the source node of each entry in {@code inEdges} order ({@code src[inEdges[p]]}), read sequentially
 * @param inPosition the position of each entry in {@code inEdges} ({@code inEdges[inPosition[e]] = e}): where a
 *                   per-edge tensor held in target order keeps entry e
 */
public record EdgeIndex(int[] rowPtr, int[] src, int[] dst, int[] inPtr, int[] inEdges, int[] inSrc,
                        int[] inPosition) {
    private static final Derived<EdgeIndex> KEY = Derived.of("edge index", EdgeIndex::build);

    /** The edge index of {@code g}, built once and kept by the graph. */
    public static EdgeIndex of(Graph g) {
        return g.derived(KEY);
    }

    private static EdgeIndex build(Graph g) {
        int n = g.numNodes(), e = g.numEntries();
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        int[] src = new int[e];
        for (int u = 0; u < n; u++) {
            java.util.Arrays.fill(src, rowPtr[u], rowPtr[u + 1], u);
        }
        SegmentIndex byTarget = SegmentIndex.of(colIdx, n);
        int[] inEdges = byTarget.members();
        int[] inSrc = new int[e], inPosition = new int[e];
        for (int p = 0; p < e; p++) {
            inSrc[p] = src[inEdges[p]];
            inPosition[inEdges[p]] = p;
        }
        return new EdgeIndex(rowPtr, src, colIdx, byTarget.ptr(), inEdges, inSrc, inPosition);
    }

    /** Number of nodes N. */
    public int numNodes() {
        return inPtr.length - 1;
    }

    /** Number of entries E. */
    public int numEntries() {
        return src.length;
    }
}
