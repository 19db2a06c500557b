package io.gnn4j.directed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.jgrapht.JGraphTAdapter;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.junit.jupiter.api.Test;

class ComponentsTest {
    @Test
    void chainAndCycle() {
        // 0→1→2 (three singletons when strong), 3⇄4, 5 alone
        Graph g = GraphBuilder.directed(6).addEdge(0, 1).addEdge(1, 2).addEdge(3, 4).addEdge(4, 3).build();
        assertEquals(3, Components.countWeak(g));
        assertEquals(5, Components.countStrong(g));
        int[] strong = Components.strong(g);
        assertEquals(strong[3], strong[4]);
        int[] weak = Components.weak(g);
        assertEquals(weak[0], weak[2]);
        assertEquals(0, weak[0]);
    }

    @Test
    void agreesWithJGraphTOnRandomDirectedGraphs() {
        for (long seed = 0; seed < 20; seed++) {
            Graph g = Generators.randomDirected(60, 70 + 5 * seed, seed % 2 == 0, seed);
            var j = JGraphTAdapter.toJGraphT(g);
            assertEquals(new KosarajuStrongConnectivityInspector<>(j).stronglyConnectedSets().size(),
                    Components.countStrong(g), "seed " + seed);
            assertEquals(new ConnectivityInspector<>(j).connectedSets().size(), Components.countWeak(g),
                    "seed " + seed);
        }
    }
}
