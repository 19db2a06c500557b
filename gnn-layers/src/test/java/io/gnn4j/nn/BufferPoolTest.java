package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataBuffer;

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
    void sizesOfOneClassShareABuffer() {
        BufferPool pool = new BufferPool();
        DataBuffer a = pool.take(90); // class 96
        assertEquals(96, a.length());
        pool.give(a);
        DataBuffer b = pool.take(93); // class 96 again
        assertSame(a, b);
        DataBuffer c = pool.take(93); // the buffer is taken: a new one
        assertNotSame(b, c);
        assertNull(pool.take(0));
        pool.give(null);
        assertEquals(2 * 96 * 4L, pool.liveBytes());
    }

    @Test
    void liveBytesCountWhatIsHandedOutUntilItComesBack() {
        BufferPool pool = new BufferPool();
        DataBuffer a = pool.take(90);   // class 96
        DataBuffer b = pool.take(100);  // class 112
        assertEquals((96 + 112) * 4L, pool.liveBytes());
        pool.give(a);
        assertEquals(112 * 4L, pool.liveBytes());
        pool.take(93);                  // reuses a's buffer, live again
        assertEquals((96 + 112) * 4L, pool.liveBytes());
        pool.give(b);
        assertEquals(96 * 4L, pool.liveBytes());
        assertEquals((96 + 112) * 4L, pool.peakLiveBytes());
    }

    @Test
    void releaseFreesReturnedBuffersOnlyAndThePoolStaysUsable() {
        BufferPool pool = new BufferPool();
        DataBuffer kept = pool.take(90);
        DataBuffer returned = pool.take(100);
        pool.give(returned);
        pool.release();
        assertTrue(returned.wasClosed());
        assertFalse(kept.wasClosed());
        assertEquals(96 * 4L, pool.liveBytes());
        DataBuffer fresh = pool.take(100);          // not the freed buffer
        assertNotSame(returned, fresh);
        assertFalse(fresh.wasClosed());
    }
}
