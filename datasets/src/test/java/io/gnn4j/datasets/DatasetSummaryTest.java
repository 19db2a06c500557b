package io.gnn4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.edgelist.AdjacencyListFormat;
import io.gnn4j.datasets.tu.TuFeatures;
import io.gnn4j.datasets.tu.TuFormat;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetSummaryTest {
    @Test
    void handComputedSmallGraph() {
        // Path 0–1–2, a self loop on 2, isolated node 3; labels 0, 0, 1, unlabelled.
        Graph g = GraphBuilder.undirected(4).addEdge(0, 1).addEdge(1, 2).addEdge(2, 2).build();
        NodeDataset d = new NodeDataset("tiny", g, 1, new float[4], new int[] {0, 0, 1, -1}, 2, List.of(), null);
        DatasetSummary s = DatasetSummary.of(d);
        assertEquals(4, s.nodes());
        assertEquals(3, s.edges());
        assertEquals(0.5, s.edgeHomophily(), 1e-12); // 0→1, 1→0 same; 1→2, 2→1 different
        assertEquals(0, s.minDegree());
        assertEquals(1.25, s.meanDegree(), 1e-12); // entries 1 + 2 + 2 + 0
        assertEquals(2, s.maxDegree());
        assertEquals(1, s.isolatedNodes());
        assertEquals(1, s.selfLoops());
        String text = s.toString();
        assertTrue(text.contains("edge homophily  0.5000"), text);
        assertTrue(text.contains("degree          min 0, mean 1.25, max 2"), text);
    }

    @Test
    void directedIsolationLooksAtBothDirections() {
        Graph g = GraphBuilder.directed(3).addEdge(0, 1).build();
        DatasetSummary s = DatasetSummary.of(new NodeDataset("d", g, 0, new float[0], new int[] {0, 1, 0}, 2, List.of(), null));
        assertEquals(1, s.isolatedNodes()); // node 1 has an incoming edge; only node 2 is isolated
        assertEquals(0.0, s.edgeHomophily());
        assertTrue(s.directed());
    }

    @Test
    void karateAndMutagSummaries() throws IOException {
        DatasetSummary k = DatasetSummary.of(AdjacencyListFormat.karate().asNodeDataset("karate"));
        assertEquals(34, k.nodes());
        assertEquals(78, k.edges());
        assertEquals(1, k.minDegree());
        assertEquals(17, k.maxDegree());
        assertEquals(156.0 / 34, k.meanDegree(), 1e-12);
        assertTrue(Double.isNaN(k.edgeHomophily()));
        assertTrue(k.toString().contains("edge homophily  n/a"));
        DatasetSummary m = DatasetSummary.of(TuFormat.loadBundled("MUTAG", TuFeatures.ATTRIBUTES_AND_LABELS).dataset());
        assertEquals(188, m.graphs());
        assertEquals(3371, m.nodes());
        assertEquals(3721, m.edges());
        assertEquals(7, m.features());
        assertEquals(2, m.classes());
        assertEquals(0, m.isolatedNodes());
        assertTrue(m.toString().contains("nodes           3,371"), m.toString());
    }
}
