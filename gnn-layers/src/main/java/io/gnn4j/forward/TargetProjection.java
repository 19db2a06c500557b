package io.gnn4j.forward;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * tpSGD's local targets (Lomnitz et al., "Learning with Local Gradients at the Edge", 2022): layer i has a fixed random
 * matrix P_i (H_i × C, entries N(0, 1), drawn from (seed, i)), its target for a training node is {@code P_i·y*} (y*
 * the one-hot label, so the column of P_i of the node's class), and its loss the mean squared error
 * {@code ‖P_i y* − h_i‖²} over the training nodes. A node's prediction at layer i decodes its output with the same
 * fixed projection, softmax of {@code P_iᵀ h_i} (the target a layer output is most aligned with; no readout is
 * trained), summed over the layers like ForwardGNN's predictions.
 */
public final class TargetProjection extends SingleStreamObjective {
    /** Spreads the layers' seeds apart (the 64-bit golden ratio). */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int[] train;
    private final int[] trainLabels;
    private final int classes;
    private final long seed;
    private final Map<Integer, Tensor> targets = new HashMap<>();
    private final Map<Integer, Tensor> projections = new HashMap<>();

    private TargetProjection(Graph graph, Tensor x, int[] train, int[] trainLabels, int classes, long seed) {
        super(graph, x);
        this.train = train;
        this.trainLabels = trainLabels;
        this.classes = classes;
        this.seed = seed;
    }

    /** The objective on {@code graph} with features {@code x} (N×F); {@code seed} draws the projections. */
    public static TargetProjection of(Graph graph, Tensor x, int[] labels, int[] train, int classes, long seed) {
        Checks.nodeTask(graph, x, labels, train, classes);
        int[] trainLabels = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            trainLabels[i] = labels[train[i]];
        }
        return new TargetProjection(graph, x, train, trainLabels, classes, seed);
    }

    /** Layer {@code layer}'s class targets as rows: C × width, row c = {@code P·e_c}. */
    Tensor targets(int layer, int width) {
        Tensor t = targets.computeIfAbsent(layer, l -> {
            SplittableRandom rng = new SplittableRandom(seed + GOLDEN * (l + 1));
            float[] p = new float[classes * width];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) rng.nextGaussian();
            }
            return Tensor.of(classes, width, p);
        });
        if (t.cols() != width) {
            throw new IllegalArgumentException("layer " + layer + " has width " + width + " but its targets were drawn "
                    + "for width " + t.cols());
        }
        return t;
    }

    @Override
    public Tensor loss(Tape tape, int layer, List<Tensor> outputs) {
        Tensor h = outputs.getFirst();
        return tape.mse(tape.gatherRows(h, train), tape.gatherRows(targets(layer, h.cols()), trainLabels));
    }

    @Override
    public Tensor scores(Tape tape, int layer, List<Tensor> outputs) {
        Tensor h = outputs.getFirst();
        Tensor p = projections.computeIfAbsent(layer, l -> {
            Tensor t = targets(l, h.cols());
            float[] pt = new float[t.cols() * classes];
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < t.cols(); j++) {
                    pt[j * classes + c] = t.get(c, j);
                }
            }
            return Tensor.of(t.cols(), classes, pt);
        });
        return tape.softmax(tape.matmul(h, p));
    }
}
