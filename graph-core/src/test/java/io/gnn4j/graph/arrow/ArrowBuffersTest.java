package io.gnn4j.graph.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

class ArrowBuffersTest {
    private static final Path FILE = Path.of("some", "edges.arrow");

    @Test
    void intsWrittenInBulkReadBackThroughArrowAccessors() {
        int[] values = IntStream.range(0, 13).map(i -> i * 7 - 40).toArray(); // 13: a partial validity byte
        try (BufferAllocator a = new RootAllocator(); IntVector v = new IntVector("src", a)) {
            ArrowBuffers.writeInts(v, values, 0, values.length);
            assertEquals(13, v.getValueCount());
            assertEquals(0, v.getNullCount());
            for (int i = 0; i < values.length; i++) {
                assertFalse(v.isNull(i));
                assertEquals(values[i], v.get(i));
            }
        }
    }

    @Test
    void floatsWrittenFromAnOffsetReadBackBitwise() {
        float[] values = {9f, Float.NaN, -0f, Float.MIN_VALUE, 3.5f};
        try (BufferAllocator a = new RootAllocator(); Float4Vector v = new Float4Vector("weight", a)) {
            ArrowBuffers.writeFloats(v, values, 1, 4);
            float[] back = new float[6];
            ArrowBuffers.readFloats(FILE, "weight", 0, 1, v, 4, back, 2);
            assertArrayEquals(new float[] {0, 0, Float.NaN, -0f, Float.MIN_VALUE, 3.5f}, back);
        } catch (ArrowFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void nullsBecomeTheReplacementWhenAllowed() throws ArrowFormatException {
        try (BufferAllocator a = new RootAllocator(); IntVector v = new IntVector("label", a)) {
            v.allocateNew(3);
            v.set(0, 4);
            v.setNull(1);
            v.set(2, 5);
            v.setValueCount(3);
            int[] back = new int[3];
            ArrowBuffers.readInts(FILE, "label", 0, v, 3, back, 0, true, -1);
            assertArrayEquals(new int[] {4, -1, 5}, back);
            ArrowFormatException e = assertThrows(ArrowFormatException.class,
                    () -> ArrowBuffers.readInts(FILE, "label", 100, v, 3, back, 0, false, 0));
            assertEquals(101, e.row());
        }
    }

    @Test
    void dataBufferShorterThanTheBatchNamesTheFirstMissingRow() {
        try (BufferAllocator a = new RootAllocator(); IntVector v = new IntVector("dst", a)) {
            v.allocateNew(4);
            v.setValueCount(4);
            long have = v.getDataBuffer().capacity() / Integer.BYTES;
            int claimed = (int) have + 10;
            ArrowFormatException e = assertThrows(ArrowFormatException.class,
                    () -> ArrowBuffers.readInts(FILE, "dst", 1000, v, claimed, new int[claimed], 0, false, 0));
            assertEquals("dst", e.column());
            assertEquals(1000 + have, e.row());
            assertTrue(e.getMessage().contains("data buffer ends after " + have + " values"), e.getMessage());
        }
    }
}
