package io.gnn4j.graph.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One Arrow IPC file opened for reading batch by batch, turning every failure into an {@link ArrowFormatException}
 * that names the file, the column and the row. Besides what Arrow's own reader checks, each record batch is checked
 * before it is loaded: every column (and the items of a fixed-size list) must have exactly as many values as the
 * batch has rows — Arrow would otherwise silently pad a short column with zeros.
 */
final class ArrowTableReader implements AutoCloseable {
    private final Path file;
    private final CheckingReader reader;
    private final VectorSchemaRoot root;
    private final Schema schema;
    private final int numBatches;
    private int batch = -1;
    private long firstRow;
    private long nextRow;

    private ArrowTableReader(Path file, FileChannel channel, BufferAllocator allocator) throws IOException {
        this.file = file;
        this.reader = new CheckingReader(channel, allocator);
        try {
            this.root = reader.getVectorSchemaRoot();
            this.schema = root.getSchema();
            this.numBatches = reader.getRecordBlocks().size();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw new ArrowFormatException(file, null, ArrowFormatException.NO_ROW,
                    "not a readable Arrow IPC file (truncated, or not in the Arrow file format): " + e.getMessage(), e);
        }
    }

    /** Opens {@code file}; a missing file is a {@link java.nio.file.NoSuchFileException}. */
    static ArrowTableReader open(Path file, BufferAllocator allocator) throws IOException {
        return new ArrowTableReader(file, FileChannel.open(file, StandardOpenOption.READ), allocator);
    }

    Path file() {
        return file;
    }

    Schema schema() {
        return schema;
    }

    /** The column {@code name}, which must exist and have type {@code expected}. */
    Field require(String name, ArrowType expected) throws ArrowFormatException {
        Field f = optional(name, expected);
        if (f == null) {
            throw new ArrowFormatException(file, name, "missing; the file has columns " + columnNames());
        }
        return f;
    }

    /** The column {@code name} if present (then it must have type {@code expected} unless that is null), else null. */
    Field optional(String name, ArrowType expected) throws ArrowFormatException {
        Field f = field(name);
        if (f != null && (expected != null && !expected.equals(f.getType()) || f.getDictionary() != null)) {
            throw new ArrowFormatException(file, name, "expected "
                    + (expected == null ? "a plain column" : ArrowGraphSchema.describe(expected)) + ", found "
                    + (f.getDictionary() != null ? "a dictionary-encoded column"
                    : ArrowGraphSchema.describe(f.getType())));
        }
        return f;
    }

    private Field field(String name) {
        for (Field f : schema.getFields()) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private String columnNames() {
        return schema.getFields().stream().map(f -> f.getName() + ": " + ArrowGraphSchema.describe(f.getType()))
                .toList().toString();
    }

    /** The vector of column {@code name} holding the current batch. */
    FieldVector vector(String name) {
        return root.getVector(name);
    }

    /** Loads the next record batch; false when there is none left. */
    boolean nextBatch() throws ArrowFormatException {
        if (batch + 1 >= numBatches) {
            return false;
        }
        batch++;
        try {
            reader.loadNextBatch();
        } catch (LengthMismatch m) {
            throw m.error;
        } catch (IOException | RuntimeException e) {
            throw new ArrowFormatException(file, null, nextRow, "record batch " + batch
                    + " cannot be read (truncated or corrupt file): " + e, e);
        }
        firstRow = nextRow;
        nextRow += root.getRowCount();
        return true;
    }

    /** Rows in the current batch. */
    int rowCount() {
        return root.getRowCount();
    }

    /** Index, across all batches, of the current batch's first row. */
    long firstRow() {
        return firstRow;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Carries a length check's failure out of {@code loadRecordBatch}, which may not throw checked exceptions. */
    private static final class LengthMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ArrowFormatException error;

        LengthMismatch(ArrowFormatException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    /** Arrow's file reader with the column-length check in front of loading each batch. */
    private final class CheckingReader extends ArrowFileReader {
        CheckingReader(FileChannel channel, BufferAllocator allocator) {
            super(channel, allocator);
        }

        @Override
        protected void loadRecordBatch(ArrowRecordBatch recordBatch) {
            ArrowFormatException problem = checkLengths(recordBatch);
            if (problem != null) {
                recordBatch.close();
                throw new LengthMismatch(problem);
            }
            super.loadRecordBatch(recordBatch);
        }

        private ArrowFormatException checkLengths(ArrowRecordBatch recordBatch) {
            Iterator<ArrowFieldNode> nodes = recordBatch.getNodes().iterator();
            for (Field f : schema.getFields()) {
                int rows = recordBatch.getLength();
                ArrowFormatException p = check(f, f.getName(), 1, rows, rows, nodes);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }

        /**
         * Checks one field node and, depth first, its children. {@code expected} is the value count the node must
         * have (−1: unknown, e.g. below a variable-size list), {@code perRow} how many of its values make one row.
         */
        private ArrowFormatException check(Field f, String column, long perRow, long rows, long expected,
                                           Iterator<ArrowFieldNode> nodes) {
            if (!nodes.hasNext()) {
                return new ArrowFormatException(file, column, nextRow, "record batch " + batch + " has no values for "
                        + "this column (its field nodes end early)");
            }
            ArrowFieldNode node = nodes.next();
            if (expected >= 0 && node.getLength() != expected) {
                long shortBy = Math.min(node.getLength(), expected);
                String what = perRow == 1 ? node.getLength() + " values"
                        : node.getLength() + " list items (" + perRow + " per row)";
                return new ArrowFormatException(file, column, nextRow + shortBy / perRow, "the column has " + what
                        + " but record batch " + batch + " has " + rows + " rows (lengths disagree)");
            }
            long childPerRow = -1;
            long childExpected = -1;
            if (expected >= 0 && f.getType() instanceof ArrowType.FixedSizeList list) {
                childPerRow = perRow * list.getListSize();
                childExpected = (long) node.getLength() * list.getListSize();
            }
            for (Field child : f.getChildren()) {
                ArrowFormatException p = check(child, column, Math.max(childPerRow, 1), rows, childExpected, nodes);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
    }
}
