package io.gnn4j.nn;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.RowPartition;
import io.gnn4j.graph.SparseOps;
import java.lang.foreign.MemorySegment;

/**
 * GAT's attention (Veličković et al., ICLR 2018, Eqs. 1–3) and its weighted aggregation as one tape operation,
 * {@link Tape#graphAttention}: the per-edge tensors — scores, softmax weights, their dropout — are held in target
 * order (the edges entering a node contiguous, ascending source), so that the softmax of a node's incoming edges walks
 * one contiguous block (graph-core's {@link SparseOps#edgeSoftmax} kernels) instead of rows scattered over the
 * source-ordered edge list, and the logits and LeakyReLU are never stored. It does the floating-point operations of the chain {@code edgeAggregate(dropout(segmentSoftmax(
 * leakyRelu(uAddV(sSrc, sDst))), p), x)} in the chain's order and draws the chain's dropout mask (by the element's
 * position in the source-ordered E×h tensor), so its values and gradients are the chain's bit for bit.
 */
final class AttentionOps {
    /** Targets per softmax call, so that their weights (≈ 20 edges × h floats each) are still in cache for the mask. */
    private static final int TARGETS_PER_CHUNK = 256;

    private AttentionOps() {}

    static Tensor graphAttention(Tape tape, Graph g, Tensor sSrc, Tensor sDst, Tensor x, float slope, float p,
                                 boolean training) {
        int n = g.numNodes(), heads = sSrc.cols;
        if (sSrc.rows != n || sDst.rows != n || sDst.cols != heads || x.rows != n || x.cols % heads != 0) {
            throw new IllegalArgumentException("graphAttention: the graph has " + n + " nodes; the source scores are "
                    + sSrc.rows + "×" + sSrc.cols + ", the target scores " + sDst.rows + "×" + sDst.cols
                    + " and the values " + x.rows + "×" + x.cols + " (expected N×h, N×h and N×(h·c))");
        }
        DropoutOps.checkProbability(p);
        boolean drop = training && p > 0;
        long callSeed = drop ? DropoutOps.nextCallSeed(tape) : 0L;
        EdgeIndex ei = EdgeIndex.of(g);
        Graph byTarget = g.transpose();          // row v: the sources of the edges entering v, as ei.inSrc()
        int e = ei.numEntries(), f = x.cols;
        ExecutionContext ctx = tape.context();
        int[] bounds = RowPartition.balanced(ei.inPtr(), n, ctx.threads() == 1 ? 1 : ctx.threads() * 4);

        Tensor alpha = tape.output(e, heads);                 // softmax weights, target order (kept for backward)
        Tensor kept = drop ? tape.output(e, heads) : alpha;   // after dropout, target order
        float keep = 1f / (1f - p);                           // the factor of a kept weight
        ctx.forEachBlock(bounds.length - 1, b -> {
            float[] factor = new float[heads];
            for (int v0 = bounds[b]; v0 < bounds[b + 1]; v0 += TARGETS_PER_CHUNK) {
                int v1 = Math.min(bounds[b + 1], v0 + TARGETS_PER_CHUNK);
                SparseOps.edgeSoftmax(g, sSrc.data, sDst.data, heads, slope, alpha.data, v0, v1);
                if (drop) {
                    dropInTargetOrder(ei, callSeed, p, heads, alpha.data, kept.data, factor, v0, v1);
                }
            }
        });
        Tensor y = tape.output(n, f, sSrc, sDst, x);
        SparseOps.headSpmm(byTarget, kept.data, heads, x.data, y.data, f, ctx);

        tape.record(y, () -> {
            // The values' gradient X̄[u] += Σ_{u→v} kept[e]·Ȳ[v], over u's edges in ascending target: the chain's sum.
            tape.accumulate(x, into -> SparseOps.headSpmmTranspose(byTarget, kept.data, heads, y.gradData, into, f,
                    ctx));
            if (!sSrc.requiresGrad && !sDst.requiresGrad) {
                return;
            }
            tape.withScratch(2, e, heads, scratch -> {
                MemorySegment weightGrad = scratch[0], scoreGrad = scratch[1];
                // ∂L/∂kept[e][k] = Σ_j X[u][k·c+j]·Ȳ[v][k·c+j], in target order (products commute: the chain's bits)
                SparseOps.headSddmm(byTarget, y.gradData, x.data, heads, f, weightGrad, ctx);
                MemorySegment dstGrad = sDst.requiresGrad ? tape.gradient(sDst) : null;
                ctx.forEachBlock(bounds.length - 1, b -> SparseOps.edgeSoftmaxBackward(g, sSrc.data, sDst.data, heads,
                        slope, alpha.data, drop ? kept.data : null, keep, weightGrad, scoreGrad, dstGrad, bounds[b],
                        bounds[b + 1]));
                if (sSrc.requiresGrad) {
                    // S̄src[u] += Σ over u's edges in ascending target (read where target order keeps them)
                    SparseOps.addSegmentSums(ei.rowPtr(), ei.inPosition(), scoreGrad, tape.gradient(sSrc), heads,
                            ctx);
                }
            });
        });
        return y;
    }

    /**
     * The attention dropout of the weights of targets [from, to) (target order), each edge's h weights masked with the
     * factors the chain's dropout draws for their source-order positions.
     */
    private static void dropInTargetOrder(EdgeIndex ei, long callSeed, float p, int heads, MemorySegment alpha,
                                          MemorySegment kept, float[] factor, int from, int to) {
        int[] inEdges = ei.inEdges();
        for (int q = ei.inPtr()[from]; q < ei.inPtr()[to]; q++) {
            DropoutOps.maskFactors(callSeed, p, (long) inEdges[q] * heads, heads, factor);
            long at = (long) q * heads;
            for (int k = 0; k < heads; k++) {
                kept.setAtIndex(Tensor.F, at + k, factor[k] * alpha.getAtIndex(Tensor.F, at + k));
            }
        }
    }
}
