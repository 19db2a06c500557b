/**
 * Internal: the sparse kernels behind {@link io.gnn4j.graph.SparseOps} and the provider that picks the scalar or
 * the Vector API implementation at start-up. Not part of the public API; kernels assume validated input.
 */
package io.gnn4j.graph.internal;
