package io.gnn4j.bench;

import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.directed.Pattern;
import io.gnn4j.directed.PatternOperator;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import java.io.IOException;
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
 * One application of an ADPA/AMUD pattern operator ({@link PatternOperator}, {@code D^(r−1)·P·D^(−r)·X}) with F
 * columns ({@code apply}), and the construction of the operator ({@code build}: degrees, and for a materialised
 * two-hop pattern its sparse–sparse product), on a random directed graph ({@code graph=random}: N = 20,000 nodes,
 * 200,000 arcs, seed 1) or Cora-ML as stored, directed ({@code graph=cora_ml}, 2,995 nodes, 8,416 arcs; needs the
 * dataset). {@code twoHop} compares the two ways of applying a two-hop pattern: two SpMMs (FACTORED) or one SpMM by
 * the product materialised once (MATERIALISED); one-hop patterns are one SpMM either way. Score: milliseconds.
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

    @Param({"A", "AT", "AA", "AAT"})
    public String pattern;

    @Param({"FACTORED", "MATERIALISED"})
    public String twoHop;

    @Param({"random"})
    public String graph;

    @Param({"64"})
    public int f;

    @Param({"1"})
    public int threads;

    Graph g;

    PatternOperator op;
    float[] x;
    ExecutionContext ctx;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ctx = ExecutionContext.withThreads(threads);
        g = graph.equals("random") ? Generators.randomDirected(N, M, false, 1)
                : ((NodeDataset) Datasets.load(graph)).graph();
        op = build();
        x = new float[g.numNodes() * f];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
    }

    @Benchmark
    public float[] apply() {
        return op.apply(x, f, ctx);
    }

    @Benchmark
    public PatternOperator build() {
        Pattern p = Pattern.valueOf(pattern);
        return PatternOperator.of(g, p, !p.twoHop(), false, 0.43, PatternOperator.TwoHop.valueOf(twoHop), ctx);
    }
}
