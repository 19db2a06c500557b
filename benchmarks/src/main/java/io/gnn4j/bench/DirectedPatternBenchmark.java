package io.gnn4j.bench;

import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.directed.Pattern;
import io.gnn4j.directed.PatternOperator;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One application of an ADPA/AMUD pattern operator ({@link PatternOperator}, {@code D^(r−1)·P·D^(−r)·X}) on a random
 * directed graph (N = 20,000 nodes, 200,000 arcs, seed 1) with F = 64 columns: the one-hop patterns are one SpMM,
 * the two-hop ones two (never materialised). Score: milliseconds per application.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class DirectedPatternBenchmark {
    static final int N = 20_000;
    static final int M = 200_000;
    static final int F = 64;

    @Param({"A", "AT", "AA", "AAT"})
    public String pattern;

    @Param({"1"})
    public int threads;

    PatternOperator op;
    float[] x;
    ExecutionContext ctx;

    @Setup(Level.Trial)
    public void setUp() {
        ctx = ExecutionContext.withThreads(threads);
        Graph g = Generators.randomDirected(N, M, false, 1);
        op = PatternOperator.of(g, Pattern.valueOf(pattern), !Pattern.valueOf(pattern).twoHop(), false, 0.43, ctx);
        x = new float[N * F];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
    }

    @Benchmark
    public float[] apply() {
        return op.apply(x, F, ctx);
    }
}
