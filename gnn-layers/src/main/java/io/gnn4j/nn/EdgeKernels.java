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

    /** {@code out[v][k·c+j] += Σ_{e=(u→v)} w[e][k]·x[u][k·c+j]}, c = f/heads. */
    static void targetAccumulate(EdgeIndex ei, MemorySegment w, int heads, MemorySegment x, MemorySegment out, int f,
                                 ExecutionContext ctx) {
        int n = ei.numNodes(), c = f / heads;
        int[] inPtr = ei.inPtr(), inEdges = ei.inEdges(), src = ei.src();
        forRows(n, ctx, (from, to) -> {
            for (int v = from; v < to; v++) {
                long o = (long) v * f;
                for (int p = inPtr[v]; p < inPtr[v + 1]; p++) {
                    int e = inEdges[p];
                    long xs = (long) src[e] * f;
                    for (int k = 0; k < heads; k++) {
                        float a = w.getAtIndex(Tensor.F, (long) e * heads + k);
                        long off = (long) k * c;
                        for (int j = 0; j < c; j++) {
                            long i = o + off + j;
                            out.setAtIndex(Tensor.F, i, out.getAtIndex(Tensor.F, i) + a * x.getAtIndex(Tensor.F, xs + off + j));
                        }
                    }
                }
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
            for (int u = from; u < to; u++) {
                long o = (long) u * f;
                for (int e = rowStart[u]; e < rowStart[u + 1]; e++) {
                    long gs = (long) dst[e] * f;
                    for (int k = 0; k < heads; k++) {
                        float a = w.getAtIndex(Tensor.F, (long) e * heads + k);
                        long off = (long) k * c;
                        for (int j = 0; j < c; j++) {
                            long i = o + off + j;
                            out.setAtIndex(Tensor.F, i, out.getAtIndex(Tensor.F, i) + a * g.getAtIndex(Tensor.F, gs + off + j));
                        }
                    }
                }
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
            for (int u = from; u < to; u++) {
                long xs = (long) u * f;
                for (int e = rowStart[u]; e < rowStart[u + 1]; e++) {
                    long gs = (long) dst[e] * f;
                    for (int k = 0; k < heads; k++) {
                        long off = (long) k * c;
                        float s = 0f;
                        for (int j = 0; j < c; j++) {
                            s += x.getAtIndex(Tensor.F, xs + off + j) * g.getAtIndex(Tensor.F, gs + off + j);
                        }
                        long i = (long) e * heads + k;
                        out.setAtIndex(Tensor.F, i, out.getAtIndex(Tensor.F, i) + s);
                    }
                }
            }
        });
    }

    interface RangeBody {
        void run(int from, int to);
    }

    private static void forRows(int n, ExecutionContext ctx, RangeBody body) {
        int blocks = ctx.threads() == 1 || n < 1024 ? 1 : ctx.threads() * 4;
        ctx.forEachBlock(blocks, b -> body.run((int) ((long) n * b / blocks), (int) ((long) n * (b + 1) / blocks)));
    }
}
