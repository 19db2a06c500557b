/**
 * From what the user types after {@code --dataset} to a loaded {@link io.gnn4j.datasets.Dataset}: known names looked
 * up in the data directories, paths whose format is detected from the files they contain, and the dispatch to the
 * loader of each format.
 */
package io.gnn4j.bench.data;
