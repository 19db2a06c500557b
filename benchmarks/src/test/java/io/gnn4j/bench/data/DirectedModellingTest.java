package io.gnn4j.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectedModellingTest {
    private static final ExecutionContext CTX = ExecutionContext.withThreads(1);
    private static final Split SPLIT = new Split("s", new int[] {0, 1, 2, 3, 4, 5}, new int[] {6}, new int[] {7});

    /** A directed 8-cycle i → i + 1 with labels i mod 3 (node 7 holds the test label). */
    private static NodeDataset cycle(int testLabel) {
        GraphBuilder b = GraphBuilder.directed(8);
        for (int i = 0; i < 8; i++) {
            b.addEdge(i, (i + 1) % 8);
        }
        int[] labels = {0, 1, 2, 0, 1, 2, 0, testLabel};
        return new NodeDataset("cycle", b.build(), 1, new float[8], labels, 3, List.of(SPLIT), null);
    }

    @Test
    void noSymmetrisesAndYesKeepsTheGraph() throws Exception {
        NodeDataset d = cycle(1);
        Map<String, Object> settings = new LinkedHashMap<>();
        NodeDataset no = DirectedModelling.NO.apply(new Datasets.Loaded(d, "memory"), d, SPLIT, CTX, settings);
        assertFalse(no.graph().isDirected());
        assertTrue(no.graph().hasEdge(1, 0));
        assertEquals("undirected", settings.get("graph"));
        assertSame(d, DirectedModelling.YES.apply(new Datasets.Loaded(d, "memory"), d, SPLIT, CTX, settings));
        assertEquals("directed", settings.get("graph"));
        assertEquals("yes", settings.get("directed"));
    }

    @Test
    void autoRecordsAmudFromTrainingLabelsOnly() throws Exception {
        Map<String, Object> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
        NodeDataset d1 = cycle(1), d2 = cycle(0);   // differ in the test node's label only
        DirectedModelling.AUTO.apply(new Datasets.Loaded(d1, "memory"), d1, SPLIT, CTX, a);
        DirectedModelling.AUTO.apply(new Datasets.Loaded(d2, "memory"), d2, SPLIT, CTX, b);
        assertEquals(a.get("amud"), b.get("amud"));
        @SuppressWarnings("unchecked")
        Map<String, Object> amud = (Map<String, Object>) a.get("amud");
        assertEquals("directed", amud.get("decision"));   // A beats U on a directed three-class cycle
        assertEquals("directed", a.get("graph"));
    }

    @Test
    void geomGcnFolderIsReadWithItsDirection(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("out1_graph_edges.txt"), "node_id\tnode_id\n0\t1\n1\t2\n");
        Graph undirected = GraphBuilder.undirected(3).addEdge(0, 1).addEdge(1, 2).build();
        NodeDataset d = new NodeDataset("g", undirected, 1, new float[3], new int[] {0, 1, 0}, 2, List.of(), null);
        Split s = new Split("s", new int[] {0, 1}, new int[] {2}, new int[] {2});
        NodeDataset yes = DirectedModelling.YES.apply(new Datasets.Loaded(d, dir.toString()), d, s, CTX,
                new LinkedHashMap<>());
        assertTrue(yes.graph().isDirected());
        assertTrue(yes.graph().hasEdge(0, 1));
        assertFalse(yes.graph().hasEdge(1, 0));
    }

    @Test
    void parseNamesTheBadValue() {
        assertEquals(DirectedModelling.AUTO, DirectedModelling.parse("Auto"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DirectedModelling.parse("maybe")).getMessage()
                .contains("auto, yes or no, got 'maybe'"));
    }
}
