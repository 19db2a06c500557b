package io.gnn4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.datasets.generate.PlantedPartition;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ClassRenumbering} is the same dataset under the class-by-class numbering, recomputed here. */
class ClassRenumberingTest {
    @Test
    void renumberingByClassKeepsEveryEdgeFeatureAndLabel() {
        NodeDataset d = Generators.plantedPartition(new PlantedPartition(500, 3000, 4, 5, 0.7, 0.15, 3));
        NodeDataset r = ClassRenumbering.of(d);
        Graph g = d.graph();
        int n = g.numNodes(), f = d.numFeatures();
        int[] newId = new int[n];
        int next = 0;
        for (int c = 0; c < d.numClasses(); c++) {
            for (int u = 0; u < n; u++) {
                if (d.labels()[u] == c) {
                    newId[u] = next++;
                }
            }
        }
        assertEquals(g.numEntries(), r.graph().numEntries());
        for (int u = 0; u < n; u++) {
            int v = newId[u];
            assertEquals(g.degree(u), r.graph().degree(v), "node " + u);
            for (int e = g.rowPtr()[u]; e < g.rowPtr()[u + 1]; e++) {
                assertTrue(r.graph().hasEdge(v, newId[g.colIdx()[e]]), u + "–" + g.colIdx()[e]);
            }
            assertEquals(d.labels()[u], r.labels()[v]);
            for (int j = 0; j < f; j++) {
                assertEquals(d.features()[u * f + j], r.features()[v * f + j]);
            }
        }
        Split before = d.splits().getFirst(), after = r.splits().getFirst();   // Split keeps its sets sorted
        assertArrayEquals(IntStream.of(before.train()).map(u -> newId[u]).sorted().toArray(), after.train());
        assertArrayEquals(IntStream.of(before.val()).map(u -> newId[u]).sorted().toArray(), after.val());
        assertArrayEquals(IntStream.of(before.test()).map(u -> newId[u]).sorted().toArray(), after.test());
        for (int v = 1; v < n; v++) {
            assertTrue(r.labels()[v - 1] <= r.labels()[v], "classes consecutive at " + v);
        }
    }

    @Test
    void aGraphItCannotRebuildIsRefusedNamingWhy() {
        NodeDataset d = Generators.plantedPartition(new PlantedPartition(500, 3000, 4, 5, 0.7, 0.15, 3));
        NodeDataset looped = new NodeDataset(d.name(), GraphBuilder.from(d.graph()).addEdge(7, 7).build(),
                d.numFeatures(), d.features(), d.labels(), d.numClasses(), d.splits(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassRenumbering.of(looped));
        assertTrue(e.getMessage().contains("self loops") && e.getMessage().contains("node 7"), e.getMessage());
    }
}
