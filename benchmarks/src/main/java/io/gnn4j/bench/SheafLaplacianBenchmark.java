package io.gnn4j.bench;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.sheaf.Householder;
import io.gnn4j.sheaf.RestrictionMaps;
import io.gnn4j.sheaf.SheafLaplacian;
import java.util.Locale;
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
 * The sheaf Laplacian's blocks from the restriction maps and their backward to the maps ({@link SheafLaplacian#blocks},
 * then the gradient of Σ blocks ⊙ W) — the part of a Neural Sheaf Diffusion layer between the learner's maps and
 * block SpMM — on a random undirected graph of Squirrel's size (5,201 nodes, 198,353 edges) with d = 4 (the official
 * Squirrel script's 3 learned stalk dimensions and one fixed), for each map family with the normalisation its model
 * uses ({@link RestrictionMaps#normalisation()}): general maps with the full blocks (Gen-NSD), diagonal and
 * orthogonal (Householder) maps with the diagonals.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class SheafLaplacianBenchmark {
    private static final int D = 4;

    @Param({"general", "diagonal", "orthogonal"})
    public String maps;

    @Param({"1", "2"})
    public int threads;

    private SheafLaplacian laplacian;
    private SheafLaplacian.Normalisation normalisation;
    private Tensor mapValues;
    private Tensor weights;
    private Tape tape;

    @Setup(Level.Trial)
    public void setUp() {
        Graph graph = SpmmBenchmark.randomSymmetricGraph(5_201, 198_353, 7);
        laplacian = SheafLaplacian.of(graph, D);
        int entries = graph.numEntries();
        RestrictionMaps type = RestrictionMaps.valueOf(maps.toUpperCase(Locale.ROOT));
        normalisation = type.normalisation();
        float[] values = switch (type) {
            case GENERAL -> BlockSpmmBenchmark.random(entries * D * D, 1);
            case DIAGONAL -> {
                float[] v = BlockSpmmBenchmark.random(entries * D * D, 1);
                for (int i = 0; i < v.length; i++) {
                    if (i % (D * D) % (D + 1) != 0) {
                        v[i] = 0;                       // off the diagonal
                    }
                }
                yield v;
            }
            case ORTHOGONAL -> {
                int reflections = D * (D - 1) / 2;        // Householder parameters per map
                Tensor params = Tensor.of(entries, reflections, BlockSpmmBenchmark.random(entries * reflections, 1));
                yield Householder.apply(Tape.noGrad(), params, D).toFloatArray();
            }
            case IDENTITY -> throw new IllegalArgumentException("identity maps have no learned blocks to time");
        };
        mapValues = Tensor.variable(Tensor.of(entries, D * D, values).value());
        int blocks = laplacian.pattern().numEntries();
        weights = Tensor.of(blocks, D * D, BlockSpmmBenchmark.random(blocks * D * D, 2));
        tape = new Tape(0, ExecutionContext.withThreads(threads));
        System.out.printf("%n[sheaf-laplacian] %s maps, %s normalisation, d=%d, %s, threads=%d%n", maps,
                normalisation, D, graph, threads);
    }

    @Benchmark
    public Tensor blocksAndBackward() {
        if (mapValues.gradData() != null) {
            mapValues.gradData().fill((byte) 0);
        }
        Tensor blocks = laplacian.blocks(tape, mapValues, normalisation);
        tape.backward(tape.sum(tape.mul(blocks, weights)));
        tape.reset();
        return mapValues;
    }
}
