package io.gnn4j.graph.internal;

import java.lang.foreign.MemorySegment;

/**
 * The kernel contract: every method works on a range of CSR rows and a range of feature columns, on dense
 * row-major float32 matrices held in {@link MemorySegment}s (row stride {@code f} floats). Inputs are trusted:
 * {@link io.gnn4j.graph.SparseOps} validates them. Weights {@code w} may be null, meaning all ones.
 */
public interface SparseKernels {
    /** Name of the implementation, for logs and benchmark reports. */
    String name();

    /**
     * SpMM: {@code y[r][c] = Σ_{k in row r} w[k]·x[colIdx[k]][c]} for rows {@code [rowFrom, rowTo)} and columns
     * {@code [c0, c1)}; those cells of y are overwritten.
     */
    void spmm(int[] rowPtr, int[] colIdx, float[] w, MemorySegment x, MemorySegment y, int f, int c0, int c1,
              int rowFrom, int rowTo);

    /** SDDMM: {@code out[k] = Σ_c x[r][c]·y[colIdx[k]][c]} for every entry k of rows {@code [rowFrom, rowTo)}. */
    void sddmm(int[] rowPtr, int[] colIdx, MemorySegment x, MemorySegment y, int f, float[] out, int rowFrom, int rowTo);

    /**
     * Row-wise max: {@code y[r][c] = max_{k in row r} x[colIdx[k]][c]} and {@code argmax[r·f+c]} the column index
     * {@code colIdx[k]} of the first maximum; an empty row gives 0 and argmax −1.
     */
    void segmentMax(int[] rowPtr, int[] colIdx, MemorySegment x, MemorySegment y, int[] argmax, int f,
                    int rowFrom, int rowTo);

    /**
     * Block SpMM with d×d blocks on a CSR pattern: for block rows r in {@code [rowFrom, rowTo)} and every i &lt; d,
     * {@code y[r·d+i][c] = Σ_{k in row r} Σ_j B_e[i][j]·x[colIdx[k]·d+j][c]} over all f columns, where the block of
     * entry k is {@code e = entry == null ? k : entry[k]}, stored row-major at floats {@code [e·d², (e+1)·d²)} of
     * {@code blocks}, and read transposed ({@code B_e[j][i]}) when {@code transposeBlocks} is set. Those rows of y are
     * overwritten.
     */
    void blockSpmm(int[] rowPtr, int[] colIdx, int[] entry, boolean transposeBlocks, MemorySegment blocks, int d,
                   MemorySegment x, MemorySegment y, int f, int rowFrom, int rowTo);

    /**
     * Block SDDMM, the gradient of {@link #blockSpmm} with respect to the blocks: for every entry k of block rows
     * {@code [rowFrom, rowTo)}, {@code out[k·d²+i·d+j] = Σ_c g[r·d+i][c]·x[colIdx[k]·d+j][c]}.
     */
    void blockSddmm(int[] rowPtr, int[] colIdx, int d, MemorySegment g, MemorySegment x, int f, MemorySegment out,
                    int rowFrom, int rowTo);

    /**
     * Multi-head weighted SpMM: for rows r in {@code [rowFrom, rowTo)}, heads k &lt; h and c = f/h,
     * {@code y[r][k·c+j] = Σ_{p in row r} w[e·h+k]·x[colIdx[p]][k·c+j]} with {@code e = entry == null ? p :
     * entry[p]}; each row is summed from zero in entry order, every product rounded before it is added (no fused
     * multiply-add, so every implementation gives the same bits), and overwritten.
     */
    void headSpmm(int[] rowPtr, int[] colIdx, int[] entry, MemorySegment w, int heads, MemorySegment x,
                  MemorySegment y, int f, int rowFrom, int rowTo);

    /**
     * Multi-head SDDMM on head-minor rows: x and y hold element j of head k of a row at column {@code j·h+k} (c = f/h
     * elements per head), and {@code out[p·h+k] = Σ_j x[r][j·h+k]·y[colIdx[p]][j·h+k]} for every entry p of rows
     * {@code [rowFrom, rowTo)}, each sum in ascending j from zero with every product rounded before it is added.
     */
    void headSddmm(int[] rowPtr, int[] colIdx, MemorySegment x, MemorySegment y, int heads, int f,
                   MemorySegment out, int rowFrom, int rowTo);

    /**
     * Edge softmax of attention scores, per target (GAT, Veličković et al. 2018, Eqs. 1–3): rows
     * {@code [rowFrom, rowTo)} of a target-grouped structure (row v lists at {@code [ptr[v], ptr[v+1])} the sources
     * {@code src[q]} of the edges entering v) get, per head k of h,
     * {@code alpha[q·h+k] = exp(s_q − max_v) / Σ_{q' of v} exp(s_q' − max_v)} with
     * {@code s_q = LeakyReLU(sSrc[src[q]][k] + sDst[v][k], slope)} — the exponentials {@code (float) Math.exp} of the
     * float difference, summed in double in ascending q, the weight the float exponential times the float inverse of
     * the sum — overwriting alpha (E×h, target order).
     */
    void edgeSoftmax(int[] ptr, int[] src, MemorySegment sSrc, MemorySegment sDst, int heads, float slope,
                     MemorySegment alpha, int rowFrom, int rowTo);

    /**
     * The backward of {@link #edgeSoftmax} for rows {@code [rowFrom, rowTo)}: with ḡ the gradient of the weights
     * (E×h, target order) — first multiplied by the attention dropout's factor when {@code kept} is not null
     * ({@code keep} where kept ≠ 0, else 0, then {@code + 0f}) —, {@code d_v = Σ_q α_q·ḡ_q} in double,
     * {@code ḡs_q = 0f + LeakyReLU'(z_q)·(0f + α_q·(ḡ_q − (float) d_v))} with z_q the recomputed pre-activation score,
     * written to {@code scoreGrad} (E×h, target order); when {@code dstGrad} is not null, each target's
     * {@code Σ_q ḡs_q} (float, from zero, ascending q) is added to {@code dstGrad[v]}.
     */
    void edgeSoftmaxBackward(int[] ptr, int[] src, MemorySegment sSrc, MemorySegment sDst, int heads, float slope,
                             MemorySegment alpha, MemorySegment kept, float keep, MemorySegment weightGrad,
                             MemorySegment scoreGrad, MemorySegment dstGrad, int rowFrom, int rowTo);

    /**
     * Segment sums added to an output: for each segment s of {@code [segFrom, segTo)} with members
     * ({@code ptr[s] ≤ p < ptr[s+1]}), {@code out[s] = out[s] + Σ_p src[row(p)]} with {@code row(p) = rows == null ? p :
     * rows[p]} (rows of f floats), the sum from zero in ascending p, every addition rounded in that order; empty
     * segments leave out untouched. The gradient of a gather, of per-edge sums of node rows, of attention scores.
     */
    void addSegmentSums(int[] ptr, int[] rows, MemorySegment src, MemorySegment out, int f, int segFrom, int segTo);
}
