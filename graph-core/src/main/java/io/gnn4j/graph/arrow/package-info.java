/**
 * Arrow IPC files for graphs: {@link io.gnn4j.graph.arrow.ArrowGraphWriter} and
 * {@link io.gnn4j.graph.arrow.ArrowGraphReader} move a {@link io.gnn4j.graph.Graph} and its
 * {@link io.gnn4j.graph.NodeTable} to and from a {@code nodes.arrow} / {@code edges.arrow} pair laid out as
 * {@link io.gnn4j.graph.arrow.ArrowGraphSchema} says, interchangeable with other Arrow libraries (tested with
 * arrow-js). Bad files raise {@link io.gnn4j.graph.arrow.ArrowFormatException} naming file, column and row.
 */
package io.gnn4j.graph.arrow;
