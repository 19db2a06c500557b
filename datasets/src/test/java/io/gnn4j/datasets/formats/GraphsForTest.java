package io.gnn4j.datasets.formats;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.SelfLoops;
import java.util.Set;
import java.util.TreeSet;

/** Small graph helpers for the loader tests: naive edge sets to compare loaded graphs with. */
final class GraphsForTest {
    private GraphsForTest() {}

    static Graph withoutSelfLoops(Graph g) {
        return GraphBuilder.from(g).selfLoops(SelfLoops.REMOVE).build();
    }

    /** The unordered pairs "min-max" stored in an undirected graph (self loops as "u-u"). */
    static Set<String> pairs(Graph g) {
        Set<String> s = new TreeSet<>();
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                int v = g.colIdx()[k];
                s.add(Math.min(u, v) + "-" + Math.max(u, v));
            }
        }
        return s;
    }
}
