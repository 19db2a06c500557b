package io.gnn4j.forward;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forward-forward on graphs with class virtual nodes (Park et al., "Forward Learning of Graph Neural Networks", ICLR
 * 2024, Sec. 3.1; the official code's {@code GNN_VNLA} with {@code --append-label none} and bidirectional virtual
 * edges): the graph gets one virtual node per class with random N(0, 1) features, and the labels go into the edges
 * instead of the features. In the positive graph every training node is linked, both ways, to the node of its own
 * class; in negative graph k to the node of its k-th wrong class (a different one per graph, drawn per node). All
 * streams read the same features — at each layer the layer below's output on the positive graph — and differ only in
 * these edges, so a layer learns to make the {@link Goodness goodness} of the training nodes large when they are
 * linked to their own class and small otherwise. Prediction runs one graph per class c, with the training nodes
 * linked to their own class and every other real node to c, and picks the class whose graph gives a node the
 * largest mean squared activation summed over the layers. (The official code links only the evaluated nodes to c,
 * and for testing also the validation nodes to their true class; we reveal the training labels only, as
 * {@link ForwardForward} does.)
 */
public final class VirtualNodeForwardForward implements LocalObjective {
    private final Graph positive;
    private final List<Graph> trainingGraphs;
    private final List<Graph> predictionGraphs;
    private final List<Tensor> trainingInputs;
    private final List<Tensor> predictionInputs;
    private final int[] realNodes;
    private final Goodness goodness;

    private VirtualNodeForwardForward(List<Graph> trainingGraphs, List<Graph> predictionGraphs, Tensor input,
                                      int numNodes, int[] train, double theta) {
        this.positive = trainingGraphs.getFirst();
        this.trainingGraphs = trainingGraphs;
        this.predictionGraphs = predictionGraphs;
        this.trainingInputs = Collections.nCopies(trainingGraphs.size(), input);
        this.predictionInputs = Collections.nCopies(predictionGraphs.size(), input);
        this.realNodes = new int[numNodes];
        for (int v = 0; v < numNodes; v++) {
            realNodes[v] = v;
        }
        this.goodness = new Goodness(train, theta);
    }

    /**
     * The objective on {@code graph} with features {@code x} (N×F): {@code negatives} negative graphs (at most C − 1;
     * the official scripts use all C − 1), each training node's wrong classes drawn without repetition from
     * {@code seed}, which also draws the class nodes' features.
     */
    public static VirtualNodeForwardForward of(Graph graph, Tensor x, int[] labels, int[] train, int classes,
                                               int negatives, double theta, long seed) {
        Checks.nodeTask(graph, x, labels, train, classes);
        int n = graph.numNodes();
        int[] own = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            own[i] = labels[train[i]];
        }
        List<Graph> training = new ArrayList<>();
        training.add(linked(graph, classes, train, own, -1));
        for (int[] wrong : ForwardForward.wrongClasses(labels, train, classes, negatives, seed)) {
            training.add(linked(graph, classes, train, wrong, -1));
        }
        List<Graph> prediction = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            prediction.add(linked(graph, classes, train, own, c));
        }
        int f = x.cols();
        float[] features = new float[(n + classes) * f];
        System.arraycopy(x.toFloatArray(), 0, features, 0, n * f);
        SplittableRandom rng = new SplittableRandom(~seed);
        for (int i = n * f; i < features.length; i++) {
            features[i] = (float) rng.nextGaussian();
        }
        return new VirtualNodeForwardForward(List.copyOf(training), List.copyOf(prediction),
                Tensor.of(n + classes, f, features), n, train, theta);
    }

    /**
     * {@code graph} with C class nodes after its N nodes, training node {@code train[i]} linked both ways to class node
     * {@code classOf[i]}, and, when {@code rest >= 0}, every other real node to class node {@code rest}.
     */
    private static Graph linked(Graph graph, int classes, int[] train, int[] classOf, int rest) {
        int n = graph.numNodes();
        GraphBuilder b = GraphBuilder.directed(n + classes).addEntries(graph);
        boolean[] isTrain = new boolean[n];
        for (int i = 0; i < train.length; i++) {
            isTrain[train[i]] = true;
            b.addEdge(train[i], n + classOf[i]).addEdge(n + classOf[i], train[i]);
        }
        if (rest >= 0) {
            for (int v = 0; v < n; v++) {
                if (!isTrain[v]) {
                    b.addEdge(v, n + rest).addEdge(n + rest, v);
                }
            }
        }
        return b.build();
    }

    /** The positive graph. */
    @Override
    public Graph graph() {
        return positive;
    }

    @Override
    public List<Tensor> trainingInputs() {
        return trainingInputs;
    }

    @Override
    public List<Graph> trainingGraphs() {
        return trainingGraphs;
    }

    @Override
    public boolean trainingStreamsShareInput() {
        return true;
    }

    @Override
    public List<Tensor> predictionInputs() {
        return predictionInputs;
    }

    @Override
    public List<Graph> predictionGraphs() {
        return predictionGraphs;
    }

    @Override
    public Tensor loss(Tape tape, int layer, List<Tensor> outputs) {
        return goodness.loss(tape, outputs);
    }

    @Override
    public Tensor scores(Tape tape, int layer, List<Tensor> outputs) {
        return Goodness.scores(tape, outputs, realNodes);
    }
}
