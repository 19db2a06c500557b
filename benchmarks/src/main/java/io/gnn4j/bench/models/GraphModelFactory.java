package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.layers.GraphLevelModule;

/**
 * Builds a freshly initialised graph-level network for one run (its initial weights drawn from {@code seed}) with
 * {@code outputs} values per graph: the number of classes for classification, of target columns for regression.
 */
@FunctionalInterface
public interface GraphModelFactory {
    GraphLevelModule create(GraphDataset data, int outputs, HyperParameters hp, long seed);
}
