package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.MultiLabels;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.graph.Graph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gnn-benchmark / graph2gauss / nettack CSR-triplet files, with the counts shared/datasets/README.md states. */
class GnnBenchmarkNpzTest {

    @Test
    void coraHasTheStatedNodesEdgesFeaturesAndClasses() throws Exception {
        Path f = SharedData.require("cora/npz/cora.npz");
        NodeDataset d = GnnBenchmarkNpz.load(f);
        assertEquals("cora", d.name());
        assertEquals(2708, d.graph().numNodes());
        assertTrue(d.graph().isDirected());
        assertEquals(5429, d.graph().numEntries());
        assertEquals(0, SharedData.selfLoops(d.graph()));
        assertEquals(1433, d.numFeatures());
        assertEquals(49216.0, SharedData.featureSum(d), 0.0, "49,216 binary attribute entries");
        assertEquals(7, d.numClasses());
        assertArrayEquals(new int[] {298, 418, 818, 426, 217, 180, 351}, SharedData.classCounts(d));
        assertTrue(d.splits().isEmpty());
        Graph u = GnnBenchmarkNpz.load(f, true).graph();
        assertFalse(u.isDirected());
        assertEquals(5278, u.numEdges(), "undirected pairs");
    }

    @Test
    void citeseerHasTheStatedCountsIncludingSelfLoops() throws Exception {
        Path f = SharedData.require("citeseer/npz/citeseer.npz");
        NodeDataset d = GnnBenchmarkNpz.load(f);
        assertEquals(3312, d.graph().numNodes());
        assertEquals(4715, d.graph().numEntries());
        assertEquals(124, SharedData.selfLoops(d.graph()));
        assertEquals(3703, d.numFeatures());
        assertEquals(105165.0, SharedData.featureSum(d), 0.0);
        assertArrayEquals(new int[] {249, 596, 701, 508, 668, 590}, SharedData.classCounts(d));
        Graph u = GnnBenchmarkNpz.load(f, true).graph();
        assertEquals(4536 + 124, u.numEdges(), "4,536 undirected non-loop pairs plus 124 self loops");
    }

    @Test
    void coraMlHasRealValuedFeaturesAndDirectedEdges() throws Exception {
        Path f = SharedData.require("cora_ml/npz/cora_ml.npz");
        NodeDataset d = GnnBenchmarkNpz.load(f);
        assertEquals(2995, d.graph().numNodes());
        assertEquals(8416, d.graph().numEntries());
        assertEquals(2879, d.numFeatures());
        long nonZero = 0;
        boolean nonBinary = false;
        for (float v : d.features()) {
            nonZero += v != 0 ? 1 : 0;
            nonBinary |= v != 0 && v != 1;
        }
        assertEquals(151171, nonZero);
        assertTrue(nonBinary, "TF-IDF-like weights");
        assertArrayEquals(new int[] {354, 402, 452, 442, 857, 193, 295}, SharedData.classCounts(d));
        assertEquals(8158, GnnBenchmarkNpz.load(f, true).graph().numEdges());
    }

    @Test
    void polblogsIsWeightedAndHasNoFeatures() throws Exception {
        Path f = SharedData.require("polblogs/npz/polblogs.npz");
        NodeDataset d = GnnBenchmarkNpz.load(f);
        Graph g = d.graph();
        assertEquals(1490, g.numNodes());
        assertEquals(19025, g.numEntries());
        assertTrue(g.isWeighted(), "values 1.0 and 2.0");
        assertEquals(3, SharedData.selfLoops(g));
        assertEquals(0, d.numFeatures());
        assertEquals(2, d.numClasses());
        assertArrayEquals(new int[] {758, 732}, SharedData.classCounts(d));
        assertEquals(16715 + 3, GnnBenchmarkNpz.load(f, true).graph().numEdges());
    }

    @Test
    void multiLabelLabelsDataGiveLabelSets(@TempDir Path tmp) throws Exception {
        // Node 0: {1, 2} stored out of order; node 1: {}; node 2: {0}. labels_* is a 3×3 CSR triplet.
        NpzWriter w = adjacency3().floats("labels_data", NpzWriter.shape(3), 1, 1, 1)
                .ints("labels_indices", NpzWriter.shape(3), 2, 1, 0)
                .ints("labels_indptr", NpzWriter.shape(4), 0, 2, 2, 3)
                .longs("labels_shape", NpzWriter.shape(2), 3, 3);
        NodeDataset d = GnnBenchmarkNpz.load(w.write(tmp.resolve("multi.npz")));
        MultiLabels m = d.multiLabels();
        assertEquals(3, m.numLabels());
        assertArrayEquals(new int[] {0, 2, 2, 3}, m.offsets());
        assertArrayEquals(new int[] {1, 2, 0}, m.labels());
        assertArrayEquals(new int[] {-1, -1, -1}, d.labels());

        Path twice = w.ints("labels_indices", NpzWriter.shape(3), 1, 1, 0).write(tmp.resolve("twice.npz"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> GnnBenchmarkNpz.load(twice));
        assertTrue(e.getMessage().contains("twice.npz") && e.getMessage().contains("node 0 lists label 1 twice"),
                e.getMessage());
        Path notFlag = w.ints("labels_indices", NpzWriter.shape(3), 2, 1, 0)
                .floats("labels_data", NpzWriter.shape(3), 1, 0.5f, 1).write(tmp.resolve("flag.npz"));
        e = assertThrows(DatasetFormatException.class, () -> GnnBenchmarkNpz.load(notFlag));
        assertTrue(e.getMessage().contains("value 0.5 at entry 1"), e.getMessage());
    }

    /** A 3-node directed path 0→1→2 as gnn-benchmark adj_* arrays. */
    private static NpzWriter adjacency3() {
        return new NpzWriter().floats("adj_data", NpzWriter.shape(2), 1, 1)
                .ints("adj_indices", NpzWriter.shape(2), 1, 2)
                .ints("adj_indptr", NpzWriter.shape(4), 0, 1, 2, 2)
                .longs("adj_shape", NpzWriter.shape(2), 3, 3);
    }
}
