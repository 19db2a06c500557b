package io.gnn4j.datasets.formats;

import static io.gnn4j.datasets.formats.NpzWriter.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.NodeDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input the loaders must reject — wrong dtype or shape, node id out of range, overlapping or
 * short split, negative label, non-numeric or missing field, broken CSR pointers — with a DatasetFormatException
 * whose message names the file, the array or line, and what was expected versus found.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    /** A valid 4-node heterophilous-graphs file: two features, edges 0–1 and 2–3, one split. */
    static NpzWriter heterophilous() {
        return new NpzWriter()
                .floats("node_features", shape(4, 2), 1, 0, 0, 1, 1, 1, 0, 0)
                .longs("node_labels", shape(4), 0, 1, 0, 1)
                .longs("edges", shape(2, 2), 0, 1, 2, 3)
                .bytes("train_masks", "|b1", shape(1, 4), 1, 0, 0, 0)
                .bytes("val_masks", "|b1", shape(1, 4), 0, 1, 0, 0)
                .bytes("test_masks", "|b1", shape(1, 4), 0, 0, 1, 1);
    }

    private void rejects(UnaryOperator<NpzWriter> defect, String... fragments) throws Exception {
        Path f = defect.apply(heterophilous()).write(tmp.resolve("bad.npz"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> HeterophilousNpz.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), "'" + s + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void theValidBaseFileLoads() throws Exception {
        NodeDataset d = HeterophilousNpz.load(heterophilous().write(tmp.resolve("ok.npz")));
        assertEquals(2, d.graph().numEdges());
        assertEquals(1, d.splits().size());
    }

    @Test
    void heterophilousDefectsAreNamed() throws Exception {
        rejects(w -> w.longs("edges", shape(2, 2), 0, 1, 2, 4), "member edges.npy", "edge 1 = [2, 4]", "[0, 4)");
        rejects(w -> w.longs("edges", shape(4), 0, 1, 2, 3), "member edges.npy", "expected shape (*, 2)", "[4]");
        rejects(w -> w.longs("node_labels", shape(3), 0, 1, 0), "member node_labels.npy", "expected shape (4,)");
        rejects(w -> w.longs("node_labels", shape(4), 0, -1, 0, 1), "label -1 of node 1");
        rejects(w -> w.bytes("node_labels", "|S1", shape(4), 'a', 'b', 'a', 'b'), "expected an integer", "|S1");
        rejects(w -> w.floats("node_features", shape(4, 2), 1, 0, 0, Float.NaN, 1, 1, 0, 0), "NaN", "not finite");
        rejects(w -> w.bytes("val_masks", "|b1", shape(1, 4), 1, 1, 0, 0), "masks row 0", "index 0 is in val and in train");
        rejects(w -> w.bytes("test_masks", "|b1", shape(1, 3), 0, 0, 1), "member test_masks.npy", "expected shape (1, 4)");
        rejects(w -> w.bytes("train_masks", "|u1", shape(1, 4), 2, 0, 0, 0), "element 0 = 2", "not a 0/1");
        rejects(w -> w.remove("edges"), "array 'edges'", "missing");
        rejects(w -> w.raw("edges", "|O", shape(2), new byte[16]), "object (pickled) array");
    }

    @Test
    void gnnBenchmarkDefectsAreNamed() throws Exception {
        // 3 nodes, adjacency 0→1, 1→2.
        NpzWriter ok = new NpzWriter().floats("adj_data", shape(2), 1, 1).ints("adj_indices", shape(2), 1, 2)
                .ints("adj_indptr", shape(4), 0, 1, 2, 2).longs("adj_shape", shape(2), 3, 3)
                .bytes("labels", "|i1", shape(3), 0, 1, 1);
        assertEquals(2, GnnBenchmarkNpz.load(ok.write(tmp.resolve("ok.npz"))).graph().numEntries());
        Path f1 = ok.ints("adj_indptr", shape(4), 0, 2, 1, 2).write(tmp.resolve("a.npz"));
        DatasetFormatException e1 = assertThrows(DatasetFormatException.class, () -> GnnBenchmarkNpz.load(f1));
        assertTrue(e1.getMessage().contains("adj_*") && e1.getMessage().contains("indptr decreases at row 1"),
                e1.getMessage());
        Path f2 = ok.ints("adj_indptr", shape(4), 0, 1, 2, 2).ints("adj_indices", shape(2), 1, 3)
                .write(tmp.resolve("b.npz"));
        DatasetFormatException e2 = assertThrows(DatasetFormatException.class, () -> GnnBenchmarkNpz.load(f2));
        assertTrue(e2.getMessage().contains("column index 3 at entry 1 is out of range [0, 3)"), e2.getMessage());
        Path f3 = ok.ints("adj_indices", shape(2), 1, 2).raw("class_names", "<U1", shape(1), new byte[4])
                .write(tmp.resolve("c.npz"));
        DatasetFormatException e3 = assertThrows(DatasetFormatException.class, () -> GnnBenchmarkNpz.load(f3));
        assertTrue(e3.getMessage().contains("label 1 has no class name"), e3.getMessage());
        NpzWriter fresh = new NpzWriter().floats("adj_data", shape(2), 1, 1).ints("adj_indices", shape(2), 1, 2)
                .ints("adj_indptr", shape(4), 0, 1, 2, 2).longs("adj_shape", shape(2), 3, 3);
        gnnBenchmarkRejected(fresh.floats("labels", shape(3), 0, 1, 1), "member labels.npy", "<f4");
        gnnBenchmarkRejected(fresh.longs("labels", shape(3), 0, -2, 1), "member labels.npy", "label -2 of node 1");
        gnnBenchmarkRejected(fresh.longs("labels", shape(2), 0, 1), "member labels.npy", "expected shape (3,)");
        gnnBenchmarkRejected(fresh.longs("labels", shape(3), 0, 1, 1).longs("adj_shape", shape(2), 3, 4),
                "adjacency must be square, found 3×4");
        gnnBenchmarkRejected(fresh.longs("adj_shape", shape(2), 3, 3).floats("adj_data", shape(1), 1), "member adj_data.npy",
                "expected shape (2,)");
        gnnBenchmarkRejected(fresh.floats("adj_data", shape(2), 1, 1).floats("attr_data", shape(1), 1)
                .ints("attr_indices", shape(1), 0).ints("attr_indptr", shape(3), 0, 1, 1).longs("attr_shape", shape(2), 2, 5),
                "array attr_shape", "expected 3 rows (one per node), found 2");
    }

    private void gnnBenchmarkRejected(NpzWriter w, String... fragments) throws Exception {
        Path f = w.write(Files.createTempFile(tmp, "gb", ".npz"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> GnnBenchmarkNpz.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), "'" + s + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void geomGcnTextDefectsNameTheLine() throws Exception {
        String header = "node_id\tfeature\tlabel\n";
        check(header + "0\t1,0\t1\n1\t0,1\tx\n", "0\t1\n", "line 3", "expected a label", "'x'");
        check(header + "0\t1,0\t1\n1\t0,1,1\t0\n", "0\t1\n", "line 3", "3 feature values, expected 2");
        check(header + "0\t1,0\t1\n0\t0,1\t0\n", "0\t1\n", "line 3", "node 0 appears twice");
        check(header + "0\t1,0\t1\n1\t0,2\t0\n", "0\t1\n", "line 3", "feature 1 is '2'");
        check(header + "0\t1,0\t1\n1\t0,1\t0\n", "0\t2\n", "out1_graph_edges.txt", "line 2", "node id 2 is out of range");
        check(header + "0\t1,0\t1\n1\t0,1\t0\n", "0\t1", "out1_graph_edges.txt", "no newline");
        check(header + "0\t1,0\t1\n2\t0,1\t0\n", "0\t1\n", "node id 2 is out of range [0, 2)");
        check(header + "0\t1,0\t1\n1\t0,1\t-1\n", "0\t1\n", "line 3", "expected a label (non-negative integer)",
                "'-1'");
        check(header + "0\t1,0\t1\n1\t0,1\t0\n", "0\t1\t1\n", "out1_graph_edges.txt", "line 2",
                "expected 'src<TAB>dst'");
    }

    @Test
    void geomGcnSplitDefectsNameTheSplitFile() throws Exception {
        NpzWriter ok = new NpzWriter().bytes("train_mask", "|u1", shape(3), 1, 0, 0)
                .bytes("val_mask", "|u1", shape(3), 0, 1, 0).bytes("test_mask", "|b1", shape(3), 0, 0, 1);
        splitRejected(ok.bytes("val_mask", "|u1", shape(2), 0, 1), "t_split_0.6_0.2_3.npz", "member val_mask.npy",
                "expected shape (3,)");
        splitRejected(ok.bytes("val_mask", "|u1", shape(3), 1, 1, 0), "t_split_0.6_0.2_3.npz", "index 0 is in val and in train");
        splitRejected(ok.bytes("val_mask", "|u1", shape(3), 0, 1, 0).bytes("test_mask", "|u1", shape(3), 0, 0, 7),
                "member test_mask.npy", "element 2 = 7");
        splitRejected(ok.floats("test_mask", shape(3), 0, 0, 1), "member test_mask.npy", "<f4");
    }

    private void splitRejected(NpzWriter bad, String... fragments) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "s");
        NpzWriter good = new NpzWriter().bytes("train_mask", "|u1", shape(3), 1, 0, 0)
                .bytes("val_mask", "|u1", shape(3), 0, 1, 0).bytes("test_mask", "|u1", shape(3), 0, 0, 1);
        for (int k = 0; k < GeomGcn.NUM_SPLITS; k++) {
            (k == 3 ? bad : good).write(dir.resolve("t_split_0.6_0.2_" + k + ".npz"));
        }
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> GeomGcn.loadSplits(dir, "t", 3));
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), "'" + s + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void linqsDefectsNameFileAndLine() throws Exception {
        String content = "p1\t1\t0\tA\np2\t0\t1\tB\n";
        linqsRejected(content, "p1\tp2\np2\tp9\n", "t.cites", "line 2", "paper id 'p9' has no line in t.content");
        linqsRejected("p1\t1\t0\tA\np2\t0\t0.5\tB\n", "p1\tp2\n", "t.content", "line 2", "word 1 is '0.5'");
        linqsRejected("p1\t1\t0\tA\np2\t0\tB\n", "p1\tp2\n", "t.content", "line 2", "3 fields, expected 4");
        linqsRejected("p1\t1\t0\tA\np1\t0\t1\tB\n", "p1\tp1\n", "t.content", "line 2", "'p1' appears twice");
        linqsRejected(content, "p1\tp2\np2\tp", "t.cites", "no newline");
        linqsRejected(content, "p1\tp2\tp1\n", "t.cites", "line 1", "found 3 field(s)");
    }

    private void linqsRejected(String content, String cites, String... fragments) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "l");
        Files.writeString(dir.resolve("t.content"), content);
        Files.writeString(dir.resolve("t.cites"), cites);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Linqs.load(dir, "t"));
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), "'" + s + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void scipySparseDefectsAreFormatErrorsNeverOutOfMemory() throws Exception {
        // COO entries (0,1) and (1,0) of a 2×2 matrix.
        NpzWriter ok = new NpzWriter().bytes("format", "|S3", shape(), 'c', 'o', 'o').longs("shape", shape(2), 2, 2)
                .floats("data", shape(2), 1, 1).ints("row", shape(2), 0, 1).ints("col", shape(2), 1, 0);
        assertEquals(2, ScipySparseNpz.loadGraph(ok.write(tmp.resolve("ok.npz")), true).numEntries());
        // A corrupt shape with no entries must not allocate gigabytes of row pointers.
        Path huge = new NpzWriter().bytes("format", "|S3", shape(), 'c', 'o', 'o')
                .longs("shape", shape(2), Integer.MAX_VALUE - 9, 1).floats("data", shape(0)).ints("row", shape(0))
                .ints("col", shape(0)).write(tmp.resolve("huge.npz"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ScipySparseNpz.load(huge));
        assertTrue(e.getMessage().contains("array 'shape'") && e.getMessage().contains("half the heap"), e.getMessage());
        Path col = ok.ints("col", shape(2), 1, 2).write(tmp.resolve("col.npz"));
        DatasetFormatException c = assertThrows(DatasetFormatException.class, () -> ScipySparseNpz.load(col));
        assertTrue(c.getMessage().contains("column index 2 at entry 1 is out of range [0, 2)"), c.getMessage());
        Path fmt = ok.bytes("format", "|S3", shape(), 'b', 's', 'r').write(tmp.resolve("fmt.npz"));
        DatasetFormatException f = assertThrows(DatasetFormatException.class, () -> ScipySparseNpz.load(fmt));
        assertTrue(f.getMessage().contains("format 'bsr', expected csr, csc or coo"), f.getMessage());
    }

    private void check(String nodes, String edges, String... fragments) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "g");
        Files.writeString(dir.resolve("out1_node_feature_label.txt"), nodes);
        Files.writeString(dir.resolve("out1_graph_edges.txt"), "node_id\tnode_id\n" + edges);
        Files.createDirectories(dir.resolve("splits"));
        for (int k = 0; k < GeomGcn.NUM_SPLITS; k++) {
            new NpzWriter().bytes("train_mask", "|u1", shape(2), 1, 0).bytes("val_mask", "|u1", shape(2), 0, 1)
                    .bytes("test_mask", "|u1", shape(2), 0, 0).write(dir.resolve("splits/t_split_0.6_0.2_" + k + ".npz"));
        }
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> GeomGcn.load(dir, "t"));
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), "'" + s + "' missing in: " + e.getMessage());
        }
    }
}
