/**
 * Seeded, deterministic splits: per-class and ratio node splits, stratified k-fold for graph classification,
 * link-prediction edge splits with negative sampling, leave-k-out for recommendation.
 */
package io.gnn4j.datasets.split;
