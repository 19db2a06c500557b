package io.gnn4j.nn;

import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;

/**
 * The loops that tape operations split over an {@link ExecutionContext}: over the elements or the rows of a buffer,
 * in contiguous blocks so that every element is written by one block. Small loops stay on the caller's thread.
 * {@link #parallelRows} is public for the custom operations ({@link Tape#custom}) of other modules.
 */
public final class ParallelLoops {
    /** Elements below which a loop stays on the caller's thread. */
    static final long PARALLEL_MIN = 1 << 16;

    private ParallelLoops() {}

    /** A loop body over the element range [from, to). */
    interface LongRange {
        void run(long from, long to);
    }

    /** A loop body over the row range [from, to). */
    public interface IntRange {
        void run(int from, int to);
    }

    /** Runs body over [0, n) split into contiguous blocks on the context; every element is written by one block. */
    static void parallel(ExecutionContext ctx, long n, LongRange body) {
        if (ctx.threads() == 1 || n < PARALLEL_MIN) {
            body.run(0, n);
            return;
        }
        int blocks = (int) Math.min(ctx.threads() * 4L, n / (PARALLEL_MIN / 4));
        ctx.forEachBlock(blocks, b -> body.run(n * b / blocks, n * (b + 1) / blocks));
    }

    /** Runs body over row ranges of an n×m matrix in parallel. */
    public static void parallelRows(ExecutionContext ctx, int n, int m, IntRange body) {
        if (ctx.threads() == 1 || (long) n * m < PARALLEL_MIN || n < 2) {
            body.run(0, n);
            return;
        }
        int blocks = Math.min(ctx.threads() * 4, n);
        ctx.forEachBlock(blocks, b -> body.run((int) ((long) n * b / blocks), (int) ((long) n * (b + 1) / blocks)));
    }

    /** {@code dst += src} over n elements, in parallel. */
    static void addInto(ExecutionContext ctx, MemorySegment dst, MemorySegment src, long n) {
        parallel(ctx, n, (from, to) -> {
            for (long i = from; i < to; i++) {
                dst.setAtIndex(Tensor.F, i, dst.getAtIndex(Tensor.F, i) + src.getAtIndex(Tensor.F, i));
            }
        });
    }

    /** {@code dst = s·src} over n elements, in parallel. */
    static void scaleInto(ExecutionContext ctx, MemorySegment dst, float s, MemorySegment src, long n) {
        parallel(ctx, n, (from, to) -> {
            for (long i = from; i < to; i++) {
                dst.setAtIndex(Tensor.F, i, s * src.getAtIndex(Tensor.F, i));
            }
        });
    }

    /** {@code dst += s·src} over n elements, in parallel. */
    static void axpyInto(ExecutionContext ctx, MemorySegment dst, float s, MemorySegment src, long n) {
        parallel(ctx, n, (from, to) -> {
            for (long i = from; i < to; i++) {
                dst.setAtIndex(Tensor.F, i, dst.getAtIndex(Tensor.F, i) + s * src.getAtIndex(Tensor.F, i));
            }
        });
    }
}
