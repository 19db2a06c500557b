package io.gnn4j.spark;

import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One node-range partition of a graph: the CSR rows of the nodes it owns, with columns in a local index space
 * (owned node {@code first + i} is column i, ghost {@code ghosts[j]} — a neighbour owned by another partition — is
 * column {@code numLocal + j}), and the send lists of the halo exchange: which owned rows every other partition
 * needs. A propagation step on the block is one SpMM of its {@link #graph()} with the extended rows
 * {@code [owned rows; ghost rows]}, whose ghost part arrives from the owners ({@link HaloExchange}).
 *
 * <p>The block is {@link Serializable} through its arrays; its {@link Graph} (a square graph on
 * {@code numLocal + ghosts} nodes whose ghost rows are empty) is rebuilt from them by graph-core's
 * {@link GraphBuilder} where it is first needed.
 */
public final class GraphBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int partition;
    private final int first;
    private final int numLocal;
    private final int[] ghosts;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final int[] sendPartitions;
    private final int[][] sendRows;
    private transient Graph graph;

    GraphBlock(int partition, int first, int numLocal, int[] ghosts, int[] rowPtr, int[] colIdx,
               int[] sendPartitions, int[][] sendRows) {
        this.partition = partition;
        this.first = first;
        this.numLocal = numLocal;
        this.ghosts = ghosts;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.sendPartitions = sendPartitions;
        this.sendRows = sendRows;
    }

    /**
     * The block of partition p from its edges (source owned by p, target any node, both as global ids): ghosts are
     * the targets outside p's range, and the rows are built by {@link GraphBuilder} with the given duplicate policy
     * of the single-JVM graph (MAX for an undirected edge list listed both ways, KEEP for a directed one).
     */
    static GraphBlock fromEdges(NodeRanges ranges, int p, int[] src, int[] dst, boolean undirected) {
        int first = ranges.first(p);
        int numLocal = ranges.size(p);
        int end = first + numLocal;
        int[] outside = Arrays.stream(dst).filter(v -> v < first || v >= end).sorted().distinct().toArray();
        int[] localSrc = new int[src.length];
        int[] localDst = new int[dst.length];
        for (int k = 0; k < src.length; k++) {
            localSrc[k] = src[k] - first;
            int v = dst[k];
            localDst[k] = v >= first && v < end ? v - first : numLocal + Arrays.binarySearch(outside, v);
        }
        GraphBuilder b = GraphBuilder.directed(numLocal + outside.length).addEdges(localSrc, localDst);
        if (undirected) {
            b.duplicates(DuplicateEdges.MAX);
        }
        Graph g = b.build();
        GraphBlock block = new GraphBlock(p, first, numLocal, outside, Arrays.copyOf(g.rowPtr(), numLocal + 1),
                g.colIdx(), new int[0], new int[0][]);
        block.graph = g;
        return block;
    }

    /** This block with its send lists: {@code rows[i]} (owned node ids, ascending) go to {@code partitions[i]}. */
    GraphBlock withSendLists(int[] partitions, int[][] rows) {
        int[][] local = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            local[i] = new int[rows[i].length];
            for (int k = 0; k < rows[i].length; k++) {
                local[i][k] = rows[i][k] - first;
            }
        }
        GraphBlock b = new GraphBlock(partition, first, numLocal, ghosts, rowPtr, colIdx, partitions, local);
        b.graph = graph;
        return b;
    }

    /** The partition id p. */
    public int partition() {
        return partition;
    }

    /** The first owned node (a global id). */
    public int first() {
        return first;
    }

    /** The number of owned nodes (rows of the block). */
    public int numLocal() {
        return numLocal;
    }

    /** The number of ghost columns. */
    public int numGhosts() {
        return ghosts.length;
    }

    /** Stored entries of the owned rows. */
    public int numEntries() {
        return rowPtr[numLocal];
    }

    /** The ghosts' global ids, ascending (no copy). */
    int[] ghosts() {
        return ghosts;
    }

    /** The partitions this block sends rows to each round. */
    int[] sendPartitions() {
        return sendPartitions;
    }

    /** The owned rows (local indices, ascending) sent to {@code sendPartitions()[i]}. */
    int[][] sendRows() {
        return sendRows;
    }

    /** Rows this block sends per round (its share of the exchange). */
    public long rowsSentPerRound() {
        long n = 0;
        for (int[] r : sendRows) {
            n += r.length;
        }
        return n;
    }

    /** Index (into the ghost list) of the first ghost owned by partition q: its rows arrive as one block. */
    int ghostStart(NodeRanges ranges, int q) {
        int i = Arrays.binarySearch(ghosts, ranges.first(q));
        return i >= 0 ? i : -i - 1;
    }

    /**
     * The block as a square graph on {@code numLocal + numGhosts} nodes (owned rows, then empty ghost rows), with
     * columns in the local index space; built once per JVM.
     */
    public synchronized Graph graph() {
        if (graph == null) {
            int n = numLocal + ghosts.length;
            int[] src = new int[colIdx.length];
            for (int u = 0; u < numLocal; u++) {
                Arrays.fill(src, rowPtr[u], rowPtr[u + 1], u);
            }
            graph = GraphBuilder.directed(n).addEdges(src, colIdx).build();
        }
        return graph;
    }

    @Override
    public String toString() {
        return "GraphBlock(p=" + partition + ", nodes " + first + ".." + (first + numLocal - 1) + ", " + numEntries()
                + " entries, " + ghosts.length + " ghosts, sends to " + sendPartitions.length + " partitions)";
    }
}
