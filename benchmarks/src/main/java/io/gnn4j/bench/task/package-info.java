/**
 * The training loops of the three tasks, shared by every model: per epoch a training step, an evaluation from the
 * model's raw outputs, early stopping on validation, and the test metric reported at the best validation epoch.
 */
package io.gnn4j.bench.task;
