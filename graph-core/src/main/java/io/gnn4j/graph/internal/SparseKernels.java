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
}
