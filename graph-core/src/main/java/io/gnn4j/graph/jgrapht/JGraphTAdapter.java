package io.gnn4j.graph.jgrapht;

import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.objects.Object2IntMaps;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * Converts between JGraphT's {@code org.jgrapht.Graph<V,E>} and gnn4j's CSR {@link Graph}, in both directions.
 * JGraphT → gnn4j numbers the vertices 0..N-1 in the order of {@code vertexSet()} and returns the map as an
 * {@link IndexedGraph}; the result is directed when the JGraphT graph is, weighted (via {@code getEdgeWeight},
 * narrowed to float) when its type is weighted, and keeps every self loop and parallel edge. gnn4j → JGraphT
 * builds a pseudograph (self loops and multi-edges allowed) of the same directedness, weighted when the source
 * is; an undirected gnn4j graph's two stored directions u→v, v→u become one JGraphT edge (the weight is read from
 * the entry in row min(u, v)). Round trips in either direction preserve the edge multiset exactly.
 */
public final class JGraphTAdapter {
    private JGraphTAdapter() {}

    /**
     * The gnn4j graph of {@code g} with ids in {@code g.vertexSet()} iteration order. A weighted JGraphT graph
     * without edges gives an unweighted gnn4j graph (there is no weight to keep).
     *
     * @throws IllegalArgumentException when g is a mixed graph (both directed and undirected edges) or a weight
     *                                  is not finite as a float
     */
    public static <V, E> IndexedGraph<V> fromJGraphT(org.jgrapht.Graph<V, E> g) {
        GraphType type = g.getType();
        if (type.isMixed()) {
            throw new IllegalArgumentException("mixed graphs (directed and undirected edges together) are not supported, got " + type);
        }
        Set<V> vertexSet = g.vertexSet();
        int n = vertexSet.size();
        List<V> vertices = new ArrayList<>(n);
        Object2IntOpenHashMap<V> ids = new Object2IntOpenHashMap<>(n);
        ids.defaultReturnValue(-1);
        for (V v : vertexSet) {
            ids.put(v, vertices.size());
            vertices.add(v);
        }
        GraphBuilder b = type.isDirected()
                ? GraphBuilder.directed(n).duplicates(DuplicateEdges.KEEP)
                : GraphBuilder.undirected(n).duplicates(DuplicateEdges.KEEP);
        boolean weighted = type.isWeighted();
        for (E e : g.edgeSet()) {
            int u = ids.getInt(g.getEdgeSource(e));
            int v = ids.getInt(g.getEdgeTarget(e));
            if (weighted) {
                double w = g.getEdgeWeight(e);
                if (!Float.isFinite((float) w)) {
                    throw new IllegalArgumentException("edge " + e + ": weight " + w + " is not a finite float (|w| <= "
                            + Float.MAX_VALUE + ")");
                }
                b.addEdge(u, v, (float) w);
            } else {
                b.addEdge(u, v);
            }
        }
        return new IndexedGraph<>(b.build(), Collections.unmodifiableList(vertices), Object2IntMaps.unmodifiable(ids));
    }

    /** The JGraphT graph of {@code g} on the vertices {@code 0..N-1} (boxed: JGraphT's vertices are objects). */
    public static org.jgrapht.Graph<Integer, DefaultWeightedEdge> toJGraphT(Graph g) {
        List<Integer> vertices = new ArrayList<>(g.numNodes());
        for (int u = 0; u < g.numNodes(); u++) {
            vertices.add(u);
        }
        return toJGraphT(g, vertices);
    }

    /** The JGraphT graph of {@code g} in which node u is {@code vertices.get(u)}; edges are {@link DefaultWeightedEdge}s. */
    public static <V> org.jgrapht.Graph<V, DefaultWeightedEdge> toJGraphT(Graph g, List<V> vertices) {
        return toJGraphT(g, vertices, DefaultWeightedEdge::new);
    }

    /**
     * The JGraphT graph of {@code g} in which node u is {@code vertices.get(u)}, with edges made by {@code edges}
     * (each call must return a new edge object).
     *
     * @throws IllegalArgumentException when the number of vertices is not N or a vertex appears twice
     */
    public static <V, E> org.jgrapht.Graph<V, E> toJGraphT(Graph g, List<V> vertices, Supplier<E> edges) {
        int n = g.numNodes();
        if (vertices.size() != n) {
            throw new IllegalArgumentException("got " + vertices.size() + " vertices for a graph with " + n + " nodes");
        }
        GraphTypeBuilder<V, E> types = g.isDirected() ? GraphTypeBuilder.directed() : GraphTypeBuilder.undirected();
        org.jgrapht.Graph<V, E> out = types.allowingSelfLoops(true).allowingMultipleEdges(true)
                .weighted(g.isWeighted()).edgeSupplier(edges).buildGraph();
        for (int u = 0; u < n; u++) {
            V v = vertices.get(u);
            if (!out.addVertex(v)) {
                throw new IllegalArgumentException("vertex " + v + " is given for node " + vertices.indexOf(v)
                        + " and again for node " + u);
            }
        }
        boolean directed = g.isDirected(), weighted = g.isWeighted();
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        for (int u = 0; u < n; u++) {
            V source = vertices.get(u);
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int v = colIdx[k];
                if (!directed && v < u) {
                    continue; // the mirror of an entry already taken from row v
                }
                E e = out.addEdge(source, vertices.get(v));
                if (weighted) {
                    out.setEdgeWeight(e, g.weight(k));
                }
            }
        }
        return out;
    }
}
