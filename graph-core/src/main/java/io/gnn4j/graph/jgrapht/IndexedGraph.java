package io.gnn4j.graph.jgrapht;

import io.gnn4j.graph.Graph;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import java.util.List;

/**
 * A gnn4j {@link Graph} together with the objects its node ids stand for: node u is {@code vertices.get(u)} and
 * {@code ids.getInt(v)} is the id of vertex v (the map's default return value is -1). Produced by
 * {@link JGraphTAdapter#fromJGraphT}; both collections are unmodifiable.
 *
 * @param graph    the converted graph on nodes {@code 0..N-1}
 * @param vertices id → vertex, length N
 * @param ids      vertex → id, N entries
 * @param <V>      the vertex type
 */
public record IndexedGraph<V>(Graph graph, List<V> vertices, Object2IntMap<V> ids) {
    public IndexedGraph {
        if (vertices.size() != graph.numNodes() || ids.size() != graph.numNodes()) {
            throw new IllegalArgumentException("a graph with " + graph.numNodes() + " nodes needs as many vertices and ids, got "
                    + vertices.size() + " vertices and " + ids.size() + " ids");
        }
    }

    /**
     * The id of vertex {@code v}.
     *
     * @throws IllegalArgumentException when v is not a vertex of the graph
     */
    public int id(V v) {
        int id = ids.getInt(v);
        if (id < 0) {
            throw new IllegalArgumentException("vertex " + v + " is not one of the " + vertices.size() + " vertices");
        }
        return id;
    }

    /** The vertex of node {@code u}. */
    public V vertex(int u) {
        graph.checkNode(u);
        return vertices.get(u);
    }
}
