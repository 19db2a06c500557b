/**
 * The models the harness can train, looked up by name: small interfaces ({@link io.gnn4j.bench.models.NodeClassifier},
 * {@link io.gnn4j.bench.models.GraphClassifier}, {@link io.gnn4j.bench.models.LinkPredictor}) that a trained
 * network exposes to the training loops, and registries that build them from a dataset and hyper-parameters. A name
 * the registry knows but cannot build yet fails with a plain "not available yet" message; no result is ever made up.
 */
package io.gnn4j.bench.models;
