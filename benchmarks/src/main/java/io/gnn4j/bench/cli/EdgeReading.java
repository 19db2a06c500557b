package io.gnn4j.bench.cli;

import picocli.CommandLine.Option;

/**
 * How the commands that read one graph take the stored edges of formats that hold an undirected graph once per edge
 * ({@link io.gnn4j.datasets.ReadOptions#edgesAsArcs()}): symmetrised by default, or as arcs, so that a directed
 * graph kept as an edge list reaches {@code --directed auto} (AMUD) and the directed statistics with its direction.
 */
final class EdgeReading {
    @Option(names = "--edges-as-arcs", description = "read edge lists (.edgelist/.csv/.tsv), adjacency lists and "
            + "heterophilous-graphs .npz files as directed graphs: each stored edge u v is the arc u→v (default: "
            + "symmetrised, each line one undirected edge)")
    boolean edgesAsArcs;
}
