package io.gnn4j.bench.models;

import java.util.random.RandomGenerator;

/**
 * A link predictor under training: optimisation steps on the training edges (negatives sampled by the model with
 * {@code rng}), and scores for arbitrary node pairs in evaluation mode (higher = more likely an edge).
 */
public interface LinkPredictor {
    /** One optimisation step on the training edges; returns the loss. */
    double trainStep(RandomGenerator rng);

    /** Scores of the pairs (src[i], dst[i]). */
    float[] score(int[] src, int[] dst);
}
