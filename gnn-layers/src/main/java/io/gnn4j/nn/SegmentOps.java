package io.gnn4j.nn;

import static io.gnn4j.nn.ParallelLoops.parallelRows;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.SegmentIndex;
import io.gnn4j.graph.SparseOps;
import java.lang.foreign.MemorySegment;

/**
 * Gather, scatter and segment operations on a tape: rows gathered by index, scatter-sum/mean/max into segments and
 * softmax within segments (the building blocks of message passing over edge lists). The contracts are documented on
 * {@link Tape}'s methods of the same names.
 */
final class SegmentOps {
    private SegmentOps() {}

    static Tensor gatherRows(Tape tape, Tensor x, int[] index) {
        int f = x.cols;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= x.rows) {
                throw new IllegalArgumentException("index[" + i + "] = " + index[i] + " is out of range [0, " + x.rows
                        + ")");
            }
        }
        Tensor y = tape.output(index.length, f, x);
        ExecutionContext ctx = tape.context();
        MemorySegment xd = x.data, yd = y.data;
        parallelRows(ctx, index.length, f, (from, to) -> {
            for (int i = from; i < to; i++) {
                long src = (long) index[i] * f, dst = (long) i * f;
                for (int c = 0; c < f; c++) {
                    yd.setAtIndex(Tensor.F, dst + c, xd.getAtIndex(Tensor.F, src + c));
                }
            }
        });
        tape.record(y, () -> {
            // x̄[s] += Σ_{i : index[i] = s} ȳ[i], summed per row of x in ascending i (parallel over rows of x)
            SegmentIndex grp = tape.groupings().of(index, x.rows);
            SparseOps.addSegmentSums(grp.ptr(), grp.members(), y.gradData, tape.gradient(x), f, ctx);
        });
        return y;
    }

    static Tensor uAddV(Tape tape, Graph g, Tensor a, Tensor b) {
        if (a.rows != g.numNodes() || b.rows != g.numNodes() || a.cols != b.cols) {
            throw new IllegalArgumentException("uAddV: the graph has " + g.numNodes() + " nodes but a is " + a.rows
                    + "×" + a.cols + " and b is " + b.rows + "×" + b.cols + " (both need one row per node, the same "
                    + "columns)");
        }
        EdgeIndex ei = EdgeIndex.of(g);
        int f = a.cols, e = ei.numEntries();
        Tensor y = tape.output(e, f, a, b);
        ExecutionContext ctx = tape.context();
        MemorySegment ad = a.data, bd = b.data, yd = y.data;
        int[] src = ei.src(), dst = ei.dst();
        parallelRows(ctx, e, f, (from, to) -> {
            for (int i = from; i < to; i++) {
                long as = (long) src[i] * f, bs = (long) dst[i] * f, out = (long) i * f;
                for (int c = 0; c < f; c++) {
                    yd.setAtIndex(Tensor.F, out + c, ad.getAtIndex(Tensor.F, as + c) + bd.getAtIndex(Tensor.F, bs + c));
                }
            }
        });
        tape.record(y, () -> {
            // ā[u] += Σ over the edges leaving u, b̄[v] += Σ over the edges entering v, each in ascending edge id —
            // the sums the gathers' backward takes, so the chain gather, gather, add gives the same bits.
            if (a.requiresGrad) {
                SparseOps.addSegmentSums(ei.rowPtr(), null, y.gradData, tape.gradient(a), f, ctx);
            }
            if (b.requiresGrad) {
                SparseOps.addSegmentSums(ei.inPtr(), ei.inEdges(), y.gradData, tape.gradient(b), f, ctx);
            }
        });
        return y;
    }

    static Tensor scatterSum(Tape tape, Tensor x, int[] index, int numSegments) {
        requireIndexRows(x, index);
        Tensor y = tape.output(numSegments, x.cols, x);
        ExecutionContext ctx = tape.context();
        SparseOps.scatterSum(tape.groupings().of(index, numSegments), x.data, y.data, x.cols, ctx);
        tape.record(y, () -> gatherAdd(tape.gradient(x), y.gradData, index, null, x.cols));
        return y;
    }

    static Tensor scatterMean(Tape tape, Tensor x, int[] index, int numSegments) {
        requireIndexRows(x, index);
        Tensor y = tape.output(numSegments, x.cols, x);
        ExecutionContext ctx = tape.context();
        SparseOps.scatterMean(tape.groupings().of(index, numSegments), x.data, y.data, x.cols, ctx);
        tape.record(y, () -> {
            int[] count = new int[numSegments];
            for (int s : index) {
                count[s]++;
            }
            gatherAdd(tape.gradient(x), y.gradData, index, count, x.cols);
        });
        return y;
    }

    static Tensor scatterMax(Tape tape, Tensor x, int[] index, int numSegments) {
        requireIndexRows(x, index);
        int f = x.cols;
        Tensor y = tape.output(numSegments, f, x);
        ExecutionContext ctx = tape.context();
        int[] argmax = new int[numSegments * f];
        SparseOps.scatterMax(tape.groupings().of(index, numSegments), x.data, y.data, argmax, f, ctx);
        tape.record(y, () -> {
            MemorySegment ga = tape.gradient(x), g = y.gradData;
            for (int s = 0; s < numSegments; s++) {
                for (int c = 0; c < f; c++) {
                    int i = argmax[s * f + c];
                    if (i >= 0) {
                        long k = (long) i * f + c;
                        ga.setAtIndex(Tensor.F, k, ga.getAtIndex(Tensor.F, k) + g.getAtIndex(Tensor.F, (long) s * f + c));
                    }
                }
            }
        });
        return y;
    }

    static Tensor segmentSoftmax(Tape tape, Tensor x, int[] index, int numSegments) {
        requireIndexRows(x, index);
        SegmentIndex grp = tape.groupings().of(index, numSegments);
        int f = x.cols;
        Tensor y = tape.output(x.rows, f, x);
        ExecutionContext ctx = tape.context();
        MemorySegment xd = x.data, yd = y.data;
        // Per segment and column: max-shifted exponentials, then division by their sum (in double).
        parallelRows(ctx, numSegments, Math.max(1, (int) Math.min(Integer.MAX_VALUE, x.size() / Math.max(1, numSegments))),
                (from, to) -> {
            for (int s = from; s < to; s++) {
                int p0 = grp.ptr()[s], p1 = grp.ptr()[s + 1];
                for (int c = 0; c < f; c++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int p = p0; p < p1; p++) {
                        max = Math.max(max, xd.getAtIndex(Tensor.F, (long) grp.members()[p] * f + c));
                    }
                    double sum = 0;
                    for (int p = p0; p < p1; p++) {
                        long i = (long) grp.members()[p] * f + c;
                        float ex = (float) Math.exp(xd.getAtIndex(Tensor.F, i) - max);
                        yd.setAtIndex(Tensor.F, i, ex);
                        sum += ex;
                    }
                    float inv = (float) (1 / sum);
                    for (int p = p0; p < p1; p++) {
                        long i = (long) grp.members()[p] * f + c;
                        yd.setAtIndex(Tensor.F, i, yd.getAtIndex(Tensor.F, i) * inv);
                    }
                }
            }
        });
        tape.record(y, () -> {
            // ∂x = y ⊙ (ḡ − Σ_{segment} y ⊙ ḡ)
            MemorySegment g = y.gradData, ga = tape.gradient(x);
            parallelRows(ctx, numSegments, Math.max(1, (int) Math.min(Integer.MAX_VALUE, x.size() / Math.max(1, numSegments))),
                    (from, to) -> {
                for (int s = from; s < to; s++) {
                    int p0 = grp.ptr()[s], p1 = grp.ptr()[s + 1];
                    for (int c = 0; c < f; c++) {
                        double dot = 0;
                        for (int p = p0; p < p1; p++) {
                            long i = (long) grp.members()[p] * f + c;
                            dot += (double) yd.getAtIndex(Tensor.F, i) * g.getAtIndex(Tensor.F, i);
                        }
                        float d = (float) dot;
                        for (int p = p0; p < p1; p++) {
                            long i = (long) grp.members()[p] * f + c;
                            float v = yd.getAtIndex(Tensor.F, i) * (g.getAtIndex(Tensor.F, i) - d);
                            ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + v);
                        }
                    }
                }
            });
        });
        return y;
    }

    /** {@code ga[i] += g[index[i]] / count[index[i]]} (count null means 1). */
    private static void gatherAdd(MemorySegment ga, MemorySegment g, int[] index, int[] count, int f) {
        for (int i = 0; i < index.length; i++) {
            long row = (long) i * f, srow = (long) index[i] * f;
            float s = count == null ? 1f : 1f / count[index[i]];
            for (int c = 0; c < f; c++) {
                ga.setAtIndex(Tensor.F, row + c, ga.getAtIndex(Tensor.F, row + c) + s * g.getAtIndex(Tensor.F, srow + c));
            }
        }
    }

    private static void requireIndexRows(Tensor x, int[] index) {
        if (index.length != x.rows) {
            throw new IllegalArgumentException("index has length " + index.length + " but x has " + x.rows + " rows");
        }
    }
}
