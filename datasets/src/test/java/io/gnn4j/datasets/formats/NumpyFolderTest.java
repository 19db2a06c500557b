package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.npz.NpzFile;
import io.gnn4j.graph.Graph;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders of NumPy arrays (adjacency npz + labels/features npy), as the directed-GNN repositories publish them. */
class NumpyFolderTest {
    @TempDir
    Path tmp;

    static Path toy() throws Exception {
        return Path.of(NumpyFolderTest.class.getResource("/io/gnn4j/datasets/numpy-folder/toy/toy_adj.npz").toURI())
                .getParent();
    }

    @Test
    void folderWrittenByNumpyAndScipyLoadsWithLabelsAndFeatures() throws Exception {
        NodeDataset d = (NodeDataset) Datasets.load(toy().toString());
        assertEquals("toy", d.name());
        Graph g = d.graph();
        assertTrue(g.isDirected());
        assertEquals(6, g.numNodes());
        assertEquals(7, g.numEdges());
        assertTrue(g.hasEdge(4, 5) && !g.hasEdge(5, 4));
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, d.labels());
        assertEquals(2, d.numClasses());
        assertEquals(2, d.numFeatures());
        assertEquals(11f, d.features()[11]);
        assertTrue(d.splits().isEmpty());
        // Any one of its files names the folder too.
        assertArrayEquals(d.labels(), ((NodeDataset) Datasets.loadPath(toy().resolve("toy_labels.npy"))).labels());
    }

    @Test
    void coraMlRewrittenAsANumpyFolderMatchesTheGnnBenchmarkLoader() throws Exception {
        Path src = SharedData.require("cora_ml/npz/cora_ml.npz");
        NodeDataset ref = GnnBenchmarkNpz.load(src);
        NpzFile npz = NpzFile.open(src);
        int n = ref.graph().numNodes();
        int[] indptr = npz.get("adj_indptr").toIntArray(), indices = npz.get("adj_indices").toIntArray();
        Path dir = Files.createDirectory(tmp.resolve("cora_ml"));
        new NpzWriter().bytes("format", "|S3", NpzWriter.shape(), 'c', 's', 'r')
                .longs("shape", NpzWriter.shape(2), n, n)
                .ints("indptr", NpzWriter.shape(indptr.length), indptr)
                .ints("indices", NpzWriter.shape(indices.length), indices)
                .floats("data", NpzWriter.shape(indices.length), npz.get("adj_data").toFloatArray())
                .write(dir.resolve("cora_ml_adj.npz"));
        NpzWriter arrays = new NpzWriter()
                .longs("labels", NpzWriter.shape(n), npz.get("labels").toLongArray())
                .floats("feats", NpzWriter.shape(n, ref.numFeatures()), ref.features());
        arrays.writeNpy("labels", dir.resolve("cora_ml_labels.npy"));
        arrays.writeNpy("feats", dir.resolve("cora_ml_feats.npy"));

        NodeDataset d = (NodeDataset) Datasets.load(dir.toString());
        assertEquals("cora_ml", d.name());
        assertArrayEquals(ref.graph().rowPtr(), d.graph().rowPtr());
        assertArrayEquals(ref.graph().colIdx(), d.graph().colIdx());
        assertArrayEquals(ref.labels(), d.labels());
        assertArrayEquals(ref.features(), d.features());
        assertEquals(7, d.numClasses());
    }

    @Test
    void labelsOfTheWrongLengthNameTheFile() throws Exception {
        Path dir = copyOfToy();
        new NpzWriter().longs("y", NpzWriter.shape(5), 0, 1, 0, 1, 0).writeNpy("y", dir.resolve("toy_labels.npy"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Datasets.load(dir.toString()));
        assertTrue(e.getMessage().contains("toy_labels.npy") && e.getMessage().contains("6"), e.getMessage());
    }

    @Test
    void nonFiniteFeatureIsAnError() throws Exception {
        Path dir = copyOfToy();
        float[] x = new float[12];
        x[7] = Float.NaN;
        new NpzWriter().floats("x", NpzWriter.shape(6, 2), x).writeNpy("x", dir.resolve("toy_feats.npy"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Datasets.load(dir.toString()));
        assertTrue(e.getMessage().contains("toy_feats.npy") && e.getMessage().contains("element 7"), e.getMessage());
    }

    @Test
    void twoLabelFilesForOneAdjacencyAreAmbiguous() throws Exception {
        Path dir = copyOfToy();
        Files.copy(dir.resolve("toy_labels.npy"), dir.resolve("toy_labels_old.npy"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Datasets.load(dir.toString()));
        assertTrue(e.getMessage().contains("toy_labels_old.npy"), e.getMessage());
    }

    @Test
    void featuresAreOptional() throws Exception {
        Path dir = copyOfToy();
        Files.delete(dir.resolve("toy_feats.npy"));
        NodeDataset d = (NodeDataset) Datasets.load(dir.toString());
        assertEquals(0, d.numFeatures());
        assertNull(d.multiLabels());
        assertEquals(6, d.labels().length);
    }

    private Path copyOfToy() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("toy"));
        for (String f : new String[] {"toy_adj.npz", "toy_labels.npy", "toy_feats.npy"}) {
            Files.copy(toy().resolve(f), dir.resolve(f));
        }
        return dir;
    }
}
