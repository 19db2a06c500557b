package io.gnn4j.bench.cli;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.Normalization;
import io.gnn4j.graph.SparseOps;
import io.gnn4j.graph.internal.KernelProvider;
import io.gnn4j.graph.internal.SparseKernels;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gnn4j kernels}: builds a random graph, normalises it as GCN does and times SpMM {@code Â·X} with the scalar
 * and the vector kernels, printing a Markdown table of median times and effective bandwidth. A quick look at what
 * the machine gives; the rigorous figures come from the JMH suite ({@code ./jmh SpmmBenchmark}).
 */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = "Time the sparse kernels (SpMM) on a random graph and print a table.")
final class KernelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "100000", description = "number of nodes (default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--edges", defaultValue = "1000000", description = "random undirected edges (default: ${DEFAULT-VALUE})")
    int edges;

    @Option(names = "--features", defaultValue = "128", description = "feature columns F (default: ${DEFAULT-VALUE})")
    int features;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "thread counts (default: ${DEFAULT-VALUE})")
    int[] threads;

    @Option(names = "--kernels", split = ",", defaultValue = "scalar,vector",
            description = "kernel implementations to time: scalar, vector (default: ${DEFAULT-VALUE})")
    List<String> kernels;

    @Option(names = "--reps", defaultValue = "7", description = "timed repetitions (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (nodes < 2 || edges < 1 || features < 1 || reps < 1) {
            throw new IllegalArgumentException("need --nodes >= 2, --edges >= 1, --features >= 1, --reps >= 1");
        }
        SplittableRandom r = new SplittableRandom(seed);
        GraphBuilder b = GraphBuilder.undirected(nodes);
        while (b.size() < edges) {
            int u = r.nextInt(nodes), v = r.nextInt(nodes);
            if (u != v) {
                b.addEdge(u, v);
            }
        }
        Graph a = Normalization.gcn(b.build());
        long cells = (long) nodes * features;
        PrintWriter out = spec.commandLine().getOut();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment x = arena.allocate(cells * Float.BYTES, 64);
            MemorySegment y = arena.allocate(cells * Float.BYTES, 64);
            for (long i = 0; i < cells; i++) {
                x.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) r.nextDouble(-1, 1));
            }
            long bytes = (long) a.numEntries() * features * 4 + cells * 4 + (nodes + 1L + a.numEntries()) * 8;
            out.printf("Â = D^-1/2 (A+I) D^-1/2 of a random graph: %,d nodes, %,d entries; X: %d features%n%n",
                    nodes, a.numEntries(), features);
            out.println("| kernels | threads | median ms | GB/s |");
            out.println("|---|---|---|---|");
            List<SparseKernels> impls = new ArrayList<>();
            for (String name : kernels) {
                switch (name) {
                    case "scalar" -> impls.add(KernelProvider.scalar());
                    case "vector" -> impls.add(KernelProvider.vector());
                    default -> throw new IllegalArgumentException("unknown kernels '" + name + "': use scalar or vector");
                }
            }
            for (SparseKernels k : impls) {
                for (int t : threads) {
                    ExecutionContext ctx = ExecutionContext.withThreads(t);
                    double[] ms = new double[reps];
                    SparseOps.spmm(k, a, x, y, features, ctx);   // warm-up
                    for (int i = 0; i < reps; i++) {
                        long t0 = System.nanoTime();
                        SparseOps.spmm(k, a, x, y, features, ctx);
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    Arrays.sort(ms);
                    double median = ms[reps / 2];
                    out.printf("| %s | %d | %.1f | %.1f |%n", k.name(), t, median, bytes / median / 1e6);
                }
            }
        }
        out.flush();
        return 0;
    }
}
