/**
 * Interoperability with JGraphT: {@link io.gnn4j.graph.jgrapht.JGraphTAdapter} converts a JGraphT
 * {@code Graph<V,E>} into a gnn4j {@link io.gnn4j.graph.Graph} with a vertex↔id map
 * ({@link io.gnn4j.graph.jgrapht.IndexedGraph}), and a gnn4j graph back into a JGraphT graph, keeping
 * directedness, weights, self loops and multi-edges.
 */
package io.gnn4j.graph.jgrapht;
