package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.layers.PerLayerReadoutNetwork;

/** Builds a freshly initialised graph-level network for one fold (its initial weights drawn from {@code seed}). */
@FunctionalInterface
public interface GraphModelFactory {
    PerLayerReadoutNetwork create(GraphDataset data, HyperParameters hp, long seed);
}
