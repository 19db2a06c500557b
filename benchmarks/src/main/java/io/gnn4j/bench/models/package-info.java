/**
 * The models the harness can train, looked up by name: registries that build freshly initialised networks from a
 * dataset and hyper-parameters ({@link io.gnn4j.bench.models.NodeNetwork}, a graph-level
 * {@link io.gnn4j.layers.PerLayerReadoutNetwork}, a {@link io.gnn4j.bench.models.LinkPredictor}); the tasks train
 * them with gnn-layers' {@link io.gnn4j.train.Trainer}. A name the registry knows but cannot build yet fails with a
 * plain "not available yet" message; no result is ever made up.
 */
package io.gnn4j.bench.models;
