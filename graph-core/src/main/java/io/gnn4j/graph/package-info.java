/**
 * The sparse graph store of gnn4j: an immutable CSR {@link io.gnn4j.graph.Graph} built by
 * {@link io.gnn4j.graph.GraphBuilder}, its normalised operators ({@link io.gnn4j.graph.Normalization}), the
 * multi-threaded sparse kernels behind {@link io.gnn4j.graph.SparseOps}, and batching of many small graphs
 * ({@link io.gnn4j.graph.GraphBatch}). Symbols used throughout: N nodes, E stored (directed) entries, F features,
 * A the adjacency matrix with {@code A[u][v]} the weight of the edge u→v, Â a normalised A.
 */
package io.gnn4j.graph;
