package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.graph.ExecutionContext;

/** Builds a freshly initialised {@link GraphClassifier} for one fold (all randomness from {@code seed}). */
@FunctionalInterface
public interface GraphModelFactory {
    GraphClassifier create(GraphDataset data, HyperParameters hp, long seed, ExecutionContext ctx);
}
