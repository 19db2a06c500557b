package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gnn4j.graph.jgrapht.JGraphTAdapter;
import java.util.SplittableRandom;
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
            SplittableRandom r = new SplittableRandom(seed);
            GraphBuilder b = GraphBuilder.directed(60);
            for (long e = 0; e < 70 + 5 * seed; e++) {
                b.addEdge(r.nextInt(60), r.nextInt(60));   // duplicates and self loops included
            }
            Graph g = b.build();
            var j = JGraphTAdapter.toJGraphT(g);
            assertEquals(new KosarajuStrongConnectivityInspector<>(j).stronglyConnectedSets().size(),
                    Components.countStrong(g), "seed " + seed);
            assertEquals(new ConnectivityInspector<>(j).connectedSets().size(), Components.countWeak(g),
                    "seed " + seed);
        }
    }
}
