package io.gnn4j.bench.models;

import io.gnn4j.nn.Module;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.random.RandomGenerator;

/**
 * A link predictor as the link-prediction task trains it: its trainable module, the loss of one step on the training
 * edges (negatives sampled with {@code rng}), and scores for arbitrary node pairs (higher = more likely an edge).
 */
public interface LinkPredictor {
    /** The trainable part. */
    Module module();

    /** One step's loss on the training edges, recorded on {@code tape}. */
    Tensor loss(Tape tape, RandomGenerator rng);

    /** Scores of the pairs (src[i], dst[i]), a column, recorded on {@code tape}. */
    Tensor scores(Tape tape, int[] src, int[] dst);
}
