/**
 * Graph recommenders trained with Bayesian personalised ranking on a user–item bipartite graph: the shared embedding
 * table, BPR loss and scoring ({@link io.gnn4j.recommend.Recommender}), seeded triple sampling
 * ({@link io.gnn4j.recommend.BprSampler}), and the LightGCN and NGCF propagation rules. Ranking metrics are in
 * {@link io.gnn4j.train.RankingMetrics}; the sheaf recommender (Sheaf4Rec) is in the sheaf module.
 */
package io.gnn4j.recommend;
