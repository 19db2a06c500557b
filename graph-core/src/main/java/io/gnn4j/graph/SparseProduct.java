package io.gnn4j.graph;

import java.util.Arrays;

/**
 * The sparse–sparse matrix product {@code C = A·B} of two graphs' weighted adjacency matrices, as a new weighted
 * graph (entry u→w of C is {@code Σ_v A[u][v]·B[v][w]}: the weighted count of two-step paths u→v→w), by Gustavson's
 * row-wise algorithm ("Two Fast Algorithms for Sparse Matrices: Multiplication and Permuted Transposition", ACM TOMS
 * 1978): for each row u of A, the rows of B named by u's entries are scattered into a dense accumulator, whose touched
 * columns become row u of C, sorted. Rows are split over the {@link ExecutionContext} by {@link RowPartition}; each
 * row is summed by one thread in a fixed order (A's entries, then B's), so the result is bit-identical for every
 * thread count. Entries that sum to zero are kept (the pattern is structural). Used by the directed module to
 * materialise two-hop patterns such as AAᵀ.
 */
public final class SparseProduct {
    private SparseProduct() {}

    /** {@code A·B} on the default context. */
    public static Graph multiply(Graph a, Graph b) {
        return multiply(a, b, ExecutionContext.defaultContext());
    }

    /** {@code A·B}; both graphs must have the same number of nodes. */
    public static Graph multiply(Graph a, Graph b, ExecutionContext ctx) {
        int n = a.numNodes();
        if (b.numNodes() != n) {
            throw new IllegalArgumentException("A has " + n + " nodes but B has " + b.numNodes());
        }
        int blocks = Math.max(1, Math.min(n, ctx.threads() * 4));
        int[] bounds = RowPartition.balanced(a.rowPtr(), n, blocks);
        int[][] cols = new int[blocks][];
        float[][] vals = new float[blocks][];
        int[] rowLength = new int[n];
        ctx.forEachBlock(blocks, blk -> {
            Block out = multiplyRows(a, b, bounds[blk], bounds[blk + 1], rowLength);
            cols[blk] = out.cols;
            vals[blk] = out.vals;
        });
        int[] rowPtr = new int[n + 1];
        for (int u = 0; u < n; u++) {
            rowPtr[u + 1] = Math.addExact(rowPtr[u], rowLength[u]);
        }
        int[] colIdx = new int[rowPtr[n]];
        float[] weights = new float[rowPtr[n]];
        boolean selfLoops = false;
        for (int blk = 0; blk < blocks; blk++) {
            int start = rowPtr[bounds[blk]], len = rowPtr[bounds[blk + 1]] - start;
            System.arraycopy(cols[blk], 0, colIdx, start, len);
            System.arraycopy(vals[blk], 0, weights, start, len);
        }
        for (int u = 0; u < n && !selfLoops; u++) {
            selfLoops = Arrays.binarySearch(colIdx, rowPtr[u], rowPtr[u + 1], u) >= 0;
        }
        return new Graph(n, rowPtr, colIdx, weights, new GraphType(true, true, selfLoops, false));
    }

    private record Block(int[] cols, float[] vals) {}

    /** Rows [from, to) of A·B, concatenated; writes each row's length into {@code rowLength}. */
    private static Block multiplyRows(Graph a, Graph b, int from, int to, int[] rowLength) {
        int n = a.numNodes();
        int[] ap = a.rowPtr(), ai = a.colIdx(), bp = b.rowPtr(), bi = b.colIdx();
        float[] acc = new float[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] touched = new int[n];
        int[] cols = new int[Math.max(16, ap[to] - ap[from])];
        float[] vals = new float[cols.length];
        int size = 0;
        for (int u = from; u < to; u++) {
            int count = 0;
            for (int e = ap[u]; e < ap[u + 1]; e++) {
                int v = ai[e];
                float av = a.weight(e);
                for (int k = bp[v]; k < bp[v + 1]; k++) {
                    int w = bi[k];
                    if (mark[w] != u) {
                        mark[w] = u;
                        acc[w] = 0f;
                        touched[count++] = w;
                    }
                    acc[w] += av * b.weight(k);
                }
            }
            Arrays.sort(touched, 0, count);
            if (size + count > cols.length) {
                int cap = Math.max(size + count, cols.length * 2);
                cols = Arrays.copyOf(cols, cap);
                vals = Arrays.copyOf(vals, cap);
            }
            for (int i = 0; i < count; i++) {
                cols[size + i] = touched[i];
                vals[size + i] = acc[touched[i]];
            }
            size += count;
            rowLength[u] = count;
        }
        return new Block(cols, vals);
    }
}
