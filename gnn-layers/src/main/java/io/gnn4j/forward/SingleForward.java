package io.gnn4j.forward;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ForwardGNN-SF, the single-forward objective of Park et al., "Forward Learning of Graph Neural Networks" (ICLR 2024,
 * Sec. 3.2): the graph gets one virtual node per class, with random N(0, 1) features, linked in both directions to
 * the labelled training nodes of its class; every layer is trained with the cross-entropy of softmax over
 * {@code ⟨h_v, h_c⟩/τ} (h_c the class node's output) on the training nodes, and a node's prediction sums those
 * softmax probabilities over the layers. Training and prediction run the same single input stream.
 */
public final class SingleForward extends SingleStreamObjective {
    private final int numNodes;
    private final int[] train;
    private final int[] trainLabels;
    private final int[] realNodes;
    private final int[] classNodes;
    private final float invTemperature;

    private SingleForward(Graph graph, Tensor input, int numNodes, int classes, int[] train, int[] trainLabels,
                          float temperature) {
        super(graph, input);
        this.numNodes = numNodes;
        this.train = train;
        this.trainLabels = trainLabels;
        this.realNodes = new int[numNodes];
        for (int v = 0; v < numNodes; v++) {
            realNodes[v] = v;
        }
        this.classNodes = new int[classes];
        for (int c = 0; c < classes; c++) {
            classNodes[c] = numNodes + c;
        }
        this.invTemperature = 1f / temperature;
    }

    /**
     * The objective on {@code graph} with node features {@code x} (N×F), the class of every node and the training
     * nodes; {@code seed} draws the class nodes' features.
     */
    public static SingleForward of(Graph graph, Tensor x, int[] labels, int[] train, int classes, double temperature,
                                   long seed) {
        int n = graph.numNodes();
        Checks.nodeTask(graph, x, labels, train, classes);
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        GraphBuilder b = GraphBuilder.directed(n + classes).addEntries(graph);
        int[] trainLabels = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            int v = train[i];
            trainLabels[i] = labels[v];
            b.addEdge(v, n + labels[v]).addEdge(n + labels[v], v);
        }
        int f = x.cols();
        float[] features = new float[(n + classes) * f];
        System.arraycopy(x.toFloatArray(), 0, features, 0, n * f);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n * f; i < features.length; i++) {
            features[i] = (float) rng.nextGaussian();
        }
        return new SingleForward(b.build(), Tensor.of(n + classes, f, features), n, classes, train,
                trainLabels, (float) temperature);
    }

    /** The number of classes (class nodes). */
    int classes() {
        return classNodes.length;
    }

    /**
     * The label state of the top-down input variant, (N + C) × C: a training node's one-hot class, the uniform 1/C for
     * the other real nodes, and each class node's own class.
     */
    Tensor labelState() {
        int c = classNodes.length, rows = numNodes + c;
        float[] y = new float[rows * c];
        Arrays.fill(y, 0, numNodes * c, 1f / c);
        for (int i = 0; i < train.length; i++) {
            Arrays.fill(y, train[i] * c, train[i] * c + c, 0f);
            y[train[i] * c + trainLabels[i]] = 1f;
        }
        for (int k = 0; k < c; k++) {
            y[(numNodes + k) * c + k] = 1f;
        }
        return Tensor.of(rows, c, y);
    }

    @Override
    public Tensor loss(Tape tape, int layer, List<Tensor> outputs) {
        Tensor h = outputs.getFirst();
        return tape.crossEntropy(logits(tape, tape.gatherRows(h, train), h), trainLabels, null);
    }

    @Override
    public Tensor scores(Tape tape, int layer, List<Tensor> outputs) {
        Tensor h = outputs.getFirst();
        return tape.softmax(logits(tape, tape.gatherRows(h, realNodes), h));
    }

    /** {@code ⟨h_v, h_c⟩/τ} for the rows of {@code nodes} against every class node of {@code h}. */
    private Tensor logits(Tape tape, Tensor nodes, Tensor h) {
        return tape.scale(tape.matmulTransposed(nodes, tape.gatherRows(h, classNodes)), invTemperature);
    }
}
