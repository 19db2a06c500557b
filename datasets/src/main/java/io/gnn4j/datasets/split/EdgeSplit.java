package io.gnn4j.datasets.split;

import io.gnn4j.graph.Graph;

/**
 * A link-prediction split of a graph's edges: the training graph holds only the training edges (and any self
 * loops of the input); validation and test hold held-out positive edges and as many sampled negative pairs —
 * pairs that are not edges of the full graph, without self loops and without repeats across val and test. For an
 * undirected graph each pair is listed once with src < dst.
 */
public record EdgeSplit(Graph trainGraph, EdgePairs train, EdgePairs valPositive, EdgePairs valNegative,
                        EdgePairs testPositive, EdgePairs testNegative) {}
