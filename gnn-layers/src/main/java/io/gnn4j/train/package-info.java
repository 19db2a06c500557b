/**
 * Training without writing the loop: the {@link io.gnn4j.train.Trainer} runs epochs for any model (optimisers,
 * schedules, early stopping, no-grad evaluation, a NaN/Inf guard, gradient clipping, listeners), with the
 * {@link io.gnn4j.train.Metrics} every evaluation shares.
 */
package io.gnn4j.train;
