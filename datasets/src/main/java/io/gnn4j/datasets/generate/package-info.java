/**
 * Seeded synthetic graphs: planted partition (the PyG peer benchmark graph), stochastic block models with a chosen
 * homophily, Erdős–Rényi, Barabási–Albert, random directed graphs and the exact FastRP anchor graph.
 */
package io.gnn4j.datasets.generate;
