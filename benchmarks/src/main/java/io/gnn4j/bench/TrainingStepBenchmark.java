package io.gnn4j.bench;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.datasets.generate.PlantedPartition;
import io.gnn4j.bench.eval.PeakMemory;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.APPNP;
import io.gnn4j.layers.Activation;
import io.gnn4j.layers.Dropout;
import io.gnn4j.layers.GATConv;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.GINConv;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.MLP;
import io.gnn4j.layers.SAGEConv;
import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.NativeThreads;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
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
 * One full-batch training step (forward, cross-entropy on the training half, backward, Adam with weight decay) of
 * the models of ../shared/peers/pyg/bench_fullbatch.py, on the same planted-partition graph (N = 100,000,
 * 1,000,000 draws made undirected without self loops, F = 128, 16 classes, 50/25/25 split), with the same
 * architectures: GCN 128-64-16, GraphSAGE-mean, GIN with 2-layer MLPs, GAT 8×8 heads, APPNP (MLP then K=10,
 * α=0.1). The thread count applies to both the sparse kernels and ND4J's BLAS. Peak RSS and the tape's peak live
 * bytes (values and gradients a step holds at once, {@link Tape#peakLiveBytes()}) are printed at tear-down; the
 * set-up's garbage is collected before the first step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class TrainingStepBenchmark {
    @Param({"gcn", "sage", "gin", "gat", "appnp"})
    public String model;

    @Param({"2"})
    public int threads;

    /**
     * Node numbering: {@code generated} (the generator's, classes drawn at random per node) or {@code by-class}
     * ({@link ClassRenumbering}: the same graph, features, labels and splits with each class's nodes consecutive —
     * the most locality a renumbering can give this graph's sparse products).
     */
    @Param({"generated"})
    public String order;

    private Graph graph;
    private Tensor x;
    private int[] labels;
    private int[] train;
    private GraphModule net;
    private Adam adam;
    private Tape tape;

    @Setup(Level.Trial)
    public void setUp() {
        NodeDataset generated = Generators.plantedPartition(PlantedPartition.pygPeer(0));
        NodeDataset d = switch (order) {
            case "generated" -> generated;
            case "by-class" -> ClassRenumbering.of(generated);
            default -> throw new IllegalArgumentException("order must be generated or by-class, got " + order);
        };
        graph = d.graph();
        x = Tensor.of(graph.numNodes(), d.numFeatures(), d.features());
        labels = d.labels();
        train = d.splits().get(0).train();
        int f = d.numFeatures(), c = d.numClasses();
        net = build(model, f, c);
        net.resetParameters(new SplittableRandom(0));
        adam = new Adam(net.parameters(), 0.01, 5e-4);
        ExecutionContext ctx = ExecutionContext.withThreads(threads);
        NativeThreads.set(threads);
        tape = new Tape(0, ctx);
        // The features are copied off-heap into x, so the generator's feature array and its edge lists are garbage
        // now; collect them before the first step, as Python's reference counting frees the peer's at once, so that
        // the fork's peak RSS is the training step's and not the generator's leftover heap.
        System.gc();
        System.out.printf("%n[train-step] %s on %s, %d features, %d classes, %d train nodes, threads=%d%n",
                net, graph, f, c, train.length, threads);
    }

    static GraphModule build(String name, int f, int c) {
        return switch (name) {
            case "gcn" -> new Sequential(new GCNConv(f, 64), Activation.RELU.module(), new Dropout(0.5f),
                    new GCNConv(64, c));
            case "sage" -> new Sequential(new SAGEConv(f, 64), Activation.RELU.module(), new Dropout(0.5f),
                    new SAGEConv(64, c));
            case "gin" -> new Sequential(new GINConv(new MLP(f, 64, 64)), Activation.RELU.module(), new Dropout(0.5f),
                    new GINConv(new MLP(64, 64, c)));
            case "gat" -> new Sequential(new Dropout(0.6f), new GATConv(f, 8, 8, true, 0.2f, 0.6f, true, true),
                    Activation.ELU.module(), new Dropout(0.6f), new GATConv(64, c, 1, false, 0.2f, 0.6f, true, true));
            case "appnp" -> new Sequential(new Dropout(0.5f), new MLP(Activation.RELU, 0.5f, f, 64, c),
                    new APPNP(10, 0.1f));
            default -> throw new IllegalArgumentException("unknown model " + name);
        };
    }

    @Benchmark
    public float step() {
        return step(net, graph, x, labels, train, adam, tape);
    }

    /**
     * One full-batch step: cross-entropy of {@code net}'s logits on the rows {@code index} (all rows when null),
     * backward, Adam; the tape is reset after it. Returns the loss.
     */
    static float step(GraphModule net, Graph graph, Tensor x, int[] labels, int[] index, Adam adam, Tape tape) {
        adam.zeroGrad();
        Tensor loss = tape.crossEntropy(net.forward(tape, graph, x), labels, index);
        tape.backward(loss);
        adam.step();
        float value = loss.item();
        tape.reset();
        return value;
    }

    @TearDown(Level.Trial)
    public void report() {
        printPeakRss("train-step");
        System.out.println("[train-step] tape peak live " + tape.peakLiveBytes() / 1024 + " kB");
    }

    /** Prints the process's peak RSS ({@code VmHWM}) as {@code [tag] peak RSS N kB}. */
    static void printPeakRss(String tag) {
        System.out.println("[" + tag + "] peak RSS " + PeakMemory.processPeakBytes() / 1024 + " kB");
    }
}
