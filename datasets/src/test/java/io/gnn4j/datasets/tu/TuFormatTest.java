package io.gnn4j.datasets.tu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.text.SharedDatasets;
import io.gnn4j.graph.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuFormatTest {
    @TempDir
    Path tmp;

    private static int[] classCounts(GraphDataset d) {
        int[] c = new int[d.numClasses()];
        for (int y : d.labels()) {
            c[y]++;
        }
        return c;
    }

    private static void assertUndirectedSimple(TuGraphs t) {
        for (Graph g : t.dataset().graphs()) {
            assertFalse(g.isDirected());
            assertFalse(g.type().multiEdges());
            assertFalse(g.type().selfLoops());
        }
    }

    @Test
    void mutagHasPublishedCounts() throws IOException {
        TuGraphs t = TuFormat.load(SharedDatasets.require("MUTAG"), "MUTAG");
        GraphDataset d = t.dataset();
        assertEquals(188, d.graphs().size());
        assertEquals(3371, t.totalNodes());
        assertEquals(3721, t.totalEdges());
        assertEquals(7442, t.aLines());
        assertEquals(0, t.duplicateLines());
        assertTrue(t.unreadFiles().isEmpty());
        assertEquals(2, d.numClasses());
        assertArrayEquals(new int[] {-1, 1}, t.graphLabelValues());
        assertArrayEquals(new int[] {63, 125}, classCounts(d));
        assertEquals(7, d.numFeatures());
        assertEquals(0, t.nodeAttributeColumns());
        assertNotNull(t.edgeLabels());
        assertUndirectedSimple(t);
        // Graph 1 of MUTAG: label 1 (class 1), 17 nodes, first A line "2, 1" with edge label 0; node 1 is C (0).
        assertEquals(1, d.labels()[0]);
        assertEquals(17, d.graphs().get(0).numNodes());
        assertTrue(d.graphs().get(0).hasEdge(1, 0));
        assertEquals(1f, d.nodeFeatures().get(0)[0]);
    }

    @Test
    void bundledMutagEqualsSharedCopy() throws IOException {
        TuGraphs bundled = TuFormat.loadBundled("MUTAG", TuFeatures.ATTRIBUTES_AND_LABELS);
        assertEquals(188, bundled.dataset().graphs().size());
        assertEquals(3721, bundled.totalEdges());
        TuGraphs shared = TuFormat.load(SharedDatasets.require("MUTAG"), "MUTAG");
        assertArrayEquals(shared.dataset().labels(), bundled.dataset().labels());
        for (int g = 0; g < 188; g++) {
            assertArrayEquals(shared.dataset().graphs().get(g).colIdx(), bundled.dataset().graphs().get(g).colIdx());
            assertArrayEquals(shared.dataset().nodeFeatures().get(g), bundled.dataset().nodeFeatures().get(g));
        }
    }

    @Test
    void proteinsHasPublishedCountsWithOneAttribute() throws IOException {
        TuGraphs t = TuFormat.load(SharedDatasets.require("PROTEINS"), "PROTEINS");
        GraphDataset d = t.dataset();
        assertEquals(1113, d.graphs().size());
        assertEquals(43471, t.totalNodes());
        assertEquals(81044, t.totalEdges());
        assertArrayEquals(new int[] {1, 2}, t.graphLabelValues());
        assertArrayEquals(new int[] {663, 450}, classCounts(d));
        assertEquals(1, t.nodeAttributeColumns());
        assertEquals(3, t.nodeLabelColumns());
        assertEquals(4, d.numFeatures());
        assertEquals(23f, d.nodeFeatures().get(0)[0]); // first line of PROTEINS_node_attributes.txt
        assertNull(t.edgeLabels());
        assertUndirectedSimple(t);
    }

    @Test
    void proteinsLabelsOnlyMatchesPygDefault() throws IOException {
        TuGraphs t = TuFormat.load(SharedDatasets.require("PROTEINS"), "PROTEINS", TuFeatures.LABELS_ONLY);
        assertEquals(3, t.dataset().numFeatures());
        assertEquals(0, t.nodeAttributeColumns());
        assertEquals(java.util.List.of("PROTEINS_node_attributes.txt"), t.unreadFiles());
    }

    @Test
    void enzymesHasPublishedCountsWith18Attributes() throws IOException {
        TuGraphs t = TuFormat.load(SharedDatasets.require("ENZYMES"), "ENZYMES");
        GraphDataset d = t.dataset();
        assertEquals(600, d.graphs().size());
        assertEquals(19580, t.totalNodes());
        assertEquals(37282, t.totalEdges());
        assertArrayEquals(new int[] {100, 100, 100, 100, 100, 100}, classCounts(d));
        assertEquals(18, t.nodeAttributeColumns());
        assertEquals(3, t.nodeLabelColumns());
        assertEquals(1, t.nodeLabelMin());
        assertEquals(21, d.numFeatures());
        assertEquals(15.887014f, d.nodeFeatures().get(0)[1]);
        assertUndirectedSimple(t);
    }

    @Test
    void nci1HasPublishedCounts() throws IOException {
        TuGraphs t = TuFormat.load(SharedDatasets.require("NCI1"), "NCI1");
        GraphDataset d = t.dataset();
        assertEquals(4110, d.graphs().size());
        assertEquals(122747, t.totalNodes());
        assertEquals(132753, t.totalEdges());
        assertArrayEquals(new int[] {2053, 2057}, classCounts(d));
        assertEquals(37, d.numFeatures());
        assertUndirectedSimple(t);
    }

    @Test
    void imdbBinaryMergesEveryRepeatedLine() throws IOException {
        TuGraphs t = TuFormat.load(SharedDatasets.require("IMDB-BINARY"), "IMDB-BINARY");
        GraphDataset d = t.dataset();
        assertEquals(1000, d.graphs().size());
        assertEquals(19773, t.totalNodes());
        assertEquals(96531, t.totalEdges());
        assertEquals(386124, t.aLines());
        assertEquals(193062, t.duplicateLines());
        assertArrayEquals(new int[] {500, 500}, classCounts(d));
        assertEquals(0, d.numFeatures());
        assertUndirectedSimple(t);
    }

    // --- small hand-written files ---

    private Path write(String name, String a, String indicator, String graphLabels, String nodeLabels, String edgeLabels)
            throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name + System.nanoTime()));
        Files.writeString(dir.resolve(name + "_A.txt"), a);
        Files.writeString(dir.resolve(name + "_graph_indicator.txt"), indicator);
        Files.writeString(dir.resolve(name + "_graph_labels.txt"), graphLabels);
        if (nodeLabels != null) {
            Files.writeString(dir.resolve(name + "_node_labels.txt"), nodeLabels);
        }
        if (edgeLabels != null) {
            Files.writeString(dir.resolve(name + "_edge_labels.txt"), edgeLabels);
        }
        return dir;
    }

    @Test
    void tinyDatasetGivesHandCheckedGraphsFeaturesAndEdgeLabels() throws IOException {
        // Graph 1: path 1-2-3, graph 2: edge 4-5. Node labels 5,7,5,6,6 → one-hot width 3 (5..7).
        Path dir = write("T", "1, 2\n2, 1\n2, 3\n3, 2\n4, 5\n5, 4\n", "1\n1\n1\n2\n2\n", "7\n-3\n", "5\n7\n5\n6\n6\n",
                "1\n1\n2\n2\n0\n0\n");
        TuGraphs t = TuFormat.load(dir, "T");
        GraphDataset d = t.dataset();
        assertEquals(2, d.graphs().size());
        assertArrayEquals(new int[] {1, 0}, d.labels());
        assertArrayEquals(new int[] {-3, 7}, t.graphLabelValues());
        Graph g0 = d.graphs().get(0);
        assertArrayEquals(new int[] {0, 1, 3, 4}, g0.rowPtr());
        assertArrayEquals(new int[] {1, 0, 2, 1}, g0.colIdx());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 1, 0, 0}, d.nodeFeatures().get(0));
        assertArrayEquals(new float[] {0, 1, 0, 0, 1, 0}, d.nodeFeatures().get(1));
        assertArrayEquals(new int[] {1, 1, 2, 2}, t.edgeLabels().get(0));
        assertEquals(5, t.nodeLabelMin());
    }

    @Test
    void graphAttributesAreRegressionTargetsAndMayReplaceGraphLabels() throws IOException {
        Path dir = write("R", "1, 2\n2, 1\n3, 4\n4, 3\n", "1\n1\n2\n2\n", "0\n1\n", null, null);
        Files.writeString(dir.resolve("R_graph_attributes.txt"), "0.5, -2\n1.25, 3\n");
        GraphDataset d = TuFormat.load(dir, "R").dataset();
        assertEquals(java.util.List.of("attribute-0", "attribute-1"), d.targets().names());
        assertArrayEquals(new float[] {0.5f, 1.25f}, d.targets().column(0));
        assertArrayEquals(new float[] {-2f, 3f}, d.targets().column(1));
        assertArrayEquals(new int[] {0, 1}, d.labels());

        Files.delete(dir.resolve("R_graph_labels.txt"));
        GraphDataset unlabelled = TuFormat.load(dir, "R").dataset();
        assertEquals(1, unlabelled.numClasses());
        assertArrayEquals(new int[] {0, 0}, unlabelled.labels());

        Files.writeString(dir.resolve("R_graph_attributes.txt"), "0.5, -2\n1.25\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "R"));
        assertTrue(e.getMessage().contains("2 comma-separated values"), e.getMessage());
    }

    @Test
    void missingReverseEdgeIsRejectedWithLine() throws IOException {
        Path dir = write("T", "1, 2\n2, 1\n2, 3\n", "1\n1\n1\n", "0\n", null, null);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "T"));
        assertTrue(e.getMessage().contains("T_A.txt: line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("reverse"), e.getMessage());
    }

    @Test
    void edgeAcrossGraphsIsRejected() throws IOException {
        Path dir = write("T", "1, 2\n2, 1\n", "1\n2\n", "0\n1\n", null, null);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "T"));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("one graph"), e.getMessage());
    }

    @Test
    void nodeIdOutOfRangeIsRejected() throws IOException {
        Path dir = write("T", "1, 4\n4, 1\n", "1\n1\n1\n", "0\n", null, null);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "T"));
        assertTrue(e.getMessage().contains("1..3") && e.getMessage().contains("found 4"), e.getMessage());
    }

    @Test
    void graphIdGapIsRejected() throws IOException {
        Path dir = write("T", "1, 2\n2, 1\n", "1\n1\n3\n", "0\n1\n0\n", null, null);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "T"));
        assertTrue(e.getMessage().contains("_graph_indicator.txt: line 3"), e.getMessage());
    }

    @Test
    void firstGraphIdMustBeOne() throws IOException {
        Path dir = write("T", "2, 3\n3, 2\n", "0\n1\n1\n", "0\n1\n", null, null);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "T"));
        assertTrue(e.getMessage().contains("_graph_indicator.txt: line 1: expected graph id 1"), e.getMessage());
    }

    @Test
    void wrongNumberOfGraphLabelsIsRejected() throws IOException {
        Path dir = write("T", "1, 2\n2, 1\n", "1\n1\n", "0\n1\n", null, null);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "T"));
        assertTrue(e.getMessage().contains("_graph_labels.txt: line 2"), e.getMessage());
    }

    @Test
    void edgeLabelCountMustMatchALines() throws IOException {
        Path dir = write("T", "1, 2\n2, 1\n", "1\n1\n", "0\n", null, "0\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "T"));
        assertTrue(e.getMessage().contains("expected 2 lines") && e.getMessage().contains("found 1"), e.getMessage());
    }

    @Test
    void truncatedLastLineIsRejected() throws IOException {
        Path dir = write("T", "1, 2\n2, 1", "1\n1\n", "0\n", null, null);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "T"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void nonNumericFieldIsRejected() throws IOException {
        Path dir = write("T", "1, 2\n2, x\n", "1\n1\n", "0\n", null, null);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TuFormat.load(dir, "T"));
        assertTrue(e.getMessage().contains("line 2: expected an integer, found 'x'"), e.getMessage());
    }
}
