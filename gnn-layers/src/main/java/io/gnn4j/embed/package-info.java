/**
 * Node embeddings without gradients: {@link io.gnn4j.embed.FastRP} (very sparse random projection of the powers of a
 * graph operator, pure sparse kernels). Their downstream evaluation lives with the benchmarks
 * ({@code io.gnn4j.bench.embed}, {@code gnn4j embed --evaluate}).
 */
package io.gnn4j.embed;
