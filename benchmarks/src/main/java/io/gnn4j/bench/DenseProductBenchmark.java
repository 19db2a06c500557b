package io.gnn4j.bench;

import io.gnn4j.nn.NativeThreads;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * OpenBLAS's {@code cblas_sgemm} — the call every dense product of the tape ends in — alone, on the shapes of the
 * MUTAG graph-classification step ({@link GraphClassificationStepBenchmark}: a batch of 2,347 nodes, 64-wide
 * layers), with its operands hot in cache: the rate the step's products could reach, to hold the step's profile
 * against. {@code forward} is X·W (2,347 × 64 · 64 × 64), {@code inputGradient} Ȳ·Wᵀ, {@code weightGradient} Xᵀ·Ȳ
 * (64 × 2,347 · 2,347 × 64). The {@code flops} counter (2·m·n·k per product) turns the time into FLOP/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DenseProductBenchmark {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    @Param({"forward", "inputGradient", "weightGradient"})
    public String product;

    @Param({"2347"})
    public int rows;

    @Param({"64"})
    public int width;

    @Param({"1"})
    public int threads;

    private FloatPointer x;
    private FloatPointer w;
    private FloatPointer y;
    private FloatPointer g;

    /** Floating-point operations per invocation, reported by JMH next to the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public long flops;
    }

    @Setup(Level.Trial)
    public void setUp() {
        if (!List.of("forward", "inputGradient", "weightGradient").contains(product)) {
            throw new IllegalArgumentException("product must be forward, inputGradient or weightGradient, got "
                    + product);
        }
        NativeThreads.set(threads);
        SplittableRandom rnd = new SplittableRandom(7);
        x = random(rnd, rows * width);
        w = random(rnd, width * width);
        y = random(rnd, rows * width);
        g = new FloatPointer((long) width * width);
    }

    /** Native memory, as the tape's tensors are (a Java array would be copied in and out by every call). */
    private static FloatPointer random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextDouble() - 0.5);
        }
        return new FloatPointer(a);
    }

    @Benchmark
    public FloatPointer gemm(Flops counter) {
        int m = rows, f = width;
        counter.flops += 2L * m * f * f;
        return switch (product) {
            case "forward" -> product(NO_TRANS, NO_TRANS, m, f, f, x, w, y);
            case "inputGradient" -> product(NO_TRANS, TRANS, m, f, f, y, w, x);
            default -> product(TRANS, NO_TRANS, f, f, m, x, y, g);
        };
    }

    /** C = op(A)·op(B), m×n with inner dimension k, all row-major without padding; returns C. */
    private static FloatPointer product(int transA, int transB, int m, int n, int k, FloatPointer a, FloatPointer b,
                                        FloatPointer c) {
        int lda = transA == TRANS ? m : k, ldb = transB == TRANS ? k : n;
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, c, n);
        return c;
    }
}
