/**
 * Loaders for the public graph dataset formats, splits, synthetic generators and the local data cache. Every
 * loader is strict: malformed input raises {@link io.gnn4j.datasets.DatasetFormatException} naming the file, the
 * record and what was expected, never a silently smaller graph. {@link io.gnn4j.datasets.Datasets#load(String)} is
 * the one entry point by name or path (bundled data, the data directory, a shared datasets folder, format detection).
 */
package io.gnn4j.datasets;
