/**
 * What the harness does to a loaded dataset before training ({@link io.gnn4j.bench.data.FeatureNormalization}); the
 * datasets themselves come from {@link io.gnn4j.datasets.Datasets}.
 */
package io.gnn4j.bench.data;
