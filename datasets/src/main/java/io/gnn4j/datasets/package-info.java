/**
 * Loaders for the public graph dataset formats, splits, synthetic generators and the local data cache. Every
 * loader is strict: malformed input raises {@link io.gnn4j.datasets.DatasetFormatException} naming the file, the
 * record and what was expected, never a silently smaller graph.
 */
package io.gnn4j.datasets;
