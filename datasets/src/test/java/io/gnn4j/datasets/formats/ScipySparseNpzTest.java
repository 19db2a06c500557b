package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.npz.CsrMatrix;
import io.gnn4j.datasets.npz.NpzFile;
import io.gnn4j.graph.Graph;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Files written by scipy.sparse.save_npz (see npz/make_fixtures.py) in its three formats. */
class ScipySparseNpzTest {
    static final float[] DENSE = {0, 2.5f, 0, 1, 0, 0, 0, 0, 3, 0, 0, -1};

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ScipySparseNpzTest.class.getResource("/io/gnn4j/datasets/npz/" + name).toURI());
    }

    @Test
    void csrCscAndCooFilesGiveTheSameMatrix() throws Exception {
        for (String f : new String[] {"sparse_csr.npz", "sparse_csc.npz", "sparse_coo.npz"}) {
            CsrMatrix m = ScipySparseNpz.load(fixture(f));
            assertEquals(3, m.rows(), f);
            assertEquals(4, m.cols(), f);
            assertEquals(4, m.nnz(), f);
            assertArrayEquals(DENSE, m.toDense(fixture(f), "matrix"), 0f, f);
        }
    }

    @Test
    void nonSquareMatrixIsNotAGraph() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> ScipySparseNpz.loadGraph(fixture("sparse_csr.npz"), true));
        assertEquals(true, e.getMessage().contains("square"), e.getMessage());
    }

    @Test
    void coraAdjacencyReadAsAPlainCsrMatrixMatchesTheDatasetLoader() throws Exception {
        // The gnn-benchmark arrays under the adj_ prefix are a CSR matrix; the generic reader must agree.
        Path f = SharedData.require("cora/npz/cora.npz");
        Graph viaLoader = GnnBenchmarkNpz.load(f).graph();
        NpzFile npz = NpzFile.open(f);
        CsrMatrix adj = CsrMatrix.validated(f, "adj", 2708, 2708, npz.get("adj_indptr").toIntArray(),
                npz.get("adj_indices").toIntArray(), null);
        Graph viaCsr = adj.toGraph(f, "adj", true);
        assertArrayEquals(viaLoader.rowPtr(), viaCsr.rowPtr());
        assertArrayEquals(viaLoader.colIdx(), viaCsr.colIdx());
    }
}
