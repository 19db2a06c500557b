/**
 * Directed graphs: statistics that relate labels to edge direction ({@link io.gnn4j.directed.DirectedStatistics},
 * {@link io.gnn4j.graph.Components}), the AMUD decision between directed and undirected modelling
 * ({@link io.gnn4j.directed.Amud}) and the ADPA model ({@link io.gnn4j.directed.Adpa}) of Sun et al., "Breaking the
 * Entanglement of Homophily and Heterophily in Semi-supervised Node Classification", ICDE 2024; the DirGNN baseline
 * layer ({@link io.gnn4j.directed.DirGNNConv}, Rossi et al. 2023).
 */
package io.gnn4j.directed;
