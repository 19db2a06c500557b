package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.graph.ExecutionContext;

/** Builds a freshly initialised {@link NodeClassifier} for one run (all randomness from {@code seed}). */
@FunctionalInterface
public interface NodeModelFactory {
    NodeClassifier create(NodeDataset data, HyperParameters hp, long seed, ExecutionContext ctx);
}
