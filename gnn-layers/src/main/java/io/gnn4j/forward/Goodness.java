package io.gnn4j.forward;

import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The goodness of forward-forward (Hinton, "The Forward-Forward Algorithm", 2022), shared by the two graph variants
 * of Park et al. (ICLR 2024, Sec. 3.1): a layer's loss is the binary cross-entropy of {@code g(h) = Σ_j h_j² − θ}
 * with target 1 on the positive stream plus the mean over the negative streams of that with target 0, over the
 * training nodes; a stream's score per node is its mean squared activation (the official code's
 * {@code mean(h²) − θ}, without the constant θ, which does not change which stream wins).
 */
final class Goodness {
    private final int[] train;
    private final Tensor minusTheta;
    private final Tensor ones;
    private final Tensor zeros;

    Goodness(int[] train, double theta) {
        this.train = train;
        this.minusTheta = Tensor.of(1, 1, (float) -theta);
        float[] one = new float[train.length];
        Arrays.fill(one, 1f);
        this.ones = Tensor.of(train.length, 1, one);
        this.zeros = Tensor.of(train.length, 1, new float[train.length]);
    }

    /** The loss of a layer's outputs: the positive stream first, then at least one negative stream. */
    Tensor loss(Tape tape, List<Tensor> outputs) {
        Tensor positive = tape.bceWithLogits(goodness(tape, outputs.getFirst()), ones);
        Tensor negative = null;
        for (int k = 1; k < outputs.size(); k++) {
            Tensor l = tape.bceWithLogits(goodness(tape, outputs.get(k)), zeros);
            negative = negative == null ? l : tape.add(negative, l);
        }
        return tape.add(positive, tape.scale(negative, 1f / (outputs.size() - 1)));
    }

    /** {@code Σ_j h_j² − θ} of the training nodes, a column. */
    private Tensor goodness(Tape tape, Tensor h) {
        Tensor t = tape.gatherRows(h, train);
        return tape.add(tape.sumRows(tape.mul(t, t)), minusTheta);
    }

    /** One column per stream (per class): the mean squared activation of the given rows of each output. */
    static Tensor scores(Tape tape, List<Tensor> outputs, int[] rows) {
        Tensor[] columns = new Tensor[outputs.size()];
        for (int c = 0; c < columns.length; c++) {
            Tensor h = rows == null ? outputs.get(c) : tape.gatherRows(outputs.get(c), rows);
            columns[c] = tape.scale(tape.sumRows(tape.mul(h, h)), 1f / h.cols());
        }
        return tape.concat(columns);
    }
}
