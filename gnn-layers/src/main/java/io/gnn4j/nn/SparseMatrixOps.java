package io.gnn4j.nn;

import static io.gnn4j.nn.ParallelLoops.addInto;
import static io.gnn4j.nn.ParallelLoops.axpyInto;
import static io.gnn4j.nn.ParallelLoops.parallel;
import static io.gnn4j.nn.ParallelLoops.scaleInto;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.SparseOps;
import java.lang.foreign.MemorySegment;

/**
 * Products with a fixed sparse operator on a tape, the graph's weighted adjacency: SpMM and its transpose, SDDMM, and
 * aggregation with learned per-edge weights (attention). The contracts are documented on {@link Tape}'s methods of the
 * same names.
 */
final class SparseMatrixOps {
    private SparseMatrixOps() {}

    static Tensor spmm(Tape tape, Graph a, Tensor x) {
        return product(tape, a, x, false);
    }

    static Tensor spmmTranspose(Tape tape, Graph a, Tensor x) {
        return product(tape, a, x, true);
    }

    /** Y = A·X (or Aᵀ·X when {@code transpose}); the backward applies the other one to Ȳ. */
    private static Tensor product(Tape tape, Graph a, Tensor x, boolean transpose) {
        requireNodes(a, x);
        Tensor y = tape.output(x.rows, x.cols, x);
        ExecutionContext ctx = tape.context();
        apply(a, x.data, y.data, x.cols, ctx, transpose);
        tape.record(y, () -> tape.accumulate(x, into -> apply(a, y.gradData, into, x.cols, ctx, !transpose)));
        return y;
    }

    /**
     * {@code Y = Aᵀ·X + s·X} in one operation: the same floating-point operations in the same order as
     * {@code add(spmmTranspose(a, x), s == 1 ? x : scale(x, s))}, forward and backward, without that chain's N×F
     * sum tensor and its gradient (signs of zero aside: the chain's gradients start from 0 + Ȳ).
     */
    static Tensor spmmTransposePlusScaled(Tape tape, Graph a, Tensor x, float s) {
        requireNodes(a, x);
        Tensor y = tape.output(x.rows, x.cols, x);
        ExecutionContext ctx = tape.context();
        long n = x.size();
        apply(a, x.data, y.data, x.cols, ctx, true);
        addScaled(ctx, y.data, s, x.data, n);
        tape.record(y, () -> {
            addScaled(ctx, tape.gradient(x), s, y.gradData, n); // the chain's add hands Ȳ to the self term first
            tape.accumulate(x, into -> apply(a, y.gradData, into, x.cols, ctx, false));
        });
        return y;
    }

    /** {@code dst += s·src}, as the chain's add (s = 1) or scale-then-add rounds it. */
    private static void addScaled(ExecutionContext ctx, MemorySegment dst, float s, MemorySegment src, long n) {
        if (s == 1f) {
            addInto(ctx, dst, src, n);
        } else {
            axpyInto(ctx, dst, s, src, n);
        }
    }

    private static void apply(Graph a, MemorySegment in, MemorySegment out, int cols, ExecutionContext ctx,
                              boolean transpose) {
        if (transpose) {
            SparseOps.spmmTranspose(a, in, out, cols, ctx);
        } else {
            SparseOps.spmm(a, in, out, cols, ctx);
        }
    }

    /**
     * K steps of {@code Z ← c·AᵀZ + α·H} from Z = H (c = 1 − α) in one operation: the same floating-point operations
     * in the same order as the chain of {@link Tape#spmmTranspose}, {@link Tape#scale} and {@link Tape#add} calls, so
     * the same bits, but holding at most four scratch N×F buffers instead of 3K + 1 tensors and their gradients (the
     * propagation is linear: its backward needs none of the intermediate states), and those only while it runs.
     */
    static Tensor personalizedPageRank(Tape tape, Graph a, Tensor h, int k, float alpha) {
        requireNodes(a, h);
        if (k < 1) {
            throw new IllegalArgumentException("personalizedPageRank: K must be >= 1, got " + k);
        }
        int n = h.rows, f = h.cols;
        long size = h.size();
        float c = 1f - alpha;
        ExecutionContext ctx = tape.context();
        Tensor z = tape.output(n, f, h);
        tape.withScratch(k > 1 ? 3 : 2, n, f, scratch -> {
            MemorySegment teleport = scratch[0], product = scratch[1], spare = k > 1 ? scratch[2] : null;
            scaleInto(ctx, teleport, alpha, h.data, size);
            MemorySegment previous = h.data;
            for (int step = 1; step <= k; step++) {
                MemorySegment next = (k - step) % 2 == 0 ? z.data : spare;    // Z^K lands in z
                SparseOps.spmmTranspose(a, previous, product, f, ctx);
                parallel(ctx, size, (from, to) -> {
                    for (long i = from; i < to; i++) {
                        next.setAtIndex(Tensor.F, i, c * product.getAtIndex(Tensor.F, i)
                                + teleport.getAtIndex(Tensor.F, i));
                    }
                });
                previous = next;
            }
        });
        // The chain's backward, step K down to 1: the teleport's gradient collects every Z̄; the product's gradient
        // is 0 + c·(0 + Z̄) (two fresh gradients); Z̄ of the step before is A times it.
        tape.record(z, () -> tape.withScratch(2 + Math.min(k - 1, 2), n, f, scratch -> {
            MemorySegment teleportGrad = scratch[0], productGrad = scratch[1];
            MemorySegment[] states = {k > 1 ? scratch[2] : null, k > 2 ? scratch[3] : null};
            teleportGrad.fill((byte) 0);
            MemorySegment grad = z.gradData;
            for (int step = k; step >= 1; step--) {
                MemorySegment g = grad;
                addInto(ctx, teleportGrad, g, size);
                parallel(ctx, size, (from, to) -> {
                    for (long i = from; i < to; i++) {
                        productGrad.setAtIndex(Tensor.F, i, 0f + c * (0f + g.getAtIndex(Tensor.F, i)));
                    }
                });
                if (step > 1) {
                    grad = states[step % 2];
                    SparseOps.spmm(a, productGrad, grad, f, ctx);
                } else {
                    tape.accumulate(h, into -> SparseOps.spmm(a, productGrad, into, f, ctx));
                }
            }
            if (h.requiresGrad) {
                axpyInto(ctx, tape.gradient(h), alpha, teleportGrad, size);
            }
        }));
        return z;
    }

    static Tensor sddmm(Tape tape, Graph a, Tensor x, Tensor y) {
        requireNodes(a, x);
        requireNodes(a, y);
        if (x.cols != y.cols) {
            throw new IllegalArgumentException("sddmm: X has " + x.cols + " columns but Y has " + y.cols);
        }
        int e = a.numEntries();
        Tensor s = tape.output(e, 1, x, y);
        ExecutionContext ctx = tape.context();
        float[] tmp = new float[e];
        SparseOps.sddmm(a, x.data, y.data, x.cols, tmp, ctx);
        MemorySegment.copy(MemorySegment.ofArray(tmp), 0, s.data, 0, (long) e * Float.BYTES);
        tape.record(s, () -> {
            tape.accumulate(x, into -> SparseOps.headSpmm(a, s.gradData, 1, y.data, into, x.cols, ctx));
            tape.accumulate(y, into -> SparseOps.headSpmmTranspose(a, s.gradData, 1, x.data, into, x.cols, ctx));
        });
        return s;
    }

    static Tensor edgeAggregate(Tape tape, Graph a, Tensor w, Tensor x) {
        requireNodes(a, x);
        if (w.rows != a.numEntries()) {
            throw new IllegalArgumentException("w has " + w.rows + " rows but the graph has " + a.numEntries()
                    + " entries");
        }
        int heads = w.cols;
        Tensor y = tape.output(x.rows, x.cols, w, x);
        ExecutionContext ctx = tape.context();
        SparseOps.headSpmmTranspose(a, w.data, heads, x.data, y.data, x.cols, ctx);
        tape.record(y, () -> {
            tape.accumulate(x, into -> SparseOps.headSpmm(a, w.data, heads, y.gradData, into, x.cols, ctx));
            tape.accumulate(w, into -> SparseOps.headSddmm(a, x.data, y.gradData, heads, x.cols, into, ctx));
        });
        return y;
    }

    static Tensor blockSpmm(Tape tape, Graph pattern, Tensor blocks, int d, Tensor x) {
        if (d < 1) {
            throw new IllegalArgumentException("blockSpmm: the block size d must be >= 1, got " + d);
        }
        if (blocks.rows != pattern.numEntries() || blocks.cols != d * d) {
            throw new IllegalArgumentException("blockSpmm: blocks is " + blocks.rows + "×" + blocks.cols
                    + " but the pattern's " + pattern.numEntries() + " entries of " + d + "×" + d + " blocks need "
                    + pattern.numEntries() + "×" + d * d);
        }
        if ((long) x.rows != (long) pattern.numNodes() * d) {
            throw new IllegalArgumentException("blockSpmm: X has " + x.rows + " rows but the operator has n·d = "
                    + pattern.numNodes() + "·" + d + " = " + (long) pattern.numNodes() * d);
        }
        Tensor y = tape.output(x.rows, x.cols, blocks, x);
        ExecutionContext ctx = tape.context();
        SparseOps.blockSpmm(pattern, blocks.data, d, x.data, y.data, x.cols, ctx);
        tape.record(y, () -> {
            tape.accumulate(x, into -> SparseOps.blockSpmmTranspose(pattern, blocks.data, d, y.gradData, into, x.cols,
                    ctx));
            tape.accumulate(blocks, into -> SparseOps.blockSddmm(pattern, d, y.gradData, x.data, x.cols, into, ctx));
        });
        return y;
    }

    private static void requireNodes(Graph a, Tensor x) {
        if (x.rows != a.numNodes()) {
            throw new IllegalArgumentException("the tensor has " + x.rows + " rows but the graph has " + a.numNodes()
                    + " nodes");
        }
    }
}
