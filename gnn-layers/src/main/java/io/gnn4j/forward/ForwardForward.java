package io.gnn4j.forward;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forward-forward on graphs with label appending (Hinton, "The Forward-Forward Algorithm", 2022, as adapted to GNNs
 * by Park et al., "Forward Learning of Graph Neural Networks", ICLR 2024, Sec. 3.1): every node's features get a
 * C-wide label part — the one-hot label for training nodes, the uniform 1/C vector for the others — in the positive
 * stream, and a wrong class for the training nodes in each negative stream. Each layer is trained to make the
 * {@link Goodness goodness} {@code Σ_j h_j² − θ} (θ = 2 in the paper) large on positive and small on negative
 * inputs. Prediction runs one stream per class c (training nodes keep their label, every other node gets c) and
 * picks the class whose stream has the largest mean squared activation summed over the layers.
 * {@link VirtualNodeForwardForward} puts the labels into the edges instead.
 */
public final class ForwardForward implements LocalObjective {
    private final Graph graph;
    private final List<Tensor> trainingInputs;
    private final List<Tensor> predictionInputs;
    private final Goodness goodness;

    private ForwardForward(Graph graph, List<Tensor> trainingInputs, List<Tensor> predictionInputs, int[] train,
                           double theta) {
        this.graph = graph;
        this.trainingInputs = trainingInputs;
        this.predictionInputs = predictionInputs;
        this.goodness = new Goodness(train, theta);
    }

    /**
     * The objective on {@code graph} with features {@code x} (N×F): {@code negatives} negative streams (at most
     * C − 1; the paper uses 2), each training node's wrong classes drawn without repetition from {@code seed}.
     */
    public static ForwardForward of(Graph graph, Tensor x, int[] labels, int[] train, int classes, int negatives,
                                    double theta, long seed) {
        Checks.nodeTask(graph, x, labels, train, classes);
        int n = graph.numNodes();
        int[] positive = new int[n];
        Arrays.fill(positive, -1);                 // -1: the uniform label part
        for (int v : train) {
            positive[v] = labels[v];
        }
        List<int[]> wrong = new ArrayList<>();
        for (int[] w : wrongClasses(labels, train, classes, negatives, seed)) {
            int[] stream = positive.clone();
            for (int i = 0; i < train.length; i++) {
                stream[train[i]] = w[i];
            }
            wrong.add(stream);
        }
        float[] features = x.toFloatArray();
        List<Tensor> training = new ArrayList<>();
        training.add(appended(features, n, x.cols(), classes, positive));
        for (int[] w : wrong) {
            training.add(appended(features, n, x.cols(), classes, w));
        }
        List<Tensor> prediction = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int[] guess = positive.clone();
            for (int v = 0; v < n; v++) {
                if (guess[v] < 0) {
                    guess[v] = c;
                }
            }
            prediction.add(appended(features, n, x.cols(), classes, guess));
        }
        return new ForwardForward(graph, List.copyOf(training), List.copyOf(prediction), train, theta);
    }

    /**
     * For each of {@code negatives} negative streams, a wrong class per training node (in {@code train}'s order): each
     * node's {@code negatives} wrong classes are distinct, drawn from {@code seed}.
     */
    static int[][] wrongClasses(int[] labels, int[] train, int classes, int negatives, long seed) {
        if (negatives < 1 || negatives > classes - 1) {
            throw new IllegalArgumentException("negatives must be in 1.." + (classes - 1) + " for " + classes
                    + " classes, got " + negatives);
        }
        int[][] wrong = new int[negatives][train.length];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] others = new int[classes - 1];
        for (int i = 0; i < train.length; i++) {
            int label = labels[train[i]];
            for (int c = 0, j = 0; c < classes; c++) {
                if (c != label) {
                    others[j++] = c;
                }
            }
            for (int k = 0; k < negatives; k++) {               // partial Fisher–Yates: k distinct wrong classes
                int pick = k + rng.nextInt(others.length - k);
                int t = others[k];
                others[k] = others[pick];
                others[pick] = t;
                wrong[k][i] = others[k];
            }
        }
        return wrong;
    }

    /** {@code [x | label part]}: one-hot of {@code label[v]}, or uniform 1/C where it is −1. */
    private static Tensor appended(float[] x, int n, int f, int classes, int[] label) {
        int w = f + classes;
        float[] out = new float[n * w];
        for (int v = 0; v < n; v++) {
            System.arraycopy(x, v * f, out, v * w, f);
            if (label[v] < 0) {
                Arrays.fill(out, v * w + f, v * w + w, 1f / classes);
            } else {
                out[v * w + f + label[v]] = 1f;
            }
        }
        return Tensor.of(n, w, out);
    }

    @Override
    public Graph graph() {
        return graph;
    }

    @Override
    public List<Tensor> trainingInputs() {
        return trainingInputs;
    }

    @Override
    public List<Tensor> predictionInputs() {
        return predictionInputs;
    }

    @Override
    public Tensor loss(Tape tape, int layer, List<Tensor> outputs) {
        return goodness.loss(tape, outputs);
    }

    @Override
    public Tensor scores(Tape tape, int layer, List<Tensor> outputs) {
        return Goodness.scores(tape, outputs, null);
    }
}
