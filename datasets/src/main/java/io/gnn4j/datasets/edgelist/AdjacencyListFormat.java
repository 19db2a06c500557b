package io.gnn4j.datasets.edgelist;

import io.gnn4j.datasets.text.DataSource;
import io.gnn4j.datasets.text.TextCursor;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reader of DeepWalk's {@code .adjlist} format (Perozzi et al., KDD 2014, {@code graph.load_adjacencylist}): each
 * line is a node followed by its neighbours, whitespace-separated; '#' lines are comments. The graph is undirected
 * (DeepWalk makes it so) and an edge listed from both ends is one edge; how many listings were merged is in
 * {@link LoadedGraph#mergedEntries()}. A node may appear on several lines; a line with a node and no neighbours
 * declares the node.
 */
public final class AdjacencyListFormat {
    private AdjacencyListFormat() {
    }

    /** Reads an undirected graph from {@code file}. */
    public static LoadedGraph read(Path file, NodeIds ids) throws IOException {
        return read(file, Files.readAllBytes(file), ids, false);
    }

    /** Reads adjacency-list bytes; {@code directed} keeps u→v only (and keeps duplicates). */
    public static LoadedGraph read(Path file, byte[] bytes, NodeIds ids, boolean directed) throws IOException {
        TextCursor c = TextCursor.of(file, bytes, StandardCharsets.UTF_8, true, true);
        NodeTokens tokens = new NodeTokens(ids, -1);
        IntArrayList src = new IntArrayList(), dst = new IntArrayList();
        while (c.nextLine()) {
            if (c.isBlank() || c.startsWithAny("#")) {
                continue;
            }
            int u = tokens.next(c, "");
            while (!c.atEnd()) {
                src.add(u);
                dst.add(tokens.next(c, ""));
            }
        }
        int n = tokens.numNodes(c, src.size());
        GraphBuilder b = directed ? GraphBuilder.directed(n) : GraphBuilder.undirected(n);
        b.addEdges(src.toIntArray(), dst.toIntArray());
        Graph g = b.build();
        return new LoadedGraph(g, tokens.names(), src.size(), directed ? 0 : src.size() - g.numEdges(), null);
    }

    /** Zachary's karate club, bundled with gnn4j (DeepWalk's {@code karate.adjlist}: 34 nodes, 78 edges). */
    public static LoadedGraph karate() throws IOException {
        DataSource src = DataSource.classpath("io/gnn4j/datasets/bundled/karate");
        return read(src.path("karate.adjlist"), src.read("karate.adjlist"), NodeIds.ONE_BASED, false);
    }
}
