/**
 * The TU Dortmund graph-classification text format (MUTAG, PROTEINS, ENZYMES, NCI1, IMDB-BINARY, ...) as {@link
 * io.gnn4j.datasets.GraphDataset}s, with MUTAG bundled, and the one-hot degree features used for datasets without
 * node labels.
 */
package io.gnn4j.datasets.tu;
