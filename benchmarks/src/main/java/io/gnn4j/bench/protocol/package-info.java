/**
 * Evaluation protocols on top of the splits: the stratified validation hold-out inside a training fold and the
 * graph-level scenarios of "Revisiting GNNs on graph-level tasks" (noisy labels, class imbalance, few-shot), each a
 * pure, seeded function of the training indices and labels.
 */
package io.gnn4j.bench.protocol;
