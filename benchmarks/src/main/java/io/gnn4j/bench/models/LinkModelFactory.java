package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.graph.Graph;

/**
 * Builds a freshly initialised {@link LinkPredictor} for one run: it may only see the training graph (held-out
 * edges removed) and the node features (N×F row-major, F may be 0).
 */
@FunctionalInterface
public interface LinkModelFactory {
    LinkPredictor create(Graph trainGraph, float[] features, int numFeatures, int[] trainSrc, int[] trainDst,
                         HyperParameters hp, long seed);
}
