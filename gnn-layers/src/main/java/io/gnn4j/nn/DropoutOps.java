package io.gnn4j.nn;

import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

/**
 * Inverted dropout on a tape and its random stream: each call's masks derive from (seed, step, call number) alone, so
 * one seed fixes them for any thread count, and the backward pass regenerates the mask instead of storing it.
 * The contract is documented on {@link Tape#dropout}.
 */
final class DropoutOps {
    private DropoutOps() {}

    static Tensor dropout(Tape tape, Tensor x, float p, boolean training) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        if (!training || p == 0) {
            return x;
        }
        long callSeed = mix(tape.seed(), tape.step(), tape.nextRandomCall());
        Tensor y = tape.output(x.rows, x.cols, x);
        long n = x.size();
        ExecutionContext ctx = tape.context();
        dropoutKernel(ctx, callSeed, p, x.data, y.data, n, false);
        // The mask is not stored: the backward pass regenerates it from the same seed.
        tape.record(y, () -> dropoutKernel(ctx, callSeed, p, y.gradData, tape.gradient(x), n, true));
        return y;
    }

    /** Elements per dropout chunk; each chunk has its own generator, so masks do not depend on the thread count. */
    private static final int DROPOUT_CHUNK = 1 << 15;
    /** Two adjacent floats read as one 64-bit word, to test both for +0 at once. */
    private static final ValueLayout.OfLong PAIR = ValueLayout.JAVA_LONG_UNALIGNED;

    /** The increment of {@link SplittableRandom}'s state for a generator made by {@code new SplittableRandom(seed)}. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * {@code out[i] (+)= mask[i]·in[i]} with mask[i] = 0 when the i-th 32-bit uniform is below p·2³², else
     * 1/(1−p); two uniforms per 64-bit draw of a SplittableRandom seeded by (call seed, chunk number). The k-th
     * draw (k = 1, 2, …) of {@code new SplittableRandom(s)} is SplitMix64's {@code mix(s + k·γ)}, computed here
     * directly ({@link #draw}), so a pair of +0 inputs skips its draw in the forward pass (their output is +0 whatever
     * the mask) while later draws keep their positions in the stream.
     */
    static void dropoutKernel(ExecutionContext ctx, long callSeed, float p, MemorySegment in, MemorySegment out,
                              long n, boolean accumulate) {
        long threshold = (long) ((double) p * 4294967296.0);
        float keep = 1f / (1f - p);
        int chunks = (int) ((n + DROPOUT_CHUNK - 1) / DROPOUT_CHUNK);
        int blocks = ctx.threads() == 1 ? 1 : Math.min(chunks, ctx.threads() * 4);
        ctx.forEachBlock(blocks, blk -> {
            int c0 = (int) ((long) chunks * blk / blocks), c1 = (int) ((long) chunks * (blk + 1) / blocks);
            for (int c = c0; c < c1; c++) {
                long seed = splitmix(callSeed + c);
                long base = (long) c * DROPOUT_CHUNK * Float.BYTES;
                int len = (int) (Math.min(n, (long) (c + 1) * DROPOUT_CHUNK) - (long) c * DROPOUT_CHUNK);
                for (int j = 0; j < len; j += 2) {
                    long at = base + (long) j * Float.BYTES;
                    boolean pair = j + 1 < len;
                    if (pair && !accumulate && in.get(PAIR, at) == 0L) {
                        out.set(PAIR, at, 0L);  // two +0 inputs: +0 outputs, whatever the mask
                        continue;
                    }
                    long bits = draw(seed, j / 2 + 1); // two 32-bit uniforms per draw
                    dropoutElement(in, out, at, bits >>> 32, threshold, keep, accumulate);
                    if (pair) {
                        dropoutElement(in, out, at + Float.BYTES, bits & 0xffffffffL, threshold, keep, accumulate);
                    }
                }
            }
        });
    }

    /** The k-th {@code nextLong()} (k ≥ 1) of {@code new SplittableRandom(seed)}. */
    static long draw(long seed, long k) {
        return splitmix(seed + k * GOLDEN_GAMMA);
    }

    /**
     * {@code out (+)= mask·in} at byte offset {@code at}. The mask is branch-free — (u − threshold) >>> 63 is 1 exactly
     * when u &lt; threshold (dropped); a branch on a random bit mispredicts half the time and was measured to dominate
     * the whole op.
     */
    private static void dropoutElement(MemorySegment in, MemorySegment out, long at, long u, long threshold,
                                       float keep, boolean accumulate) {
        float v = keep * (float) (((u - threshold) >>> 63) ^ 1L) * in.get(Tensor.F, at);
        if (accumulate) {
            v += out.get(Tensor.F, at);
        }
        out.set(Tensor.F, at, v);
    }

    /** A 64-bit mix of the seed, the step and the call number (SplitMix64 finaliser on each). */
    private static long mix(long seed, long step, long call) {
        long h = seed;
        h = splitmix(h ^ splitmix(step + 0x9E3779B97F4A7C15L));
        return splitmix(h ^ splitmix(call + 0xD1B54A32D192ED03L));
    }

    private static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
