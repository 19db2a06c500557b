package io.gnn4j.nn;

import io.gnn4j.graph.CsrMatrix;
import io.gnn4j.graph.Elementwise;
import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;

/**
 * Inverted dropout on a tape and its random stream: each call's masks derive from (seed, step, call number) alone, so
 * one seed fixes them for any thread count, and the backward pass regenerates the mask instead of storing it.
 * The contract is documented on {@link Tape#dropout}.
 */
final class DropoutOps {
    private DropoutOps() {}

    static Tensor dropout(Tape tape, Tensor x, float p, boolean training) {
        checkProbability(p);
        if (!training || p == 0) {
            return x;
        }
        long callSeed = mix(tape.seed(), tape.step(), tape.nextRandomCall());
        if (x.sparse != null) {
            return sparseDropout(tape, x, p, callSeed);
        }
        Tensor y = tape.output(x.rows, x.cols, x);
        long n = x.size();
        ExecutionContext ctx = tape.context();
        dropoutKernel(ctx, callSeed, p, x.data, y.data, n, false);
        // The mask is not stored: the backward pass regenerates it from the same seed.
        tape.record(y, () -> dropoutKernel(ctx, callSeed, p, y.gradData, tape.gradient(x), n, true));
        return y;
    }

    /**
     * {@code dropout(leakyRelu(x, slope), p)} as one operation: the activation is written into the output and masked
     * there, so its N×F value is never stored — the backward pass needs only x and the regenerated mask. The floating-
     * point operations are the chain's, in its order, and it draws the same mask, so the values and gradients are the
     * chain's bit for bit. In backward the masked gradient is written over the output's own gradient (which the tape
     * frees next) when x has no gradient yet, otherwise into a zeroed scratch buffer handed back at once, as the
     * chain's intermediate gradient is.
     */
    static Tensor leakyReluDropout(Tape tape, Tensor x, float slope, float p, boolean training) {
        checkProbability(p);
        if (!training || p == 0) {
            return ActivationOps.leakyRelu(tape, x, slope);
        }
        long callSeed = mix(tape.seed(), tape.step(), tape.nextRandomCall());
        Tensor y = tape.output(x.rows, x.cols, x);
        long n = x.size();
        ExecutionContext ctx = tape.context();
        ActivationOps.leakyReluInto(ctx, x.data, y.data, slope, n);
        dropoutKernel(ctx, callSeed, p, y.data, y.data, n, false);
        tape.record(y, () -> {
            if (x.gradData == null && !y.retainsGrad) {
                // Ȳ is handed back to the pool after this closure: mask it in place. Where the chain's zeroed
                // intermediate gradient holds +0 this may hold −0, which adds to X̄'s fresh +0 as +0: same bits.
                dropoutKernel(ctx, callSeed, p, y.gradData, y.gradData, n, false);
                ActivationOps.leakyReluBackwardInto(ctx, x.data, y.gradData, tape.gradient(x), slope, n);
            } else {
                tape.withScratch(x.rows, x.cols, g -> {
                    g.fill((byte) 0);
                    dropoutKernel(ctx, callSeed, p, y.gradData, g, n, true);
                    ActivationOps.leakyReluBackwardInto(ctx, x.data, g, tape.gradient(x), slope, n);
                });
            }
        });
        return y;
    }

    private static void checkProbability(float p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
    }

    /** Elements per dropout chunk; each chunk has its own generator, so masks do not depend on the thread count. */
    private static final int DROPOUT_CHUNK = 1 << 15;

    /**
     * {@code out (+)= mask·in} over n elements: chunk c of {@value #DROPOUT_CHUNK} elements is masked by
     * {@link Elementwise#bernoulliScale} with the generator seed SplitMix64(call seed + c) — two 32-bit uniforms per
     * 64-bit draw, an element dropped when its uniform is below p·2³², the survivors scaled by 1/(1−p).
     */
    static void dropoutKernel(ExecutionContext ctx, long callSeed, float p, MemorySegment in, MemorySegment out,
                              long n, boolean accumulate) {
        int chunks = (int) ((n + DROPOUT_CHUNK - 1) / DROPOUT_CHUNK);
        int blocks = ctx.threads() == 1 ? 1 : Math.min(chunks, ctx.threads() * 4);
        ctx.forEachBlock(blocks, blk -> {
            int c0 = (int) ((long) chunks * blk / blocks), c1 = (int) ((long) chunks * (blk + 1) / blocks);
            for (int c = c0; c < c1; c++) {
                long first = (long) c * DROPOUT_CHUNK;
                int len = (int) (Math.min(n, first + DROPOUT_CHUNK) - first);
                Elementwise.bernoulliScale(Elementwise.splitMix64(callSeed + c), p, in, out, first, len, accumulate);
            }
        });
    }

    /**
     * Dropout of a sparse constant (no gradient): each non-zero at flat position t gets the value
     * {@link #dropoutKernel} gives it — element t mod {@value #DROPOUT_CHUNK} of chunk t / {@value #DROPOUT_CHUNK} —
     * and the zeros stay +0, so the output is the dense op's bit for bit with one draw per non-zero; it keeps the
     * index, with the masked values.
     */
    private static Tensor sparseDropout(Tape tape, Tensor x, float p, long callSeed) {
        CsrMatrix a = x.sparse;
        Tensor y = tape.output(x.rows, x.cols, x);
        int[] rowPtr = a.rowPtr(), colIdx = a.colIdx();
        float[] in = a.values(), kept = new float[in.length];
        long cols = x.cols;
        MemorySegment yd = y.data;
        ParallelLoops.parallelRows(tape.context(), x.rows, x.cols, (from, to) -> {
            yd.asSlice(from * cols * Float.BYTES, (to - from) * cols * Float.BYTES).fill((byte) 0);
            for (int r = from; r < to; r++) {
                for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
                    long t = r * cols + colIdx[k];
                    long chunkSeed = Elementwise.splitMix64(callSeed + t / DROPOUT_CHUNK);
                    kept[k] = Elementwise.bernoulliScaleElement(chunkSeed, p, t % DROPOUT_CHUNK, in[k]);
                    yd.setAtIndex(Tensor.F, t, kept[k]);
                }
            }
        });
        y.sparse = a.withValues(kept);
        return y;
    }

    /** A 64-bit mix of the seed, the step and the call number (SplitMix64 finaliser on each). */
    private static long mix(long seed, long step, long call) {
        long h = seed;
        h = Elementwise.splitMix64(h ^ Elementwise.splitMix64(step + 0x9E3779B97F4A7C15L));
        return Elementwise.splitMix64(h ^ Elementwise.splitMix64(call + 0xD1B54A32D192ED03L));
    }
}
