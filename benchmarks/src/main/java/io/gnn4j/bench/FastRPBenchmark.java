package io.gnn4j.bench;

import io.gnn4j.datasets.BlogCatalog;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.generate.FastRpAnchorGraph;
import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.embed.FastRPResult;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.SparseOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * FastRP end to end (operator, random vectors, every power, combination) against the issue-6 anchors.
 *
 * <p>{@link #anchorGraph}: the graph Neo4j GDS 2.26 was timed on (N = 100,000 nodes, exactly 1,000,000 distinct
 * undirected edges from {@code SplittableRandom(42)}, see {@link FastRpAnchorGraph}); GDS took ≈2.0 s CPU at d = 128 with
 * weights [0, 1, 1] on one thread, ≈2.1 s at d = 256, ≈3–4.5 s with 4 iterations at d = 256. Parameter {@code config}:
 * "gds" runs GDS's own algorithm (sparsity 3, every power normalised and propagated), "paper" the paper's (s = √N,
 * sparse first product, powers normalised where combined). {@link #blogCatalog}: the authors' BlogCatalog setting at
 * d = 512 (their SciPy code: ≈1.2 s wall / 5.6 s CPU); it reads {@code blogcatalog/blogcatalog.mat} in the
 * {@link Datasets#sharedFolderAbove shared datasets folder}, or {@code -Dgnn4j.blogcatalog=PATH}.
 *
 * <p>Iteration weights are written with underscores ({@code -p weights=0_1_1}) because JMH splits parameter
 * values at commas. Scores are embeddings per second (seconds per embedding = 1/score); the {@code edgeDims} counter
 * adds stored entries × d × powers per embedding, so its rate is the edges·dim/s figure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class FastRPBenchmark {
    static final int N = 100_000;
    static final int M = 1_000_000;

    /** The anchor graph and its parameters. */
    @State(Scope.Benchmark)
    public static class Anchor {
        @Param({"128", "256"})
        public int dim;

        @Param({"0_1_1", "0_1_1_1"})
        public String weights;

        @Param({"1", "2"})
        public int threads;

        @Param({"gds", "paper"})
        public String config;

        Graph graph;
        FastRPParameters params;
        ExecutionContext ctx;

        @Setup(Level.Trial)
        public void setUp() {
            graph = anchorGraph();
            double[] w = Arrays.stream(weights.split("_")).mapToDouble(Double::parseDouble).toArray();
            FastRPParameters base = config.equals("gds") ? FastRPParameters.gdsDefaults(dim, 42)
                    : FastRPParameters.paperBlogCatalog(dim, 42).toBuilder().standardize(false).build();
            params = base.toBuilder().iterationWeights(w).build();
            ctx = ExecutionContext.withThreads(threads);
            System.out.printf("%n[fastrp] %s, kernels=%s, %s, memory estimate %.0f MB%n", graph,
                    SparseOps.kernelName(), params,
                    FastRP.memoryEstimateBytes(graph.numNodes(), graph.numEntries(), params) / 1e6);
        }
    }

    /** BlogCatalog with the authors' configuration at d = 512. */
    @State(Scope.Benchmark)
    public static class Blog {
        @Param({"2"})
        public int threads;

        Graph graph;
        FastRPParameters params;
        ExecutionContext ctx;

        @Setup(Level.Trial)
        public void setUp() {
            String explicit = System.getProperty("gnn4j.blogcatalog");
            Path shared = Datasets.sharedFolderAbove(Path.of(System.getProperty("gnn4j.projectRoot", ".")));
            Path p = explicit != null ? Path.of(explicit) : shared.resolve("blogcatalog").resolve("blogcatalog.mat");
            if (!Files.exists(p)) {
                throw new IllegalStateException(p + " is absent: pass -Dgnn4j.blogcatalog=PATH to the forked JVM");
            }
            try {
                graph = BlogCatalog.load(p).graph();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            params = FastRPParameters.paperBlogCatalog(512, 42);
            ctx = ExecutionContext.withThreads(threads);
        }
    }

    /** Per-invocation work: stored entries × d × powers, for the edges·dim/s rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        public long edgeDims;
    }

    @Benchmark
    public FastRPResult anchorGraph(Anchor a, Work work) {
        work.edgeDims += (long) a.graph.numEntries() * a.params.dimension() * a.params.iterations();
        return new FastRP(a.graph, a.params, a.ctx).compute();
    }

    @Benchmark
    public FastRPResult blogCatalog(Blog b, Work work) {
        work.edgeDims += (long) b.graph.numEntries() * b.params.dimension() * b.params.iterations();
        return new FastRP(b.graph, b.params, b.ctx).compute();
    }

    /** The anchor graph of issue 6 (N = 100,000, M = 1,000,000, seed 42), from the datasets generator. */
    static Graph anchorGraph() {
        return FastRpAnchorGraph.graph(N, M, FastRpAnchorGraph.SEED);
    }
}
