package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.NodeDataset;

/** Builds a freshly initialised {@link NodeNetwork} for one run (its initial weights drawn from {@code seed}). */
@FunctionalInterface
public interface NodeModelFactory {
    NodeNetwork create(NodeDataset data, HyperParameters hp, long seed);
}
