package io.gnn4j.nn;

import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;

/**
 * Java kernels for sparse products whose edge weights are tensors (attention, SDDMM gradients), which graph-core's
 * fixed-weight SpMM cannot express. Parallel over blocks of output rows; each output row is summed by one thread in
 * a fixed order, so results do not depend on the thread count. All of them accumulate into their output.
 */
final class EdgeKernels {
    private EdgeKernels() {}

    /** {@code out[v][k·c+j] += Σ_{e=(u→v)} w[e][k]·x[u][k·c+j]}, c = f/heads; scratch holds E×heads floats. */
    static void targetAccumulate(EdgeIndex ei, MemorySegment w, int heads, MemorySegment x, MemorySegment out, int f,
                                 MemorySegment scratch, ExecutionContext ctx) {
        int n = ei.numNodes(), c = f / heads;
        int[] inPtr = ei.inPtr(), inEdges = ei.inEdges(), src = ei.inSrc();
        // Weights permuted into target order first (one gather pass), so the main loop reads them sequentially.
        forRows(n, ctx, (from, to) -> {
            for (int p = inPtr[from]; p < inPtr[to]; p++) {
                long e = (long) inEdges[p] * heads;
                for (int k = 0; k < heads; k++) {
                    scratch.setAtIndex(Tensor.F, (long) p * heads + k, w.getAtIndex(Tensor.F, e + k));
                }
            }
        });
        forRows(n, ctx, (from, to) -> {
            float[] acc = new float[f]; // the output row is summed here and written once
            float[] hw = new float[heads]; // the edge's per-head weights
            float[] row = new float[f];  // rows are bulk-copied to the heap so the arithmetic runs on plain arrays
            for (int v = from; v < to; v++) {
                if (inPtr[v] == inPtr[v + 1]) {
                    continue;
                }
                java.util.Arrays.fill(acc, 0f);
                for (int p = inPtr[v]; p < inPtr[v + 1]; p++) {
                    loadRow(x, (long) src[p] * f, row, f);
                    if (heads == 1) {
                        float a = scratch.getAtIndex(Tensor.F, p);
                        for (int j = 0; j < f; j++) {
                            acc[j] += a * row[j];
                        }
                    } else {
                        MemorySegment.copy(scratch, Tensor.F, (long) p * heads * Float.BYTES, hw, 0, heads);
                        for (int k = 0; k < heads; k++) {
                            float a = hw[k];
                            for (int j = k * c, end = j + c; j < end; j++) {
                                acc[j] += a * row[j];
                            }
                        }
                    }
                }
                addRow(out, (long) v * f, acc, f);
            }
        });
    }

    /** {@code out[u][k·c+j] += Σ_{e=(u→v)} w[e][k]·g[v][k·c+j]}, c = f/heads. */
    static void sourceAccumulate(EdgeIndex ei, MemorySegment w, int heads, MemorySegment g, MemorySegment out, int f,
                                 ExecutionContext ctx) {
        int n = ei.numNodes(), c = f / heads;
        int[] dst = ei.dst();
        int[] rowStart = ei.rowPtr();
        forRows(n, ctx, (from, to) -> {
            float[] acc = new float[f];
            float[] hw = new float[heads];
            float[] row = new float[f];
            for (int u = from; u < to; u++) {
                if (rowStart[u] == rowStart[u + 1]) {
                    continue;
                }
                java.util.Arrays.fill(acc, 0f);
                for (int e = rowStart[u]; e < rowStart[u + 1]; e++) {
                    loadRow(g, (long) dst[e] * f, row, f);
                    if (heads == 1) {
                        float a = w.getAtIndex(Tensor.F, e);
                        for (int j = 0; j < f; j++) {
                            acc[j] += a * row[j];
                        }
                    } else {
                        MemorySegment.copy(w, Tensor.F, (long) e * heads * Float.BYTES, hw, 0, heads);
                        for (int k = 0; k < heads; k++) {
                            float a = hw[k];
                            for (int j = k * c, end = j + c; j < end; j++) {
                                acc[j] += a * row[j];
                            }
                        }
                    }
                }
                addRow(out, (long) u * f, acc, f);
            }
        });
    }

    /** {@code out[e][k] += Σ_j x[u][k·c+j]·g[v][k·c+j]} for every entry e = (u→v). */
    static void edgeDots(EdgeIndex ei, MemorySegment x, MemorySegment g, MemorySegment out, int heads, int c,
                         ExecutionContext ctx) {
        int n = ei.numNodes(), f = heads * c;
        int[] dst = ei.dst();
        int[] rowStart = ei.rowPtr();
        forRows(n, ctx, (from, to) -> {
            float[] xr = new float[f]; // the source row, read once per node
            float[] gr = new float[f];
            for (int u = from; u < to; u++) {
                loadRow(x, (long) u * f, xr, f);
                for (int e = rowStart[u]; e < rowStart[u + 1]; e++) {
                    loadRow(g, (long) dst[e] * f, gr, f);
                    for (int k = 0; k < heads; k++) {
                        int off = k * c;
                        float s = 0f;
                        for (int j = 0; j < c; j++) {
                            s += xr[off + j] * gr[off + j];
                        }
                        long i = (long) e * heads + k;
                        out.setAtIndex(Tensor.F, i, out.getAtIndex(Tensor.F, i) + s);
                    }
                }
            }
        });
    }

    /** Bulk-copies f floats starting at element {@code base} of {@code m} into {@code row}. */
    private static void loadRow(MemorySegment m, long base, float[] row, int f) {
        MemorySegment.copy(m, Tensor.F, base * Float.BYTES, row, 0, f);
    }

    private static void addRow(MemorySegment out, long base, float[] acc, int f) {
        for (int j = 0; j < f; j++) {
            out.setAtIndex(Tensor.F, base + j, out.getAtIndex(Tensor.F, base + j) + acc[j]);
        }
    }

    interface RangeBody {
        void run(int from, int to);
    }

    private static void forRows(int n, ExecutionContext ctx, RangeBody body) {
        int blocks = ctx.threads() == 1 || n < 1024 ? 1 : ctx.threads() * 4;
        ctx.forEachBlock(blocks, b -> body.run((int) ((long) n * b / blocks), (int) ((long) n * (b + 1) / blocks)));
    }
}
