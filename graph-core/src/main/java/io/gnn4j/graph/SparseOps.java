package io.gnn4j.graph;

import io.gnn4j.graph.internal.KernelProvider;
import io.gnn4j.graph.internal.SparseKernels;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

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
     * {@code Y = A·X} for a rows×cols sparse matrix A: X is cols×f, Y is rows×f and overwritten,
     * {@code Y[r] = Σ_{k in row r} A[r][k]·X[k]} over the stored entries in column order.
     */
    public static void spmm(CsrMatrix a, MemorySegment x, MemorySegment y, int f, ExecutionContext ctx) {
        requireColumns(f);
        requireBytes("X", x, a.cols(), f);
        requireBytes("Y", y, a.rows(), f);
        spmm(KernelProvider.kernels(), a.rowPtr(), a.colIdx(), a.values(), a.rows(), x, y, f, ctx);
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
     * Multi-head weighted SpMM {@code Y = A_w·X}, the backward of attention to its values: every stored entry e = (u→v)
     * carries h weights ({@code w} is E×h, CSR order), head k owns the columns {@code [k·c, (k+1)·c)} of X and Y
     * (N×f, c = f/h), and {@code Y[u][k·c+j] = Σ_{u→v} w[e][k]·X[v][k·c+j]}; Y is overwritten. Every row is summed in
     * CSR order with each product rounded before it is added, so the scalar and vector kernels give the same bits.
     */
    public static void headSpmm(Graph a, MemorySegment w, int heads, MemorySegment x, MemorySegment y, int f,
                                ExecutionContext ctx) {
        headSpmm(KernelProvider.kernels(), a, w, heads, x, y, f, ctx);
    }

    /** {@link #headSpmm(Graph, MemorySegment, int, MemorySegment, MemorySegment, int, ExecutionContext)} with
     * explicitly chosen kernels; used by tests and benchmarks to compare implementations. */
    public static void headSpmm(SparseKernels kernels, Graph a, MemorySegment w, int heads, MemorySegment x,
                                MemorySegment y, int f, ExecutionContext ctx) {
        requireHeadOperands(a, w, heads, x, y, f);
        headSpmm(kernels, a.rowPtr(), a.colIdx(), null, w, heads, x, y, f, a.numNodes(), ctx);
    }

    /**
     * Multi-head weighted aggregation over incoming edges {@code Y = A_wᵀ·X}, the forward of attention (GAT's
     * {@code Σ_j α_{j→i}^k W^k x_j}): with w, heads and columns as in {@link #headSpmm(Graph, MemorySegment, int,
     * MemorySegment, MemorySegment, int, ExecutionContext)}, {@code Y[v][k·c+j] = Σ_{u→v} w[e][k]·X[u][k·c+j]},
     * summed by one thread per target in ascending edge order (ascending source); Y is overwritten. The weights are
     * read where they are stored, through the pattern's column-grouped view (derived once per graph).
     */
    public static void headSpmmTranspose(Graph a, MemorySegment w, int heads, MemorySegment x, MemorySegment y, int f,
                                         ExecutionContext ctx) {
        headSpmmTranspose(KernelProvider.kernels(), a, w, heads, x, y, f, ctx);
    }

    /** {@link #headSpmmTranspose(Graph, MemorySegment, int, MemorySegment, MemorySegment, int, ExecutionContext)}
     * with explicitly chosen kernels. */
    public static void headSpmmTranspose(SparseKernels kernels, Graph a, MemorySegment w, int heads, MemorySegment x,
                                         MemorySegment y, int f, ExecutionContext ctx) {
        requireHeadOperands(a, w, heads, x, y, f);
        EntryTranspose t = a.derived(EntryTranspose.KEY);
        headSpmm(kernels, t.rowPtr(), t.colIdx(), t.entry(), w, heads, x, y, f, a.numNodes(), ctx);
    }

    /** The multi-head SpMM of validated operands over the rows of a CSR structure, in balanced row blocks. */
    private static void headSpmm(SparseKernels kernels, int[] rowPtr, int[] colIdx, int[] entry, MemorySegment w,
                                 int heads, MemorySegment x, MemorySegment y, int f, int rows, ExecutionContext ctx) {
        int[] bounds = RowPartition.balanced(rowPtr, rows, blocksFor(ctx));
        ctx.forEachBlock(bounds.length - 1, b -> kernels.headSpmm(rowPtr, colIdx, entry, w, heads, x, y, f, bounds[b],
                bounds[b + 1]));
    }

    /**
     * Multi-head SDDMM, the gradient of the multi-head products with respect to their weights: for every stored
     * entry e = (u→v) (CSR order) and head k, {@code out[e][k] = Σ_j X[u][k·c+j]·Y[v][k·c+j]} (X, Y are N×f, c = f/h,
     * out is E×h, overwritten), each sum in ascending j with every product rounded before it is added.
     */
    public static void headSddmm(Graph a, MemorySegment x, MemorySegment y, int heads, int f, MemorySegment out,
                                 ExecutionContext ctx) {
        headSddmm(KernelProvider.kernels(), a, x, y, heads, f, out, ctx);
    }

    /** {@link #headSddmm(Graph, MemorySegment, MemorySegment, int, int, MemorySegment, ExecutionContext)} with
     * explicitly chosen kernels. */
    public static void headSddmm(SparseKernels kernels, Graph a, MemorySegment x, MemorySegment y, int heads, int f,
                                 MemorySegment out, ExecutionContext ctx) {
        requireHeadOperands(a, out, heads, x, y, f);
        int n = a.numNodes();
        int[] bounds = RowPartition.balanced(a.rowPtr(), n, blocksFor(ctx));
        if (heads == 1) {
            ctx.forEachBlock(bounds.length - 1, b -> kernels.headSddmm(a.rowPtr(), a.colIdx(), x, y, 1, f, out,
                    bounds[b], bounds[b + 1]));
            return;
        }
        // The kernels read rows head-minor (element j of head k at column j·h+k), so that one vector holds one
        // element of several heads: both operands are regrouped once here rather than once per entry.
        try (Arena arena = Arena.ofShared()) {
            MemorySegment xt = arena.allocate((long) n * f * Float.BYTES, 64);
            MemorySegment yt = arena.allocate((long) n * f * Float.BYTES, 64);
            int blocks = blocksFor(ctx);
            ctx.forEachBlock(blocks, b -> {
                int from = (int) ((long) n * b / blocks), to = (int) ((long) n * (b + 1) / blocks);
                headMinor(x, xt, heads, f, from, to);
                headMinor(y, yt, heads, f, from, to);
            });
            ctx.forEachBlock(bounds.length - 1, b -> kernels.headSddmm(a.rowPtr(), a.colIdx(), xt, yt, heads, f, out,
                    bounds[b], bounds[b + 1]));
        }
    }

    /** Rows [from, to) of the head-major m (head k's element j at k·c+j) into head-minor t (at j·h+k). */
    private static void headMinor(MemorySegment m, MemorySegment t, int heads, int f, int from, int to) {
        ValueLayout.OfFloat fl = ValueLayout.JAVA_FLOAT_UNALIGNED;
        int c = f / heads;
        for (long r = from; r < to; r++) {
            long base = r * f;
            for (int k = 0; k < heads; k++) {
                for (int j = 0; j < c; j++) {
                    t.setAtIndex(fl, base + (long) j * heads + k, m.getAtIndex(fl, base + (long) k * c + j));
                }
            }
        }
    }

    /**
     * GAT's edge softmax (Veličković et al. 2018, Eqs. 1–3) for the targets {@code [from, to)} of graph a, on the
     * edges grouped by target — position q is entry q of {@code a.transpose()}: the edges entering v in ascending
     * source order — per head k of h: {@code alpha[q][k] = softmax over v's incoming edges of
     * LeakyReLU(sSrc[u][k] + sDst[v][k], slope)} (sSrc, sDst N×h; alpha E×h, target order, overwritten), the
     * exponentials {@code (float) Math.exp} of max-shifted scores summed in double in ascending source. One thread:
     * callers split the targets (e.g. to apply the attention dropout to a block of weights while it is in cache).
     */
    public static void edgeSoftmax(Graph a, MemorySegment sSrc, MemorySegment sDst, int heads, float slope,
                                   MemorySegment alpha, int from, int to) {
        edgeSoftmax(KernelProvider.kernels(), a, sSrc, sDst, heads, slope, alpha, from, to);
    }

    /** {@link #edgeSoftmax(Graph, MemorySegment, MemorySegment, int, float, MemorySegment, int, int)} with
     * explicitly chosen kernels. */
    public static void edgeSoftmax(SparseKernels kernels, Graph a, MemorySegment sSrc, MemorySegment sDst, int heads,
                                   float slope, MemorySegment alpha, int from, int to) {
        requireSoftmaxOperands(a, heads, from, to, new MemorySegment[] {sSrc, sDst}, alpha);
        Graph t = a.transpose();
        kernels.edgeSoftmax(t.rowPtr(), t.colIdx(), sSrc, sDst, heads, slope, alpha, from, to);
    }

    /**
     * The backward of {@link #edgeSoftmax(Graph, MemorySegment, MemorySegment, int, float, MemorySegment, int, int)}
     * for the targets {@code [from, to)}: given the weights' gradient {@code weightGrad} (E×h, target order; when
     * {@code kept} — the weights after attention dropout — is not null, first multiplied in place by the dropout's
     * factor, {@code keep} where kept ≠ 0 and 0 elsewhere, exactly as the dropout's backward would), writes the
     * scores' gradient {@code (α ⊙ (ḡ − Σ_v α ⊙ ḡ)) ⊙ LeakyReLU'} to {@code scoreGrad} (E×h, target order) and, when
     * {@code dstGrad} is not null, adds each target's sum of it to {@code dstGrad[v]} (N×h). The sources' share is
     * the sum of scoreGrad over each source's edges, left to the caller.
     */
    public static void edgeSoftmaxBackward(Graph a, MemorySegment sSrc, MemorySegment sDst, int heads, float slope,
                                           MemorySegment alpha, MemorySegment kept, float keep,
                                           MemorySegment weightGrad, MemorySegment scoreGrad, MemorySegment dstGrad,
                                           int from, int to) {
        edgeSoftmaxBackward(KernelProvider.kernels(), a, sSrc, sDst, heads, slope, alpha, kept, keep, weightGrad,
                scoreGrad, dstGrad, from, to);
    }

    /** {@link #edgeSoftmaxBackward(Graph, MemorySegment, MemorySegment, int, float, MemorySegment, MemorySegment,
     * float, MemorySegment, MemorySegment, MemorySegment, int, int)} with explicitly chosen kernels. */
    public static void edgeSoftmaxBackward(SparseKernels kernels, Graph a, MemorySegment sSrc, MemorySegment sDst,
                                           int heads, float slope, MemorySegment alpha, MemorySegment kept,
                                           float keep, MemorySegment weightGrad, MemorySegment scoreGrad,
                                           MemorySegment dstGrad, int from, int to) {
        requireSoftmaxOperands(a, heads, from, to, new MemorySegment[] {sSrc, sDst, dstGrad}, alpha, kept,
                weightGrad, scoreGrad);
        Graph t = a.transpose();
        kernels.edgeSoftmaxBackward(t.rowPtr(), t.colIdx(), sSrc, sDst, heads, slope, alpha, kept, keep, weightGrad,
                scoreGrad, dstGrad, from, to);
    }

    /**
     * Segment sums added to an output, {@code out[s] += Σ_{ptr[s] ≤ p < ptr[s+1]} src[row(p)]} with
     * {@code row(p) = rows == null ? p : rows[p]} (src and out hold rows of f floats): each sum from zero in ascending
     * p, then added to out[s]; empty segments leave out untouched. The bits do not depend on the kernels or threads.
     * E.g. the gradient of a row gather (segments = the gathered rows' uses) or of per-edge scores (segments =
     * nodes, members = their edges).
     */
    public static void addSegmentSums(int[] ptr, int[] rows, MemorySegment src, MemorySegment out, int f,
                                      ExecutionContext ctx) {
        addSegmentSums(KernelProvider.kernels(), ptr, rows, src, out, f, ctx);
    }

    /** {@link #addSegmentSums(int[], int[], MemorySegment, MemorySegment, int, ExecutionContext)} with explicitly
     * chosen kernels. */
    public static void addSegmentSums(SparseKernels kernels, int[] ptr, int[] rows, MemorySegment src,
                                      MemorySegment out, int f, ExecutionContext ctx) {
        requireColumns(f);
        int segments = ptr.length - 1, members = ptr[segments];
        if (rows != null && rows.length < members) {
            throw new IllegalArgumentException("addSegmentSums: " + members + " members but " + rows.length + " rows");
        }
        requireBytes("the segment sums", out, segments, f);
        if (rows == null) {
            requireBytes("the summed rows", src, members, f);
        }
        // small sums (a mini-batch's gradients) run on the calling thread: a fork costs more than they do
        int[] bounds = RowPartition.balanced(ptr, segments, (long) (members + segments) * f < 1 << 16 ? 1
                : blocksFor(ctx));
        ctx.forEachBlock(bounds.length - 1, b -> kernels.addSegmentSums(ptr, rows, src, out, f, bounds[b],
                bounds[b + 1]));
    }

    /** Checks the head count, the target range and the sizes of the per-node and per-edge operands (nulls skipped). */
    private static void requireSoftmaxOperands(Graph a, int heads, int from, int to, MemorySegment[] perNode,
                                               MemorySegment... perEdge) {
        if (heads < 1) {
            throw new IllegalArgumentException("edge softmax: heads must be >= 1, got " + heads);
        }
        if (from < 0 || from > to || to > a.numNodes()) {
            throw new IllegalArgumentException("edge softmax: targets [" + from + ", " + to + ") are not within the "
                    + a.numNodes() + " nodes");
        }
        for (MemorySegment m : perNode) {
            if (m != null) {
                requireBytes("a per-node score operand", m, a.numNodes(), heads);
            }
        }
        for (MemorySegment m : perEdge) {
            if (m != null) {
                requireBytes("a per-edge operand", m, a.numEntries(), heads);
            }
        }
    }

    private static void requireHeadOperands(Graph a, MemorySegment perEntry, int heads, MemorySegment x,
                                            MemorySegment y, int f) {
        requireColumns(f);
        if (heads < 1 || f % heads != 0) {
            throw new IllegalArgumentException("the " + f + " columns do not split into " + heads + " heads");
        }
        if (perEntry.byteSize() < (long) a.numEntries() * heads * Float.BYTES) {
            throw new IllegalArgumentException("the per-entry weights hold " + perEntry.byteSize() / Float.BYTES
                    + " floats but the graph's " + a.numEntries() + " entries × " + heads + " heads need "
                    + (long) a.numEntries() * heads);
        }
        requireBytes("X", x, a.numNodes(), f);
        requireBytes("Y", y, a.numNodes(), f);
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
        EntryTranspose t = pattern.derived(EntryTranspose.KEY);
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
        scatterSum(SegmentIndex.of(index, numSegments), src, out, f, ctx);
    }

    /** {@link #scatterSum(int[], int, MemorySegment, MemorySegment, int, ExecutionContext)} on an index regrouped once
     *  (e.g. memoised for the several reductions of one mini-batch). */
    public static void scatterSum(SegmentIndex segments, MemorySegment src, MemorySegment out, int f,
                                  ExecutionContext ctx) {
        requireScatterShapes(segments, src, out, f);
        spmm(KernelProvider.kernels(), segments.ptr(), segments.members(), null, segments.numSegments(), src, out, f,
                ctx);
    }

    /** Scatter-mean: like {@link #scatterSum} divided by each segment's count (0 for empty segments). */
    public static void scatterMean(int[] index, int numSegments, MemorySegment src, MemorySegment out, int f,
                                   ExecutionContext ctx) {
        scatterMean(SegmentIndex.of(index, numSegments), src, out, f, ctx);
    }

    /** Scatter-mean on an index regrouped once. */
    public static void scatterMean(SegmentIndex segments, MemorySegment src, MemorySegment out, int f,
                                   ExecutionContext ctx) {
        requireScatterShapes(segments, src, out, f);
        spmm(KernelProvider.kernels(), segments.ptr(), segments.members(), segments.inverseCounts(),
                segments.numSegments(), src, out, f, ctx);
    }

    /**
     * Scatter-max: {@code out[s][c] = max_{i : index[i] = s} src[i][c]}, and {@code argmax[s·f+c]} the row i of
     * the first maximum; empty segments give 0 and argmax −1 (as PyG's scatter-max fills them).
     */
    public static void scatterMax(int[] index, int numSegments, MemorySegment src, MemorySegment out, int[] argmax,
                                  int f, ExecutionContext ctx) {
        scatterMax(SegmentIndex.of(index, numSegments), src, out, argmax, f, ctx);
    }

    /** Scatter-max on an index regrouped once. */
    public static void scatterMax(SegmentIndex segments, MemorySegment src, MemorySegment out, int[] argmax, int f,
                                  ExecutionContext ctx) {
        requireScatterShapes(segments, src, out, f);
        int numSegments = segments.numSegments();
        if ((long) argmax.length != (long) numSegments * f) {
            throw new IllegalArgumentException("argmax has length " + argmax.length + " but needs numSegments×f = "
                    + (long) numSegments * f);
        }
        SparseKernels k = KernelProvider.kernels();
        int[] ptr = segments.ptr(), members = segments.members();
        int[] bounds = RowPartition.balanced(ptr, numSegments, blocksFor(ctx));
        ctx.forEachBlock(bounds.length - 1, b -> k.segmentMax(ptr, members, src, out, argmax, f, bounds[b],
                bounds[b + 1]));
    }

    /** Checks that src holds a row per member of the index and out a row per segment. */
    private static void requireScatterShapes(SegmentIndex segments, MemorySegment src, MemorySegment out, int f) {
        requireBytes("src", src, segments.members().length, f);
        requireBytes("out", out, segments.numSegments(), f);
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
