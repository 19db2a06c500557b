package io.gnn4j.bench;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.SelfLoops;
import io.gnn4j.graph.SparseOps;
import io.gnn4j.graph.internal.KernelProvider;
import java.lang.foreign.MemorySegment;
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
 * Block SpMM (a sheaf Laplacian: d×d blocks on the pattern of {@link SpmmBenchmark}'s 100,000-node graph plus its
 * diagonal) beside plain SpMM of the same per-node width d·F on the same graph, F = 32 channels per stalk row as in
 * Neural Sheaf Diffusion. The {@link SpmmBenchmark.Traffic} counter holds the bytes each product must move at least
 * once — block SpMM: gathered rows nnz·d·F·4, the blocks nnz·d²·4, the output N·d·F·4 and the CSR arrays; SpMM: as in
 * {@link SpmmBenchmark} at width d·F — so that GB/s compare with {@link StreamTriadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1)
public class BlockSpmmBenchmark {
    static final int F = 32;

    @Param({"2", "3", "4"})
    public int d;

    @Param({"1"})
    public int threads;

    private Graph pattern;
    private MemorySegment blocks;
    private MemorySegment x;
    private MemorySegment y;
    private ExecutionContext ctx;

    @Setup(Level.Trial)
    public void setUp() {
        Graph g = SpmmBenchmark.randomSymmetricGraph(SpmmBenchmark.N, SpmmBenchmark.EDGES, 42);
        pattern = GraphBuilder.from(g).selfLoops(SelfLoops.ADD).build();
        blocks = MemorySegment.ofArray(random((long) pattern.numEntries() * d * d, 1));
        x = MemorySegment.ofArray(random((long) pattern.numNodes() * d * F, 2));
        y = MemorySegment.ofArray(new float[pattern.numNodes() * d * F]);
        ctx = ExecutionContext.withThreads(threads);
        System.out.printf("%n[block-spmm] %s, d=%d, kernels=%s, bytes/op block=%d spmm=%d%n", pattern, d,
                KernelProvider.kernels().name(), blockBytes(), SpmmBenchmark.bytesPerProduct(pattern, d * F));
    }

    private long blockBytes() {
        long nnz = pattern.numEntries(), n = pattern.numNodes();
        return nnz * d * F * 4L + nnz * d * d * 4L + n * d * F * 4L + (n + 1 + nnz) * 4L;
    }

    /** {@code len} uniform values in [−1, 1), seeded. */
    static float[] random(long len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[Math.toIntExact(len)];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
        }
        return a;
    }

    @Benchmark
    public MemorySegment blockSpmm(SpmmBenchmark.Traffic traffic) {
        SparseOps.blockSpmm(pattern, blocks, d, x, y, F, ctx);
        traffic.bytes += blockBytes();
        return y;
    }

    @Benchmark
    public MemorySegment spmmSameWidth(SpmmBenchmark.Traffic traffic) {
        SparseOps.spmm(pattern, x, y, d * F, ctx);
        traffic.bytes += SpmmBenchmark.bytesPerProduct(pattern, d * F);
        return y;
    }
}
