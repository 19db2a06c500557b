package io.gnn4j.graph.arrow;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;

/**
 * Bulk moves between Java arrays and the off-heap buffers of Arrow vectors, through {@link MemorySegment} views of
 * the buffers' addresses: one {@code MemorySegment.copy} per column and batch, no per-element calls or boxing. Reads
 * first check that the buffer really holds the values the batch claims (a corrupt file may declare more rows than
 * its buffers carry) and that no value is null.
 */
final class ArrowBuffers {
    /** Arrow buffers are little-endian; values need not be aligned inside a file body. */
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT_LE =
            ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private ArrowBuffers() {}

    /** A view of the first {@code bytes} bytes of {@code buf}; the caller has checked its capacity. */
    private static MemorySegment segment(ArrowBuf buf, long bytes) {
        return bytes == 0 ? MemorySegment.NULL : MemorySegment.ofAddress(buf.memoryAddress()).reinterpret(bytes);
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /** Fills {@code v} with {@code src[from .. from+count)}, all non-null. */
    static void writeInts(IntVector v, int[] src, int from, int count) {
        v.allocateNew(count);
        MemorySegment.copy(src, from, segment(v.getDataBuffer(), (long) count * Integer.BYTES), INT_LE, 0, count);
        setAllValid(v.getValidityBuffer(), count);
        v.setValueCount(count);
    }

    /** Fills {@code v} with {@code src[from .. from+count)}, all non-null. */
    static void writeFloats(Float4Vector v, float[] src, int from, int count) {
        v.allocateNew(count);
        MemorySegment.copy(src, from, segment(v.getDataBuffer(), (long) count * Float.BYTES), FLOAT_LE, 0, count);
        setAllValid(v.getValidityBuffer(), count);
        v.setValueCount(count);
    }

    /** Sets the first {@code count} validity bits (LSB first within each byte, as Arrow numbers them). */
    static void setAllValid(ArrowBuf validity, int count) {
        long fullBytes = count >>> 3;
        if (fullBytes > 0) {
            segment(validity, fullBytes).fill((byte) 0xFF);
        }
        int rest = count & 7;
        if (rest != 0) {
            validity.setByte(fullBytes, (1 << rest) - 1);
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /**
     * Copies the {@code count} values of an int32 column into {@code dst[dstOffset ..]}; a null value is an error
     * unless {@code nullable}, when {@code nullReplacement} takes its place.
     */
    static void readInts(Path file, String column, long firstRow, IntVector v, int count, int[] dst, int dstOffset,
                         boolean nullable, int nullReplacement) throws ArrowFormatException {
        requireCapacity(file, column, firstRow, 1, v, count, Integer.BYTES);
        MemorySegment.copy(segment(v.getDataBuffer(), (long) count * Integer.BYTES), INT_LE, 0, dst, dstOffset, count);
        if (v.getNullCount() > 0) {
            if (!nullable) {
                throw new ArrowFormatException(file, column, firstRow + firstNull(v, count), "value is null");
            }
            for (int i = 0; i < count; i++) {
                if (v.isNull(i)) {
                    dst[dstOffset + i] = nullReplacement;
                }
            }
        }
    }

    /**
     * Copies the {@code count} values of a float32 column into {@code dst[dstOffset ..]}; a null is an error.
     * {@code rowWidth} maps a value index to its row (F for the items of a fixed-size list, else 1).
     */
    static void readFloats(Path file, String column, long firstRow, int rowWidth, Float4Vector v, int count,
                           float[] dst, int dstOffset) throws ArrowFormatException {
        requireCapacity(file, column, firstRow, rowWidth, v, count, Float.BYTES);
        MemorySegment.copy(segment(v.getDataBuffer(), (long) count * Float.BYTES), FLOAT_LE, 0, dst, dstOffset, count);
        if (v.getNullCount() > 0) {
            throw new ArrowFormatException(file, column, firstRow + firstNull(v, count) / rowWidth, "value is null");
        }
    }

    /** Throws when a non-nullable column (e.g. a fixed-size list itself) has a null row. */
    static void requireNoNulls(Path file, String column, long firstRow, FieldVector v, int count)
            throws ArrowFormatException {
        if (v.getNullCount() > 0) {
            throw new ArrowFormatException(file, column, firstRow + firstNull(v, count), "value is null");
        }
    }

    private static int firstNull(FieldVector v, int count) {
        for (int i = 0; i < count; i++) {
            if (v.isNull(i)) {
                return i;
            }
        }
        throw new IllegalStateException("null count " + v.getNullCount() + " but no null among " + count + " values");
    }

    private static void requireCapacity(Path file, String column, long firstRow, int rowWidth, BaseFixedWidthVector v,
                                        int count, int width) throws ArrowFormatException {
        long have = v.getDataBuffer().capacity() / width;
        if (have < count) {
            throw new ArrowFormatException(file, column, firstRow + have / rowWidth, "the data buffer ends after "
                    + have + " values but the record batch has " + count
                    + " rows (file truncated or lengths disagree)");
        }
    }
}
