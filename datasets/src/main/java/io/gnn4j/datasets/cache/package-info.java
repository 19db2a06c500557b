/**
 * The local data directory (GNN4J_DATA, default ~/.gnn4j/data) with optional downloads checked by SHA-256; offline
 * use reads the same directory.
 */
package io.gnn4j.datasets.cache;
