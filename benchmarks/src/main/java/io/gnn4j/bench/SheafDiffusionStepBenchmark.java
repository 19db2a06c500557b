package io.gnn4j.bench;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.NativeThreads;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.sheaf.FixedStalks;
import io.gnn4j.sheaf.RestrictionMaps;
import io.gnn4j.sheaf.SheafDiffusion;
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
 * One training step (forward, cross-entropy on 60 % of the nodes, backward, Adam) of discrete Neural Sheaf Diffusion
 * with the official scripts' settings for Chameleon (Diag-NSD, d = 4 + one fixed low-pass dimension, 5 layers, 32
 * channels, second_linear) and Squirrel (O(d)-NSD, d = 3 + low-pass, otherwise the same; and Gen-NSD with those
 * settings, as the harness's Gen-NSD Squirrel runs use them), on random undirected graphs of those datasets' sizes
 * (2,277 nodes / 31,371 edges / 2,325 features; 5,201 / 198,353 / 2,089), 5 classes. What the step costs is the
 * learner's maps, the sheaf Laplacian's blocks and their backward, and block SpMM; the thread count applies to the
 * sparse kernels, the Laplacian and ND4J's BLAS. Peak RSS is printed at tear-down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class SheafDiffusionStepBenchmark {
    @Param({"chameleon-diag", "squirrel-orth", "squirrel-gen"})
    public String workload;

    @Param({"1", "2"})
    public int threads;

    private Graph graph;
    private Tensor x;
    private int[] labels;
    private int[] train;
    private SheafDiffusion net;
    private Adam adam;
    private Tape tape;

    @Setup(Level.Trial)
    public void setUp() {
        boolean chameleon = workload.equals("chameleon-diag");
        RestrictionMaps maps = switch (workload) {
            case "chameleon-diag" -> RestrictionMaps.DIAGONAL;
            case "squirrel-orth" -> RestrictionMaps.ORTHOGONAL;
            case "squirrel-gen" -> RestrictionMaps.GENERAL;
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        int n = chameleon ? 2_277 : 5_201, f = chameleon ? 2_325 : 2_089, classes = 5;
        graph = SpmmBenchmark.randomSymmetricGraph(n, chameleon ? 31_371 : 198_353, 7);
        SplittableRandom r = new SplittableRandom(11);
        float[] features = new float[n * f];
        for (int i = 0; i < features.length; i++) {
            features[i] = r.nextInt(50) == 0 ? 1f : 0f;          // sparse 0/1 bag-of-words, as the datasets' files
        }
        x = Tensor.of(n, f, features);
        labels = r.ints(n, 0, classes).toArray();
        train = java.util.stream.IntStream.range(0, n).filter(i -> i % 5 < 3).toArray();
        net = new SheafDiffusion(maps, f, classes, chameleon ? 4 : 3, 32, 5, 0f, 0.7f, FixedStalks.parse("lp"), true);
        net.resetParameters(new SplittableRandom(0));
        net.train();
        adam = new Adam(net.parameters(), 0.01, 3e-4);
        NativeThreads.set(threads);
        tape = new Tape(0, ExecutionContext.withThreads(threads));
        System.out.printf("%n[nsd-step] %s on %s, %d features, threads=%d%n", net, graph, f, threads);
    }

    @Benchmark
    public float step() {
        return TrainingStepBenchmark.step(net, graph, x, labels, train, adam, tape);
    }

    @TearDown(Level.Trial)
    public void report() {
        TrainingStepBenchmark.printPeakRss("nsd-step");
    }
}
