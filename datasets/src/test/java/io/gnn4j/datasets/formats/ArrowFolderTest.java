package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrow dataset folders: gnn4j's own round trip and tables written without gnn4j's metadata, as pyarrow writes them. */
class ArrowFolderTest {
    @TempDir
    Path tmp;

    @Test
    void coraRoundTripsWithFeaturesLabelsAndThePublicSplit() throws Exception {
        NodeDataset cora = (NodeDataset) Datasets.load("cora");
        Path dir = tmp.resolve("cora-arrow");
        ArrowFolder.write(cora, dir);
        NodeDataset back = (NodeDataset) Datasets.load(dir.toString());
        assertEquals("cora-arrow", back.name());
        assertEquals(cora.graph().isDirected(), back.graph().isDirected());
        assertArrayEquals(cora.graph().rowPtr(), back.graph().rowPtr());
        assertArrayEquals(cora.graph().colIdx(), back.graph().colIdx());
        assertEquals(cora.numFeatures(), back.numFeatures());
        assertArrayEquals(cora.features(), back.features());
        assertArrayEquals(cora.labels(), back.labels());
        assertEquals(cora.numClasses(), back.numClasses());
        Split pub = cora.split("public"), s = back.split(ArrowFolder.SPLIT_NAME);
        assertArrayEquals(pub.train(), s.train());
        assertArrayEquals(pub.val(), s.val());
        assertArrayEquals(pub.test(), s.test());
    }

    /** Nodes as pyarrow writes them by hand: shuffled ids, one float32 column per feature, nullable label/split. */
    @Test
    void tablesWithoutGnn4jMetadataReadAsTheSchemaDocuments() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("plain"));
        writeNodes(dir, new int[] {2, 0, 3, 1}, new float[][] {{2, 0, 3, 1}, {20, 0, 30, 10}},
                new Integer[] {1, 0, null, 0}, new String[] {"train", "test", null, "val"}, false);
        writeEdges(dir, new int[] {0, 1, 2}, new int[] {1, 2, 3});
        NodeDataset d = (NodeDataset) Datasets.load(dir.toString());
        assertTrue(d.graph().isDirected(), "no gnn4j.directed metadata: directed");
        assertEquals(3, d.graph().numEdges());
        assertEquals(2, d.numFeatures());
        assertArrayEquals(new float[] {0, 0, 1, 10, 2, 20, 3, 30}, d.features());
        assertArrayEquals(new int[] {0, 0, 1, -1}, d.labels());
        Split s = d.split(ArrowFolder.SPLIT_NAME);
        assertArrayEquals(new int[] {2}, s.train());
        assertArrayEquals(new int[] {1}, s.val());
        assertArrayEquals(new int[] {0}, s.test());
    }

    @Test
    void labelsWithoutASplitColumnGetASeededStratifiedSplit() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("nosplit"));
        writeNodes(dir, new int[] {0, 1, 2, 3, 4}, new float[0][], new Integer[] {0, 0, 0, 0, 0}, null, false);
        writeEdges(dir, new int[] {0}, new int[] {4});
        NodeDataset d = (NodeDataset) Datasets.load(dir.toString());
        Split s = d.splits().getFirst();
        assertEquals("random-0.6-0.2-seed-0", s.name());
        assertEquals(List.of(3, 1, 1), List.of(s.train().length, s.val().length, s.test().length));
    }

    @Test
    void malformedTablesNameTheFileColumnAndRow() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("bad"));
        writeNodes(dir, new int[] {0, 1}, new float[0][], new Integer[] {0, 1}, new String[] {"train", "training"},
                false);
        writeEdges(dir, new int[] {0}, new int[] {1});
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Datasets.load(dir.toString()));
        assertTrue(e.getMessage().contains("nodes.arrow: column 'split', row 1: expected one of [train, val, test] or "
                + "null, found 'training'"), e.getMessage());

        writeNodes(dir, new int[] {0, 1}, new float[][] {{1, 2}}, new Integer[] {0, 1}, null, true);
        e = assertThrows(DatasetFormatException.class, () -> Datasets.load(dir.toString()));
        assertTrue(e.getMessage().contains("column 'x0'") && e.getMessage().contains("expected float32"),
                e.getMessage());
    }

    @Test
    void onlySingleLabelNodeDatasetsConvert() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArrowFolder.write(Datasets.load("mutag"), tmp.resolve("m")));
        assertTrue(e.getMessage().contains("only node datasets convert"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("m")));
    }

    /** A node table with plain Arrow Java and no schema metadata; {@code doubles} writes float64 features. */
    static void writeNodes(Path dir, int[] ids, float[][] featureColumns, Integer[] labels, String[] split,
                           boolean doubles) throws Exception {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("id", FieldType.notNullable(new ArrowType.Int(32, true)), null));
        for (int j = 0; j < featureColumns.length; j++) {
            var precision = doubles ? FloatingPointPrecision.DOUBLE : FloatingPointPrecision.SINGLE;
            fields.add(new Field("x" + j, FieldType.notNullable(new ArrowType.FloatingPoint(precision)), null));
        }
        fields.add(new Field("label", FieldType.nullable(new ArrowType.Int(32, true)), null));
        if (split != null) {
            fields.add(new Field("split", FieldType.nullable(new ArrowType.Utf8()), null));
        }
        write(dir.resolve("nodes.arrow"), new Schema(fields), ids.length, root -> {
            IntVector id = (IntVector) root.getVector("id");
            IntVector label = (IntVector) root.getVector("label");
            for (int r = 0; r < ids.length; r++) {
                id.setSafe(r, ids[r]);
                if (labels[r] == null) {
                    label.setNull(r);
                } else {
                    label.setSafe(r, labels[r]);
                }
                for (int j = 0; j < featureColumns.length; j++) {
                    FieldVector v = root.getVector("x" + j);
                    if (doubles) {
                        ((Float8Vector) v).setSafe(r, featureColumns[j][r]);
                    } else {
                        ((Float4Vector) v).setSafe(r, featureColumns[j][r]);
                    }
                }
                if (split != null) {
                    VarCharVector s = (VarCharVector) root.getVector("split");
                    if (split[r] == null) {
                        s.setNull(r);
                    } else {
                        s.setSafe(r, split[r].getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        });
    }

    static void writeEdges(Path dir, int[] src, int[] dst) throws Exception {
        Schema schema = new Schema(List.of(new Field("src", FieldType.notNullable(new ArrowType.Int(32, true)), null),
                new Field("dst", FieldType.notNullable(new ArrowType.Int(32, true)), null)));
        write(dir.resolve("edges.arrow"), schema, src.length, root -> {
            for (int e = 0; e < src.length; e++) {
                ((IntVector) root.getVector("src")).setSafe(e, src[e]);
                ((IntVector) root.getVector("dst")).setSafe(e, dst[e]);
            }
        });
    }

    private interface Fill {
        void into(VectorSchemaRoot root);
    }

    private static void write(Path file, Schema schema, int rows, Fill fill) throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
            root.allocateNew();
            fill.into(root);
            for (FieldVector v : root.getFieldVectors()) {
                v.setValueCount(rows);
            }
            root.setRowCount(rows);
            w.start();
            w.writeBatch();
            w.end();
        }
    }
}
