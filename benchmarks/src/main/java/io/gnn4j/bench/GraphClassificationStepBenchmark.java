package io.gnn4j.bench;

import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.layers.Activation;
import io.gnn4j.layers.GINConv;
import io.gnn4j.layers.GlobalPooling;
import io.gnn4j.layers.MLP;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.NativeThreads;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * The graph-classification workload of ../shared/peers/pyg/bench_gin_graph.py, for a side-by-side run: one training
 * step (forward, cross-entropy, backward, Adam lr 0.01) of PyG's {@code mutag_gin.py} model on the first 128 MUTAG
 * graphs (one-hot atom labels), collated once — five GINConv layers with h_Θ = Linear → BatchNorm → ReLU → Linear
 * (width 64, ε = 0), each followed by ReLU, sum pooling, then Linear → ReLU → dropout 0.5 → Linear to 2 classes —
 * and, separately, the collation of those 128 graphs into one {@link GraphBatch} with its feature matrix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class GraphClassificationStepBenchmark {
    @Param({"1"})
    public int threads;

    private List<Graph> graphs;
    private List<float[]> features;
    private int numFeatures;
    private GraphBatch batch;
    private Tensor x;
    private int[] labels;
    private Net net;
    private Adam adam;
    private Tape tape;

    /** PyG's mutag_gin.py network. */
    static final class Net extends Module {
        private final List<GINConv> convs = new ArrayList<>();
        private final MLP head;

        Net(int f, int hidden, int classes, int layers) {
            for (int l = 0; l < layers; l++) {
                convs.add(addModule("conv" + l, new GINConv(new MLP(Activation.RELU, 0f, true, l == 0 ? f : hidden,
                        hidden, hidden))));
            }
            head = addModule("head", new MLP(Activation.RELU, 0.5f, hidden, hidden, classes));
        }

        Tensor forward(Tape t, GraphBatch b, Tensor x) {
            Tensor h = x;
            for (GINConv conv : convs) {
                h = Activation.RELU.apply(t, conv.forward(t, b.graph(), h));
            }
            return head.forward(t, GlobalPooling.sum(t, h, b));
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        GraphDataset mutag = Datasets.loadGraphs("mutag");
        int n = 128;
        graphs = mutag.graphs().subList(0, n);
        features = mutag.nodeFeatures().subList(0, n);
        numFeatures = mutag.numFeatures();
        labels = java.util.Arrays.copyOf(mutag.labels(), n);
        batch = GraphBatch.of(graphs);
        x = Tensor.of(batch.graph().numNodes(), numFeatures, batch.concatNodeFeatures(features, numFeatures));
        net = new Net(numFeatures, 64, mutag.numClasses(), 5);
        net.resetParameters(new SplittableRandom(0));
        adam = new Adam(net.parameters(), 0.01);
        NativeThreads.set(threads);
        tape = new Tape(0, ExecutionContext.withThreads(threads));
        net.train();
        System.out.printf("%n[graph-step] GIN-5×64 on %d MUTAG graphs: %d nodes, %d edges, %d features, "
                + "threads=%d%n", n, batch.graph().numNodes(), batch.graph().numEdges(), numFeatures, threads);
    }

    @Benchmark
    public float step() {
        adam.zeroGrad();
        Tensor loss = tape.crossEntropy(net.forward(tape, batch, x), labels, null);
        tape.backward(loss);
        adam.step();
        float value = loss.item();
        tape.reset();
        return value;
    }

    @Benchmark
    public float[] collateBatch() {
        return GraphBatch.of(graphs).concatNodeFeatures(features, numFeatures);
    }
}
