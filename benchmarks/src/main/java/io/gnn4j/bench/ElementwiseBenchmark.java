package io.gnn4j.bench;

import io.gnn4j.graph.internal.ElementwiseKernels;
import io.gnn4j.graph.internal.KernelProvider;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The elementwise kernels of graph-core ({@link io.gnn4j.graph.Elementwise}), scalar against Vector API, one thread,
 * on an activation of the training-step workload's shape: N = 100,000 rows × 64 columns of float32 (25.6 MB per
 * buffer), standard-normal values (half of them negative, as a hidden layer's pre-activations) — LeakyReLU forward
 * and backward (slope 0: ReLU), ELU forward and backward (GAT's activation), the dropout mask (p = 0.5), the same
 * mask's factors drawn eight at a time (as GAT's attention dropout draws one edge's eight heads), a bias row added
 * to every row and the column sums of a bias gradient. Compare the times with {@link StreamTriadBenchmark}: each op
 * moves 2–4 buffers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ElementwiseBenchmark {
    static final int ROWS = 100_000;
    static final int COLS = 64;

    @Param({"scalar", "vector"})
    public String kernels;

    private ElementwiseKernels k;
    private Arena arena;
    private MemorySegment x;
    private MemorySegment g;
    private MemorySegment y;
    private MemorySegment bias;
    private final double[] sums = new double[COLS];
    private final float[] factors = new float[8];

    @Setup(Level.Trial)
    public void setUp() {
        k = kernels.equals("scalar") ? KernelProvider.elementwiseScalar() : KernelProvider.elementwiseVector();
        arena = Arena.ofShared();
        long n = (long) ROWS * COLS;
        x = arena.allocate(n * Float.BYTES, 64);
        g = arena.allocate(n * Float.BYTES, 64);
        y = arena.allocate(n * Float.BYTES, 64);
        bias = arena.allocate(COLS * Float.BYTES, 64);
        SplittableRandom r = new SplittableRandom(1);
        for (long i = 0; i < n; i++) {
            x.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) gaussian(r));
            g.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) gaussian(r));
        }
        for (int c = 0; c < COLS; c++) {
            bias.setAtIndex(ValueLayout.JAVA_FLOAT, c, (float) gaussian(r));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Benchmark
    public MemorySegment reluForward() {
        k.leakyRelu(x, y, 0f, 0, (long) ROWS * COLS);
        return y;
    }

    @Benchmark
    public MemorySegment reluBackward() {
        k.leakyReluBackward(x, g, y, 0f, 0, (long) ROWS * COLS);
        return y;
    }

    @Benchmark
    public MemorySegment eluForward() {
        k.scaledElu(x, y, 1f, 1f, 0, (long) ROWS * COLS);
        return y;
    }

    @Benchmark
    public MemorySegment eluBackward() {
        k.scaledEluBackward(x, x, g, y, 1f, 1f, 0, (long) ROWS * COLS);
        return y;
    }

    @Benchmark
    public float[] dropoutFactorsByEight() {
        for (long first = 0; first < (long) ROWS * COLS; first += factors.length) {
            k.bernoulliFactors(42L, 2147483648L, 2f, first, factors.length, factors, 0);
        }
        return factors;
    }

    @Benchmark
    public MemorySegment dropoutMask() {
        k.bernoulliScale(42L, 2147483648L, 2f, x, y, 0, ROWS * COLS, false);
        return y;
    }

    @Benchmark
    public MemorySegment biasRow() {
        k.addRow(x, bias, 1f, y, COLS, 0, ROWS);
        return y;
    }

    @Benchmark
    public double[] biasGradient() {
        java.util.Arrays.fill(sums, 0);
        k.columnSums(g, COLS, 0, ROWS, sums);
        return sums;
    }
}
