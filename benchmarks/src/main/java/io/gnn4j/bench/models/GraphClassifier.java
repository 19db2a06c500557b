package io.gnn4j.bench.models;

import java.util.random.RandomGenerator;

/**
 * A graph classifier under training, as the graph-classification loop sees it: one epoch of mini-batch optimisation
 * over the training graphs, and logits for any graphs in evaluation mode.
 */
public interface GraphClassifier {
    /**
     * One epoch over the graphs {@code train} in mini-batches (order shuffled with {@code rng}), targets
     * {@code labels[train[i]]}; returns the mean training loss.
     */
    double trainEpoch(int[] train, int[] labels, RandomGenerator rng);

    /** Logits of the graphs {@code graphs}, one row each in that order (C columns), in evaluation mode. */
    float[] logits(int[] graphs);
}
