package io.gnn4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.datasets.generate.PlantedPartition;
import io.gnn4j.graph.Graph;
import org.junit.jupiter.api.Test;

/** The class-ordered planted-partition graph of {@link SpmmBenchmark} is the same graph under a renumbering. */
class SpmmBenchmarkGraphsTest {
    @Test
    void renumberingByClassKeepsEveryEdgeAndMakesClassesConsecutive() {
        NodeDataset d = Generators.plantedPartition(new PlantedPartition(500, 3000, 4, 5, 0.7, 0.15, 3));
        Graph g = d.graph(), r = SpmmBenchmark.renumberedByClass(d);
        int n = g.numNodes();
        assertEquals(g.numEntries(), r.numEntries());
        // the renumbering is the stable sort by class: recompute it naively and check every edge maps to an edge
        int[] newId = new int[n];
        int next = 0;
        for (int c = 0; c < d.numClasses(); c++) {
            for (int u = 0; u < n; u++) {
                if (d.labels()[u] == c) {
                    newId[u] = next++;
                }
            }
        }
        for (int u = 0; u < n; u++) {
            assertEquals(g.degree(u), r.degree(newId[u]), "node " + u);
            for (int e = g.rowPtr()[u]; e < g.rowPtr()[u + 1]; e++) {
                assertTrue(r.hasEdge(newId[u], newId[g.colIdx()[e]]), u + "–" + g.colIdx()[e]);
            }
        }
    }
}
