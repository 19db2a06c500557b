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
        long callSeed = nextCallSeed(tape);
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
        long callSeed = nextCallSeed(tape);
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

    /**
     * {@code dropout(x, p)·W + b} as one operation (b may be null); see {@link #activatedDropoutThenLinear}.
     */
    static Tensor dropoutThenLinear(Tape tape, Tensor x, float p, boolean training, Tensor w, Tensor b) {
        if (!training || p == 0 || x.sparse != null) {
            return DenseOps.linear(tape, dropout(tape, x, p, training), w, b);
        }
        return activatedDropoutThenLinear(tape, x, false, 0f, p, w, b);
    }

    /**
     * {@code dropout(leakyRelu(x, slope), p)·W + b} as one operation (b may be null); see {@link
     * #activatedDropoutThenLinear}.
     */
    static Tensor leakyReluDropoutThenLinear(Tape tape, Tensor x, float slope, float p, boolean training, Tensor w,
                                            Tensor b) {
        if (!training || p == 0 || x.sparse != null) {
            return DenseOps.linear(tape, leakyReluDropout(tape, x, slope, p, training), w, b);
        }
        return activatedDropoutThenLinear(tape, x, true, slope, p, w, b);
    }

    /**
     * {@code dropout(a(x), p)·W + b} in training, a = leakyRelu(·, slope) when {@code activate}, else the identity:
     * the product's input a(x)⊙mask is made a block of rows at a time in a scratch buffer ({@link RowBlocks}) — for
     * the forward product, and again from x and the regenerated mask for W's gradient — so neither a(x) nor its
     * dropout is stored. It draws the chain's mask and does the chain's floating-point operations; only W's gradient
     * is summed block by block when there are several blocks (one, and so the chain's bits, up to {@value
     * #BLOCK_ROWS} rows).
     */
    private static Tensor activatedDropoutThenLinear(Tape tape, Tensor x, boolean activate, float slope, float p,
                                                     Tensor w, Tensor b) {
        checkProbability(p);
        DenseOps.checkLinear(x, w, b);
        long callSeed = nextCallSeed(tape);
        int n = x.rows, k = x.cols, m = w.cols;
        Tensor y = b == null ? tape.output(n, m, x, w) : tape.output(n, m, x, w, b);
        RowBlocks blocks = new RowBlocks(tape.context(), x.data, n, k, activate, slope, callSeed, p);
        blocks.forEach(tape, (input, r0, rows) ->
                Gemm.gemm(input, rows, k, w.data, k, m, rowsOf(y.data, r0, m), false, false, 1f, 0f));
        if (b != null) {
            DenseOps.addBiasInPlace(tape, y, b);
        }
        ExecutionContext ctx = tape.context();
        long size = (long) n * k;
        tape.record(y, () -> {
            if (x.requiresGrad) {
                tape.withScratch(n, k, g -> {
                    g.fill((byte) 0); // the chain's β = 1 product into a fresh zero gradient
                    Gemm.gemm(y.gradData, n, m, w.data, k, m, g, false, true, 1f, 1f);
                    if (activate) {
                        dropoutKernel(ctx, callSeed, p, g, g, size, false);
                        ActivationOps.leakyReluBackwardInto(ctx, x.data, g, tape.gradient(x), slope, size);
                    } else {
                        dropoutKernel(ctx, callSeed, p, g, tape.gradient(x), size, true);
                    }
                });
            }
            if (w.requiresGrad) {
                MemorySegment gw = tape.gradient(w);
                blocks.forEach(tape, (input, r0, rows) ->
                        Gemm.gemm(input, rows, k, rowsOf(y.gradData, r0, m), rows, m, gw, true, false, 1f, 1f));
            }
            if (b != null && b.requiresGrad) {
                DenseOps.sumRowsInto(tape.gradient(b), y.gradData, n, m, 1f);
            }
        });
        return y;
    }

    private static MemorySegment rowsOf(MemorySegment matrix, int r0, int cols) {
        return matrix.asSlice((long) r0 * cols * Float.BYTES);
    }

    /** Rows per block of {@link #activatedDropoutThenLinear}'s product input, at least (more when rows are narrow). */
    private static final int BLOCK_ROWS = 8192;

    /** Floats per block of {@link #activatedDropoutThenLinear}'s product input, at least, when rows are narrow. */
    private static final int BLOCK_FLOATS = 1 << 20;

    /**
     * The product input dropout(a(x)) of an n×k x, made for rows [r0, r1) at a time: max({@value #BLOCK_ROWS},
     * 2²⁰/k) rows per block (the last fewer). A block is made by activating and masking the whole dropout chunks that
     * cover its rows, so the scratch holds up to two partial chunks beside it; each element gets the value it has in
     * the whole tensor.
     */
    private static final class RowBlocks {
        private final int rows;
        private final int scratchFloats;
        private final ExecutionContext ctx;
        private final MemorySegment x;
        private final int n;
        private final int k;
        private final boolean activate;
        private final float slope;
        private final long callSeed;
        private final float p;

        RowBlocks(ExecutionContext ctx, MemorySegment x, int n, int k, boolean activate, float slope, long callSeed,
                  float p) {
            this.ctx = ctx;
            this.x = x;
            this.n = n;
            this.k = k;
            this.activate = activate;
            this.slope = slope;
            this.callSeed = callSeed;
            this.p = p;
            int wanted = Math.max(BLOCK_ROWS, BLOCK_FLOATS / k);
            int fits = (Integer.MAX_VALUE - 2 * DROPOUT_CHUNK) / k;
            this.rows = Math.max(1, Math.min(n, Math.min(wanted, fits)));
            long most = 0; // the largest span of covering chunks over the blocks
            for (int r0 = 0; r0 < n; r0 += rows) {
                most = Math.max(most, coverEnd(Math.min(n, r0 + rows)) - chunkStart(r0));
            }
            this.scratchFloats = Math.toIntExact(most);
        }

        /** What runs on each block: its rows of dropout(a(x)), its first row, its number of rows. */
        interface Body {
            void accept(MemorySegment input, int r0, int rows);
        }

        /** Makes the blocks in order in one pooled scratch buffer (handed back at the end) and runs body on each. */
        void forEach(Tape tape, Body body) {
            tape.withScratch(1, scratchFloats, s -> {
                for (int r0 = 0; r0 < n; r0 += rows) {
                    int r1 = Math.min(n, r0 + rows);
                    body.accept(input(s, r0, r1), r0, r1 - r0);
                }
            });
        }

        /** Rows [r0, r1) of dropout(a(x)), made in {@code scratch}: the slice that starts at row r0. */
        private MemorySegment input(MemorySegment scratch, int r0, int r1) {
            long base = chunkStart(r0), end = coverEnd(r1);
            MemorySegment from = x.asSlice(base * Float.BYTES);
            if (activate) {
                ActivationOps.leakyReluInto(ctx, from, scratch, slope, end - base);
                from = scratch;
            }
            int c0 = (int) (base / DROPOUT_CHUNK), c1 = (int) ((end + DROPOUT_CHUNK - 1) / DROPOUT_CHUNK);
            maskChunks(ctx, callSeed, p, from, scratch, c0, c1, (long) n * k, false);
            return scratch.asSlice(((long) r0 * k - base) * Float.BYTES);
        }

        private long chunkStart(int r0) {
            return (long) r0 * k / DROPOUT_CHUNK * DROPOUT_CHUNK;
        }

        /** The end (exclusive, in elements) of the last chunk that row r1 − 1 touches. */
        private long coverEnd(int r1) {
            long end = (long) r1 * k;
            return Math.min((long) n * k, (end + DROPOUT_CHUNK - 1) / DROPOUT_CHUNK * DROPOUT_CHUNK);
        }
    }

    static void checkProbability(float p) {
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
        maskChunks(ctx, callSeed, p, in, out, 0, (int) ((n + DROPOUT_CHUNK - 1) / DROPOUT_CHUNK), n, accumulate);
    }

    /**
     * {@link #dropoutKernel} on the chunks [c0, c1) of an n-element tensor only, with {@code in} and {@code out}
     * starting at element c0·{@value #DROPOUT_CHUNK} of it (slices): the same values those chunks get in the whole.
     */
    private static void maskChunks(ExecutionContext ctx, long callSeed, float p, MemorySegment in, MemorySegment out,
                                   int c0, int c1, long n, boolean accumulate) {
        int chunks = c1 - c0;
        long base = (long) c0 * DROPOUT_CHUNK;
        int blocks = ctx.threads() == 1 ? 1 : Math.min(chunks, ctx.threads() * 4);
        ctx.forEachBlock(blocks, blk -> {
            int from = c0 + (int) ((long) chunks * blk / blocks), to = c0 + (int) ((long) chunks * (blk + 1) / blocks);
            for (int c = from; c < to; c++) {
                long first = (long) c * DROPOUT_CHUNK;
                int len = (int) (Math.min(n, first + DROPOUT_CHUNK) - first);
                Elementwise.bernoulliScale(Elementwise.splitMix64(callSeed + c), p, in, out, first - base, len,
                        accumulate);
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
                    kept[k] = maskElement(callSeed, p, t, in[k]);
                    yd.setAtIndex(Tensor.F, t, kept[k]);
                }
            }
        });
        y.sparse = a.withValues(kept);
        return y;
    }

    /** The seed of the tape's next random call: its seed, step and call number mixed by {@link #mix}. */
    static long nextCallSeed(Tape tape) {
        return mix(tape.seed(), tape.step(), tape.nextRandomCall());
    }

    /**
     * The value {@link #dropoutKernel} (not accumulating) gives element t of a tensor whose value there is x, for the
     * call seeded {@code callSeed}: element t mod {@value #DROPOUT_CHUNK} of chunk t / {@value #DROPOUT_CHUNK}.
     */
    static float maskElement(long callSeed, float p, long t, float x) {
        return Elementwise.bernoulliScaleElement(Elementwise.splitMix64(callSeed + t / DROPOUT_CHUNK), p,
                t % DROPOUT_CHUNK, x);
    }

    /**
     * The factors (0 or 1/(1 − p)) by which {@link #dropoutKernel} multiplies the elements [t, t + len) of a tensor
     * for the call seeded {@code callSeed}, into {@code out[0 .. len)}: {@code factor · x} is its value for x.
     */
    static void maskFactors(long callSeed, float p, long t, int len, float[] out) {
        int at = 0;
        while (at < len) {
            long chunk = (t + at) / DROPOUT_CHUNK, j = (t + at) % DROPOUT_CHUNK;
            int n = (int) Math.min(len - at, DROPOUT_CHUNK - j);
            Elementwise.bernoulliFactors(Elementwise.splitMix64(callSeed + chunk), p, j, n, out, at);
            at += n;
        }
    }

    /** A 64-bit mix of the seed, the step and the call number (SplitMix64 finaliser on each). */
    private static long mix(long seed, long step, long call) {
        long h = seed;
        h = Elementwise.splitMix64(h ^ Elementwise.splitMix64(step + 0x9E3779B97F4A7C15L));
        return Elementwise.splitMix64(h ^ Elementwise.splitMix64(call + 0xD1B54A32D192ED03L));
    }
}
