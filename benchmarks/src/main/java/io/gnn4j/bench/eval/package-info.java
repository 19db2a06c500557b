/**
 * The evaluation harness without any model: metrics (accuracy, cross-entropy, ROC-AUC, Hits@K), early stopping,
 * per-run results and their aggregation into a mean ± std table, CSV/JSON/PNG output, peak-memory probes and a
 * progress bar that stays quiet off a terminal.
 */
package io.gnn4j.bench.eval;
