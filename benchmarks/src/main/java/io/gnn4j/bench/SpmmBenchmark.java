package io.gnn4j.bench;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.datasets.generate.PlantedPartition;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.Normalization;
import io.gnn4j.graph.SparseOps;
import io.gnn4j.graph.internal.KernelProvider;
import io.gnn4j.graph.internal.SparseKernels;
import io.gnn4j.nn.Nd4jViews;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * SpMM {@code Y = A·X} on a random symmetric graph (N = 100,000, 1,000,000 random undirected edges ≈ 2,000,000
 * nonzeros) times a 100,000×F float32 ND4J matrix (F = 128 by default; {@code -p f=16} is APPNP's propagation
 * width, where each gathered row is one cache line), read and written in place through MemorySegment views.
 * {@code -p graph=banded} links every node to its 10 successors instead (same number of entries): the gathered rows
 * are then neighbours in memory, which separates the kernel's own cost from the latency of random gathers.
 * {@code -p weights=gcn} multiplies by the GCN operator D^{-1/2}(A + I)D^{-1/2} of the graph instead (GCN's and
 * APPNP's product: self loops added, a float weight read per entry).
 * {@code -p graph=planted} is {@link TrainingStepBenchmark}'s planted-partition graph (16 classes, 70 % of the draws
 * inside the source's class, classes drawn at random per node), {@code planted-by-class} the same graph renumbered
 * class by class ({@link ClassRenumbering}) — the most locality a renumbering can find in it (a community's rows
 * adjacent in memory), to bound what a locality-aware node order would save.
 * The {@code bytes} counter is the traffic the product must move at least once: the gathered rows
 * (nnz·F·4), the output (N·F·4) and the CSR arrays ((N+1+nnz)·4) — divide by time for GB/s and hold it against
 * {@link StreamTriadBenchmark} measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class SpmmBenchmark {
    static final int N = 100_000;
    static final int EDGES = 1_000_000;

    @Param({"128"})
    public int f;

    @Param({"random"})
    public String graph;

    @Param({"none"})
    public String weights;

    @Param({"1", "2"})
    public int threads;

    @Param({"vector", "scalar"})
    public String kernels;

    private Graph a;
    private INDArray x;
    private INDArray y;
    private MemorySegment xs;
    private MemorySegment ys;
    private ExecutionContext ctx;
    private SparseKernels impl;

    @Setup(Level.Trial)
    public void setUp() {
        a = switch (graph) {
            case "random" -> randomSymmetricGraph(N, EDGES, 42);
            case "banded" -> bandedGraph(N, EDGES / N);
            case "planted" -> planted().graph();
            case "planted-by-class" -> ClassRenumbering.of(planted()).graph();
            default -> throw new IllegalArgumentException("graph must be random, banded, planted or planted-by-class, "
                    + "got " + graph);
        };
        a = switch (weights) {
            case "none" -> a;
            case "gcn" -> Normalization.gcn(a);
            default -> throw new IllegalArgumentException("weights must be none or gcn, got " + weights);
        };
        x = Nd4j.rand(DataType.FLOAT, N, f);
        y = Nd4j.create(DataType.FLOAT, N, f);
        xs = Nd4jViews.segment(x);
        ys = Nd4jViews.segment(y);
        ctx = ExecutionContext.withThreads(threads);
        impl = kernels.equals("scalar") ? KernelProvider.scalar() : KernelProvider.vector();
        System.out.printf("%n[spmm] %s %s, nnz=%d, kernels=%s, bytes/op=%d%n", graph, a, a.numEntries(), impl.name(),
                bytesPerProduct(a, f));
    }

    /** Bytes one product moves at least once (see class comment). */
    static long bytesPerProduct(Graph g, int f) {
        long nnz = g.numEntries();
        return nnz * f * 4L + (long) g.numNodes() * f * 4L + (g.numNodes() + 1L + nnz) * 4L;
    }

    /** 'edges' random pairs u≠v from a seeded generator, stored both ways, duplicates merged. */
    static Graph randomSymmetricGraph(int n, int edges, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GraphBuilder b = GraphBuilder.undirected(n);
        while (b.size() < edges) {
            int u = r.nextInt(n), v = r.nextInt(n);
            if (u != v) {
                b.addEdge(u, v);
            }
        }
        return b.build();
    }

    /** Each node u linked to u+1 … u+k (mod n), stored both ways: n·k undirected edges with local neighbours. */
    static Graph bandedGraph(int n, int k) {
        GraphBuilder b = GraphBuilder.undirected(n);
        for (int u = 0; u < n; u++) {
            for (int j = 1; j <= k; j++) {
                b.addEdge(u, (u + j) % n);
            }
        }
        return b.build();
    }

    private static NodeDataset planted() {
        return Generators.plantedPartition(PlantedPartition.pygPeer(0));
    }

    /** Per-invocation traffic, reported by JMH next to the time so GB/s can be read off directly. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Traffic {
        public long bytes;
    }

    @Benchmark
    public MemorySegment spmm(Traffic traffic) {
        SparseOps.spmm(impl, a, xs, ys, f, ctx);
        traffic.bytes += bytesPerProduct(a, f);
        return ys;
    }

    /**
     * Two products in a chain, {@code Y = A·X} then {@code X = A·Y}, as a propagation's steps run (APPNP, SGC, FastRP):
     * every gathered row was written by the previous product, on whichever thread owned its block, instead of being
     * the same read-only X each time. Time per operation is two products; use {@code -p weights=gcn} so the values
     * stay bounded.
     */
    @Benchmark
    public MemorySegment chain(Traffic traffic) {
        SparseOps.spmm(impl, a, xs, ys, f, ctx);
        SparseOps.spmm(impl, a, ys, xs, f, ctx);
        traffic.bytes += 2 * bytesPerProduct(a, f);
        return xs;
    }
}
