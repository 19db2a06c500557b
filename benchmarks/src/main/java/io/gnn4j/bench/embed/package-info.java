/**
 * The standard downstream evaluation of node embeddings (DeepWalk, FastRP): a one-vs-rest L2-regularised
 * {@link io.gnn4j.bench.embed.LogisticRegression} fitted by L-BFGS, top-k multi-label prediction
 * ({@link io.gnn4j.bench.embed.OneVsRestModel}) and micro/macro F1 ({@link io.gnn4j.bench.embed.MultiLabelF1}).
 */
package io.gnn4j.bench.embed;
