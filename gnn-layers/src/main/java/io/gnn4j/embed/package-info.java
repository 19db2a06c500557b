/**
 * Node embeddings without gradients: {@link io.gnn4j.embed.FastRP} (very sparse random projection of the powers of a
 * graph operator, pure sparse kernels) and the standard downstream evaluation of embeddings, a one-vs-rest
 * L2-regularised {@link io.gnn4j.embed.LogisticRegression} with top-k multi-label prediction and micro/macro F1.
 */
package io.gnn4j.embed;
