/**
 * Hyper-parameters of a training run and where they come from: built-in defaults, a model's paper defaults, a
 * YAML/JSON configuration file (the paper configurations under {@code configs/}), and command-line options, each
 * overriding the one before.
 */
package io.gnn4j.bench.config;
