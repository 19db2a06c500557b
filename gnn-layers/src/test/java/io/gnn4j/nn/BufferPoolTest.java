package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BufferPoolTest {
    @Test
    void sizeClassesAreAtMostAQuarterLargerAndStable() {
        for (long n = 1; n < 100_000; n++) {
            long c = BufferPool.sizeClass(n);
            assertTrue(c >= n && (n <= 4 || 4 * c <= 5 * n), n + " -> " + c);
            assertEquals(c, BufferPool.sizeClass(c), "a class is its own class: " + c);
        }
        assertEquals(112, BufferPool.sizeClass(100)); // 7·2⁴
        assertEquals(128, BufferPool.sizeClass(113)); // 4·2⁵
    }

    @Test
    void shapesOfOneSizeClassShareABufferAndSeeOnlyTheirElements() {
        BufferPool pool = new BufferPool();
        INDArray a = pool.take(30, 3); // 90 floats -> class 96
        assertArrayEquals(new long[] {30, 3}, a.shape());
        assertEquals(90, a.length());
        pool.give(a);
        INDArray b = pool.take(31, 3); // 93 floats -> class 96 again
        assertSame(a.data(), b.data());
        assertArrayEquals(new long[] {31, 3}, b.shape());
        b.assign(2f);
        assertEquals(2f * 93, b.sumNumber().floatValue());
        assertEquals(2f, b.getFloat(30, 2));
        INDArray c = pool.take(31, 3); // the buffer is taken: a new one
        assertNotSame(b.data(), c.data());
    }

    @Test
    void foreignMatricesAreNotKept() {
        BufferPool pool = new BufferPool();
        INDArray foreign = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 3); // 9 floats: not a class
        pool.give(foreign);
        assertNotSame(foreign.data(), pool.take(3, 3).data());
        assertEquals(0, pool.take(0, 5).length());
    }

    @Test
    void liveBytesCountWhatIsHandedOutUntilItComesBack() {
        BufferPool pool = new BufferPool();
        INDArray a = pool.take(30, 3);   // class 96
        INDArray b = pool.take(10, 10);  // class 112
        assertEquals((96 + 112) * 4L, pool.liveBytes());
        pool.give(a);
        assertEquals(112 * 4L, pool.liveBytes());
        pool.take(31, 3);                // reuses a's buffer, live again
        assertEquals((96 + 112) * 4L, pool.liveBytes());
        pool.give(b);
        assertEquals(96 * 4L, pool.liveBytes());
        assertEquals((96 + 112) * 4L, pool.peakLiveBytes());
    }

    @Test
    void releaseFreesReturnedBuffersOnlyAndThePoolStaysUsable() {
        BufferPool pool = new BufferPool();
        INDArray kept = pool.take(30, 3);
        INDArray returned = pool.take(10, 10);
        pool.give(returned);
        pool.release();
        assertTrue(returned.data().wasClosed());
        assertFalse(kept.data().wasClosed());
        assertEquals(96 * 4L, pool.liveBytes());
        INDArray fresh = pool.take(10, 10);          // not the freed buffer
        assertFalse(fresh.data().wasClosed());
        fresh.assign(1f);
        assertEquals(100f, fresh.sumNumber().floatValue());
    }
}
