package io.gnn4j.graph;

import io.gnn4j.graph.internal.KernelProvider;
import io.gnn4j.graph.internal.SparseKernels;
import java.lang.foreign.MemorySegment;

/**
 * The sparse kernels of gnn4j: SpMM {@code Y = A·X} and {@code Y = Aᵀ·X}, SDDMM on the entries of A, and
 * scatter/segment reductions by index. Dense operands are row-major float32 matrices given as
 * {@link MemorySegment}s: heap arrays via {@link MemorySegment#ofArray(float[])}, off-heap memory (an arena, an
 * Arrow vector, an ND4J tensor through gnn-layers' {@code Nd4jViews}) as it is. Every method validates shapes and
 * ids, then runs the kernels chosen by {@link KernelProvider} over row blocks balanced by number of entries, on the
 * given {@link ExecutionContext}. Each output row is computed by one thread in a fixed order, so results are
 * bit-identical for every thread count. Outputs are overwritten, never accumulated into.
 */
public final class SparseOps {
    private SparseOps() {}

    /** The kernel implementation in use ("scalar" or "vector-&lt;bits&gt;"). */
    public static String kernelName() {
        return KernelProvider.kernels().name();
    }

    /** {@code Y = A·X} on the default context; X is N×f, Y is N×f. */
    public static void spmm(Graph a, MemorySegment x, MemorySegment y, int f) {
        spmm(a, x, y, f, ExecutionContext.defaultContext());
    }

    /** {@code Y = A·X}: {@code Y[u] = Σ_{u→v} w(u,v)·X[v]}; X and Y are N×f, Y is overwritten. */
    public static void spmm(Graph a, MemorySegment x, MemorySegment y, int f, ExecutionContext ctx) {
        spmm(KernelProvider.kernels(), a, x, y, f, ctx);
    }

    /** {@code Y = Aᵀ·X}: {@code Y[v] = Σ_{u→v} w(u,v)·X[u]}, the aggregation over incoming edges. */
    public static void spmmTranspose(Graph a, MemorySegment x, MemorySegment y, int f, ExecutionContext ctx) {
        spmm(a.transpose(), x, y, f, ctx);
    }

    /** SpMM with explicitly chosen kernels; used by tests and benchmarks to compare implementations. */
    public static void spmm(SparseKernels kernels, Graph a, MemorySegment x, MemorySegment y, int f,
                            ExecutionContext ctx) {
        int n = a.numNodes();
        requireColumns(f);
        requireBytes("X", x, n, f);
        requireBytes("Y", y, n, f);
        spmm(kernels, a.rowPtr(), a.colIdx(), a.weightsOrNull(), n, x, y, f, ctx);
    }

    /**
     * SpMM of a validated CSR matrix of {@code rows} rows, parallel over balanced row blocks, each row in one pass over all
     * f columns. (Column tiles sized for the last-level cache were measured slower on this machine kind — a shared
     * L3 under a VM — than whole rows gathered as long contiguous runs: 233 ms untiled vs 264–327 ms tiled for
     * 100k×256, one thread; so there is no tiling.)
     */
    private static void spmm(SparseKernels kernels, int[] rowPtr, int[] colIdx, float[] w, int rows,
                             MemorySegment x, MemorySegment y, int f, ExecutionContext ctx) {
        int[] bounds = RowPartition.balanced(rowPtr, rows, blocksFor(ctx));
        ctx.forEachBlock(bounds.length - 1,
                b -> kernels.spmm(rowPtr, colIdx, w, x, y, f, 0, f, bounds[b], bounds[b + 1]));
    }

    /**
     * SDDMM: {@code out[e] = ⟨X[u], Y[v]⟩} for every stored entry e = (u→v) of A, in CSR order; X and Y are N×f,
     * {@code out} has length E.
     */
    public static void sddmm(Graph a, MemorySegment x, MemorySegment y, int f, float[] out, ExecutionContext ctx) {
        sddmm(KernelProvider.kernels(), a, x, y, f, out, ctx);
    }

    /** SDDMM with explicitly chosen kernels. */
    public static void sddmm(SparseKernels kernels, Graph a, MemorySegment x, MemorySegment y, int f, float[] out,
                             ExecutionContext ctx) {
        int n = a.numNodes();
        requireColumns(f);
        requireBytes("X", x, n, f);
        requireBytes("Y", y, n, f);
        if (out.length != a.numEntries()) {
            throw new IllegalArgumentException("out has length " + out.length + " but the graph has " + a.numEntries()
                    + " entries");
        }
        int[] bounds = RowPartition.balanced(a.rowPtr(), n, blocksFor(ctx));
        ctx.forEachBlock(bounds.length - 1,
                b -> kernels.sddmm(a.rowPtr(), a.colIdx(), x, y, f, out, bounds[b], bounds[b + 1]));
    }

    /**
     * Block SpMM {@code Y = L·X} for an operator of n×n blocks of size d×d (an n·d × n·d matrix, e.g. a sheaf
     * Laplacian) whose non-zero blocks sit on the entries of {@code pattern}: entry k = (u→v) holds the block
     * {@code L_uv}, row-major at floats {@code [k·d², (k+1)·d²)} of {@code blocks} (the pattern's weights are
     * ignored). X and Y are (n·d)×f, Y is overwritten: {@code Y[u·d+i] = Σ_{u→v} Σ_j L_uv[i][j]·X[v·d+j]}.
     */
    public static void blockSpmm(Graph pattern, MemorySegment blocks, int d, MemorySegment x, MemorySegment y, int f,
                                 ExecutionContext ctx) {
        blockSpmm(KernelProvider.kernels(), pattern, blocks, d, x, y, f, ctx);
    }

    /** {@link #blockSpmm(Graph, MemorySegment, int, MemorySegment, MemorySegment, int, ExecutionContext)} with
     * explicitly chosen kernels; used by tests and benchmarks to compare implementations. */
    public static void blockSpmm(SparseKernels kernels, Graph pattern, MemorySegment blocks, int d, MemorySegment x,
                                 MemorySegment y, int f, ExecutionContext ctx) {
        requireBlockOperands(pattern, blocks, d, x, y, f);
        int[] rowPtr = pattern.rowPtr(), colIdx = pattern.colIdx();
        int[] bounds = RowPartition.balanced(rowPtr, pattern.numNodes(), blocksFor(ctx));
        ctx.forEachBlock(bounds.length - 1, b -> kernels.blockSpmm(rowPtr, colIdx, null, false, blocks, d, x, y, f,
                bounds[b], bounds[b + 1]));
    }

    /**
     * {@code Y = Lᵀ·X} for the block operator of {@link #blockSpmm(Graph, MemorySegment, int, MemorySegment,
     * MemorySegment, int, ExecutionContext)}: {@code Y[v·d+j] = Σ_{u→v} Σ_i L_uv[i][j]·X[u·d+i]} — its backward
     * with respect to X. Each output block row is summed by one thread in ascending source order.
     */
    public static void blockSpmmTranspose(Graph pattern, MemorySegment blocks, int d, MemorySegment x,
                                          MemorySegment y, int f, ExecutionContext ctx) {
        requireBlockOperands(pattern, blocks, d, x, y, f);
        BlockTranspose t = pattern.derived(BlockTranspose.KEY);
        SparseKernels kernels = KernelProvider.kernels();
        int[] bounds = RowPartition.balanced(t.rowPtr(), pattern.numNodes(), blocksFor(ctx));
        ctx.forEachBlock(bounds.length - 1, b -> kernels.blockSpmm(t.rowPtr(), t.colIdx(), t.entry(), true, blocks,
                d, x, y, f, bounds[b], bounds[b + 1]));
    }

    /**
     * Block SDDMM, the gradient of {@link #blockSpmm(Graph, MemorySegment, int, MemorySegment, MemorySegment, int,
     * ExecutionContext)} with respect to its blocks: for every entry k = (u→v) of the pattern,
     * {@code out[k] = G_u·X_vᵀ} (d×d, row-major), where G_u and X_v are the d×f row blocks of u and v.
     */
    public static void blockSddmm(Graph pattern, int d, MemorySegment g, MemorySegment x, int f, MemorySegment out,
                                  ExecutionContext ctx) {
        requireBlockOperands(pattern, out, d, g, x, f);
        int[] bounds = RowPartition.balanced(pattern.rowPtr(), pattern.numNodes(), blocksFor(ctx));
        SparseKernels kernels = KernelProvider.kernels();
        ctx.forEachBlock(bounds.length - 1, b -> kernels.blockSddmm(pattern.rowPtr(), pattern.colIdx(), d, g, x, f,
                out, bounds[b], bounds[b + 1]));
    }

    private static void requireBlockOperands(Graph pattern, MemorySegment blocks, int d, MemorySegment x,
                                             MemorySegment y, int f) {
        if (d < 1) {
            throw new IllegalArgumentException("the block size d must be >= 1, got " + d);
        }
        requireColumns(f);
        long dd = (long) d * d;
        if (blocks.byteSize() < pattern.numEntries() * dd * Float.BYTES) {
            throw new IllegalArgumentException("blocks holds " + blocks.byteSize() / Float.BYTES + " floats but the "
                    + "pattern's " + pattern.numEntries() + " entries need " + d + "×" + d + " each = "
                    + pattern.numEntries() * dd);
        }
        requireBytes("X", x, (long) pattern.numNodes() * d, f);
        requireBytes("Y", y, (long) pattern.numNodes() * d, f);
    }

    /**
     * Scatter-sum: {@code out[s] = Σ_{i : index[i] = s} src[i]} for s in {@code [0, numSegments)}; src is M×f with
     * {@code M = index.length}, out is numSegments×f. Segments receiving nothing are 0. Rows are added in
     * ascending i, whatever the thread count.
     */
    public static void scatterSum(int[] index, int numSegments, MemorySegment src, MemorySegment out, int f,
                                  ExecutionContext ctx) {
        SegmentIndex s = segments(index, numSegments, src, out, f);
        spmm(KernelProvider.kernels(), s.ptr(), s.members(), null, numSegments, src, out, f, ctx);
    }

    /** Scatter-mean: like {@link #scatterSum} divided by each segment's count (0 for empty segments). */
    public static void scatterMean(int[] index, int numSegments, MemorySegment src, MemorySegment out, int f,
                                   ExecutionContext ctx) {
        SegmentIndex s = segments(index, numSegments, src, out, f);
        spmm(KernelProvider.kernels(), s.ptr(), s.members(), s.inverseCounts(), numSegments, src, out, f,
                ctx);
    }

    /**
     * Scatter-max: {@code out[s][c] = max_{i : index[i] = s} src[i][c]}, and {@code argmax[s·f+c]} the row i of
     * the first maximum; empty segments give 0 and argmax −1 (as PyG's scatter-max fills them).
     */
    public static void scatterMax(int[] index, int numSegments, MemorySegment src, MemorySegment out, int[] argmax,
                                  int f, ExecutionContext ctx) {
        SegmentIndex s = segments(index, numSegments, src, out, f);
        if ((long) argmax.length != (long) numSegments * f) {
            throw new IllegalArgumentException("argmax has length " + argmax.length + " but needs numSegments×f = "
                    + (long) numSegments * f);
        }
        SparseKernels k = KernelProvider.kernels();
        int[] bounds = RowPartition.balanced(s.ptr(), numSegments, blocksFor(ctx));
        ctx.forEachBlock(bounds.length - 1, b -> k.segmentMax(s.ptr(), s.members(), src, out, argmax, f,
                bounds[b], bounds[b + 1]));
    }

    /** The regrouping of a scatter's index, after checking that src holds index.length rows and out numSegments. */
    private static SegmentIndex segments(int[] index, int numSegments, MemorySegment src, MemorySegment out, int f) {
        requireBytes("src", src, index.length, f);
        requireBytes("out", out, numSegments, f);
        return SegmentIndex.of(index, numSegments);
    }

    private static int blocksFor(ExecutionContext ctx) {
        // A few blocks per thread absorb uneven rows; one block when single-threaded avoids the split entirely.
        return ctx.threads() == 1 ? 1 : ctx.threads() * 8;
    }

    private static void requireBytes(String name, MemorySegment m, long rows, int f) {
        long need = rows * f * Float.BYTES;
        if (m.byteSize() < need) {
            throw new IllegalArgumentException(name + " holds " + m.byteSize() / Float.BYTES + " floats but needs "
                    + rows + "×" + f + " = " + rows * f);
        }
    }

    private static void requireColumns(int f) {
        if (f < 0) {
            throw new IllegalArgumentException("f must be >= 0, got " + f);
        }
    }
}
