/**
 * Plain edge lists (CSV/TSV/whitespace, optional weights, comments, explicit header) and DeepWalk adjacency lists,
 * with Zachary's karate club bundled.
 */
package io.gnn4j.datasets.edgelist;
