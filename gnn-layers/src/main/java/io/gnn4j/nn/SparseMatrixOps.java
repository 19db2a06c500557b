package io.gnn4j.nn;

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

    private static void apply(Graph a, MemorySegment in, MemorySegment out, int cols, ExecutionContext ctx,
                              boolean transpose) {
        if (transpose) {
            SparseOps.spmmTranspose(a, in, out, cols, ctx);
        } else {
            SparseOps.spmm(a, in, out, cols, ctx);
        }
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
