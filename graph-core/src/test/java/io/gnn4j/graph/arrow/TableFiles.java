package io.gnn4j.graph.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes hand-made Arrow IPC files with Arrow's own Java API, one column at a time, including broken ones: the
 * files the reader tests feed to {@link ArrowGraphReader}.
 */
final class TableFiles {
    private final List<Field> fields = new ArrayList<>();
    private final List<Consumer<VectorSchemaRoot>> fills = new ArrayList<>();
    private final List<Consumer<VectorSchemaRoot>> afterRowCount = new ArrayList<>();
    private Map<String, String> metadata;
    private int rows;

    static TableFiles rows(int rows) {
        TableFiles t = new TableFiles();
        t.rows = rows;
        return t;
    }

    TableFiles metadata(Map<String, String> m) {
        this.metadata = m;
        return this;
    }

    /** An int32 column; {@code Integer.MIN_VALUE} entries become nulls. */
    TableFiles ints(String name, int... values) {
        fields.add(new Field(name, FieldType.nullable(new ArrowType.Int(32, true)), null));
        fills.add(root -> {
            IntVector v = (IntVector) root.getVector(name);
            v.allocateNew(values.length);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == Integer.MIN_VALUE) {
                    v.setNull(i);
                } else {
                    v.set(i, values[i]);
                }
            }
            v.setValueCount(values.length);
        });
        return this;
    }

    TableFiles longs(String name, long... values) {
        fields.add(new Field(name, FieldType.nullable(new ArrowType.Int(64, true)), null));
        fills.add(root -> {
            BigIntVector v = (BigIntVector) root.getVector(name);
            v.allocateNew(values.length);
            for (int i = 0; i < values.length; i++) {
                v.set(i, values[i]);
            }
            v.setValueCount(values.length);
        });
        return this;
    }

    TableFiles floats(String name, float... values) {
        fields.add(new Field(name, FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null));
        fills.add(root -> {
            Float4Vector v = (Float4Vector) root.getVector(name);
            v.allocateNew(values.length);
            for (int i = 0; i < values.length; i++) {
                v.set(i, values[i]);
            }
            v.setValueCount(values.length);
        });
        return this;
    }

    TableFiles strings(String name, String... values) {
        fields.add(new Field(name, FieldType.nullable(ArrowType.Utf8.INSTANCE), null));
        fills.add(root -> {
            VarCharVector v = (VarCharVector) root.getVector(name);
            v.allocateNew();
            for (int i = 0; i < values.length; i++) {
                v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
            }
            v.setValueCount(values.length);
        });
        return this;
    }

    /** A FixedSizeList column of width {@code f} over float32 ({@code dbl}: float64) items. */
    TableFiles features(String name, int f, boolean dbl, float... items) {
        ArrowType itemType = new ArrowType.FloatingPoint(dbl ? FloatingPointPrecision.DOUBLE : FloatingPointPrecision.SINGLE);
        fields.add(new Field(name, FieldType.nullable(new ArrowType.FixedSizeList(f)),
                List.of(new Field("item", FieldType.nullable(itemType), null))));
        fills.add(root -> {
            FixedSizeListVector list = (FixedSizeListVector) root.getVector(name);
            list.allocateNew();
            int n = items.length / f;
            for (int r = 0; r < n; r++) {
                list.setNotNull(r);
            }
            if (dbl) {
                Float8Vector child = (Float8Vector) list.getDataVector();
                for (int i = 0; i < items.length; i++) {
                    child.setSafe(i, items[i]);
                }
            } else {
                Float4Vector child = (Float4Vector) list.getDataVector();
                for (int i = 0; i < items.length; i++) {
                    child.setSafe(i, items[i]);
                }
            }
            list.setValueCount(n);
            list.getDataVector().setValueCount(items.length);
        });
        return this;
    }

    /** After the row count is set, overrides one column's value count: its field node then disagrees with the batch. */
    TableFiles valueCount(String name, int count) {
        afterRowCount.add(root -> root.getVector(name).setValueCount(count));
        return this;
    }

    /** Same for the items of a fixed-size list column. */
    TableFiles itemCount(String name, int count) {
        afterRowCount.add(root -> ((FixedSizeListVector) root.getVector(name)).getDataVector().setValueCount(count));
        return this;
    }

    /** Writes the table as one record batch in the Arrow IPC file format. */
    Path write(Path file) throws IOException {
        return write(file, false);
    }

    /** Writes the table in the IPC stream format, which a file reader must refuse. */
    Path writeStream(Path file) throws IOException {
        return write(file, true);
    }

    private Path write(Path file, boolean stream) throws IOException {
        try (BufferAllocator a = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields, metadata), a);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            fills.forEach(f -> f.accept(root));
            // Set the batch length without touching the vectors' own counts (setRowCount would overwrite them).
            VectorSchemaRoot batch = new VectorSchemaRoot(root.getSchema(), root.getFieldVectors(), rows);
            afterRowCount.forEach(f -> f.accept(batch));
            if (stream) {
                try (ArrowStreamWriter w = new ArrowStreamWriter(batch, null, ch)) {
                    w.start();
                    w.writeBatch();
                    w.end();
                }
            } else {
                try (ArrowFileWriter w = new ArrowFileWriter(batch, null, ch)) {
                    w.start();
                    w.writeBatch();
                    w.end();
                }
            }
        }
        return file;
    }
}
