/**
 * Graph neural network layers on the {@link io.gnn4j.nn} training core: the {@link io.gnn4j.layers.MessagePassing}
 * base (message / aggregate / update with a fused SpMM path), {@link io.gnn4j.layers.GCNConv},
 * {@link io.gnn4j.layers.SAGEConv}, {@link io.gnn4j.layers.GINConv}, {@link io.gnn4j.layers.SGConv},
 * {@link io.gnn4j.layers.APPNP}, {@link io.gnn4j.layers.GATConv}, the decoupled {@link io.gnn4j.layers.DGMLP}, global pooling, {@link io.gnn4j.layers.MLP} and
 * {@link io.gnn4j.layers.Sequential}. Every layer aggregates over incoming edges ({@code Aᵀ·X}).
 */
package io.gnn4j.layers;
