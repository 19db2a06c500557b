package io.gnn4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a random memory access, the floor under a sparse product's gathers: {@code chains} independent pointer
 * chases, one thread, over one random cycle through 8 M cache lines (512 MB, far past the last-level cache). With one
 * chain the time per load is the memory latency; with more, independent misses overlap until the core runs out of
 * outstanding-miss slots, and the time per load falls to the random-access throughput of one core. Reported as ns per
 * load (one load = one 64-byte line from a random place). {@link SpmmBenchmark} gathers rows of whole lines; this
 * is the same access without the product.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class MemoryLatencyBenchmark {
    static final int LINES = 8 << 20;
    /** Ints per 64-byte line: each line holds one link of the cycle. */
    static final int STRIDE = 16;
    static final int LOADS = 1 << 20;

    @Param({"1", "8", "32"})
    public int chains;

    private int[] next;
    private int[] start;

    @Setup(Level.Trial)
    public void setUp() {
        int[] order = new int[LINES];
        for (int i = 0; i < LINES; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(1);
        for (int i = LINES - 1; i > 0; i--) {
            int j = r.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        next = new int[LINES * STRIDE];
        for (int i = 0; i < LINES; i++) {
            next[order[i] * STRIDE] = order[(i + 1) % LINES] * STRIDE;
        }
        start = new int[chains];
        for (int c = 0; c < chains; c++) {
            start[c] = order[(int) ((long) LINES * c / chains)] * STRIDE;
        }
    }

    /** {@code LOADS} dependent-per-chain loads, the chains interleaved; the positions reached are returned. */
    @Benchmark
    @OperationsPerInvocation(LOADS)
    public int[] chase() {
        int[] p = start.clone();
        for (int h = 0; h < LOADS / chains; h++) {
            for (int c = 0; c < chains; c++) {
                p[c] = next[p[c]];
            }
        }
        System.arraycopy(p, 0, start, 0, chains);   // the next invocation continues along the cycle
        return p;
    }
}
