package io.gnn4j.bench;

import io.gnn4j.graph.ExecutionContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The STREAM triad {@code a[i] = b[i] + s·c[i]} over three float arrays of 100 M elements (3 × 400 MB), split in
 * contiguous blocks over the same {@link ExecutionContext} the kernels use: the machine's sustainable memory
 * bandwidth, to hold {@link SpmmBenchmark} against. Bytes per operation: 3 × 4 × length (STREAM's convention,
 * write-allocate traffic not counted).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class StreamTriadBenchmark {
    static final int LENGTH = 100_000_000;

    @Param({"1", "2"})
    public int threads;

    private float[] a;
    private float[] b;
    private float[] c;
    private ExecutionContext ctx;

    @Setup(Level.Trial)
    public void setUp() {
        a = new float[LENGTH];
        b = new float[LENGTH];
        c = new float[LENGTH];
        java.util.Arrays.fill(b, 1f);
        java.util.Arrays.fill(c, 2f);
        ctx = ExecutionContext.withThreads(threads);
        System.out.printf("%n[triad] bytes/op=%d%n", 3L * 4 * LENGTH);
    }

    @Benchmark
    public float[] triad(SpmmBenchmark.Traffic traffic) {
        int blocks = threads;
        ctx.forEachBlock(blocks, k -> {
            int from = (int) ((long) LENGTH * k / blocks), to = (int) ((long) LENGTH * (k + 1) / blocks);
            float s = 3f;
            for (int i = from; i < to; i++) {
                a[i] = b[i] + s * c[i];
            }
        });
        traffic.bytes += 3L * 4 * LENGTH;
        return a;
    }
}
