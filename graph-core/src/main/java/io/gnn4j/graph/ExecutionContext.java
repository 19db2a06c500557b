package io.gnn4j.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * The one configurable pool every parallel kernel of gnn4j runs on. Pass a context to choose the number of threads;
 * {@link #defaultContext()} uses all available cores. A context with one thread runs everything on the caller's
 * thread. Results never depend on the thread count: work is split into blocks whose outputs do not overlap.
 */
public final class ExecutionContext {
    private static final class DefaultHolder {
        static final ExecutionContext DEFAULT = new ExecutionContext(Runtime.getRuntime().availableProcessors());
    }

    private final int threads;
    private final ForkJoinPool pool;

    private ExecutionContext(int threads) {
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setDaemon(true);
            t.setName("gnn4j-" + t.getPoolIndex());
            return t;
        }, null, false);
    }

    /** A context with its own pool of {@code threads} worker threads (1 = run on the caller's thread). */
    public static ExecutionContext withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new ExecutionContext(threads);
    }

    /** The shared context using every available core. */
    public static ExecutionContext defaultContext() {
        return DefaultHolder.DEFAULT;
    }

    /** Number of worker threads. */
    public int threads() {
        return threads;
    }

    /** Runs {@code body.accept(b)} for every block {@code b} in {@code [0, blocks)}, in parallel, and waits. */
    public void forEachBlock(int blocks, IntConsumer body) {
        if (pool == null || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int block = b;
            tasks.add(pool.submit(() -> body.accept(block)));
        }
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }

    @Override
    public String toString() {
        return "ExecutionContext(threads=" + threads + ")";
    }
}
