package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.npz.NpzFile;
import io.gnn4j.graph.Graph;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LINQS Cora (cora/linqs): README counts, and agreement with the gnn-benchmark npz of the same graph. */
class LinqsTest {

    @Test
    void coraHasTheStatedCounts() throws Exception {
        Path dir = SharedData.require("cora/linqs");
        NodeDataset d = Linqs.load(dir, "cora");
        assertEquals(2708, d.graph().numNodes());
        assertEquals(5429, d.graph().numEntries(), "one edge per cites line");
        assertTrue(d.graph().isDirected());
        assertEquals(0, SharedData.selfLoops(d.graph()));
        assertEquals(1433, d.numFeatures());
        assertEquals(7, d.numClasses());
        assertArrayEquals(new int[] {298, 418, 818, 426, 217, 180, 351}, SharedData.classCounts(d));
        assertEquals(List.of("Case_Based", "Genetic_Algorithms", "Neural_Networks", "Probabilistic_Methods",
                "Reinforcement_Learning", "Rule_Learning", "Theory"), Linqs.classNames(dir.resolve("cora.content")));
        assertEquals(5278, Linqs.load(dir, "cora", true).graph().numEdges());
    }

    @Test
    void coraEqualsTheGnnBenchmarkNpzUpToNodeOrderWithEdgesReversed() throws Exception {
        Path dir = SharedData.require("cora/linqs");
        Path npzFile = SharedData.require("cora/npz/cora.npz");
        NodeDataset linqs = Linqs.load(dir, "cora");
        NodeDataset npz = GnnBenchmarkNpz.load(npzFile);
        String[] names = NpzFile.open(npzFile).get("node_names").toStringArray();
        // LINQS node index of each paper id, from the content file's first column.
        Map<String, Integer> pos = new HashMap<>();
        List<String> content = java.nio.file.Files.readAllLines(dir.resolve("cora.content"));
        for (int i = 0; i < content.size(); i++) {
            pos.put(content.get(i).substring(0, content.get(i).indexOf('\t')), i);
        }
        int n = names.length, f = npz.numFeatures();
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            map[i] = pos.get(names[i]);
            assertEquals(npz.labels()[i], linqs.labels()[map[i]], "label of paper " + names[i]);
            if (!java.util.Arrays.equals(npz.features(), i * f, (i + 1) * f, linqs.features(), map[i] * f, (map[i] + 1) * f)) {
                throw new AssertionError("features of paper " + names[i] + " differ");
            }
        }
        // gnn-benchmark stores row = cited paper (first cites column); LINQS edges run citing → cited.
        Graph a = npz.graph(), b = linqs.graph();
        for (int u = 0; u < n; u++) {
            for (int k = a.rowPtr()[u]; k < a.rowPtr()[u + 1]; k++) {
                assertTrue(b.hasEdge(map[a.colIdx()[k]], map[u]), "edge " + names[u] + " cited by " + names[a.colIdx()[k]]);
            }
        }
        assertEquals(a.numEntries(), b.numEntries());
    }
}
