package io.gnn4j.nn;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayDeque;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recycles float32 buffers: fresh ND4J memory is expensive on the machines gnn4j targets, so a training loop
 * allocates only in its first steps. Buffers are kept by size class (four classes per power of two, at most 25 %
 * larger than asked), so that mini-batches whose node counts differ from step to step reuse a few buffers instead of
 * keeping one set per exact shape; a {@link Tensor} uses the first rows×cols floats of its buffer.
 * The pool counts the bytes it has handed out and not yet taken back ({@link #liveBytes()}) and their peak: a
 * deterministic measure of the activation memory a training step holds, independent of the garbage collector.
 */
final class BufferPool {
    private final Long2ObjectOpenHashMap<ArrayDeque<DataBuffer>> free = new Long2ObjectOpenHashMap<>();
    private long liveBytes;
    private long peakLiveBytes;

    /** A buffer of at least {@code floats} floats with unspecified contents, or null when {@code floats} is 0. */
    DataBuffer take(long floats) {
        if (floats == 0) {
            return null;
        }
        long capacity = sizeClass(floats);
        ArrayDeque<DataBuffer> q = free.get(capacity);
        DataBuffer buffer = q == null ? null : q.pollFirst();
        if (buffer == null) {
            buffer = Nd4j.createUninitialized(DataType.FLOAT, capacity).data();
        }
        liveBytes += capacity * Float.BYTES;
        peakLiveBytes = Math.max(peakLiveBytes, liveBytes);
        return buffer;
    }

    /** Takes back a buffer from {@link #take} for reuse; null (an empty tensor's buffer) is ignored. */
    void give(DataBuffer buffer) {
        if (buffer == null) {
            return;
        }
        long capacity = buffer.length();
        ArrayDeque<DataBuffer> q = free.get(capacity);
        if (q == null) {
            q = new ArrayDeque<>();
            free.put(capacity, q);
        }
        q.addFirst(buffer);
        liveBytes -= capacity * Float.BYTES;
    }

    /** Bytes of the buffers handed out by {@link #take} and not yet returned by {@link #give}. */
    long liveBytes() {
        return liveBytes;
    }

    /** The largest {@link #liveBytes()} since this pool was made. */
    long peakLiveBytes() {
        return peakLiveBytes;
    }

    /** Frees every pooled (returned) buffer's native memory now and forgets it; buffers handed out stay valid. */
    void release() {
        for (ArrayDeque<DataBuffer> q : free.values()) {
            for (DataBuffer b : q) {
                if (b.closeable()) {
                    b.close();
                }
            }
        }
        free.clear();
    }

    /** The smallest m·2^e ≥ n with m in {4, 5, 6, 7} (n ≤ 4 is its own class). */
    static long sizeClass(long n) {
        if (n <= 4) {
            return Math.max(n, 1);
        }
        int e = 63 - Long.numberOfLeadingZeros(n) - 2; // n = m·2^e + r with 4 ≤ m ≤ 7
        long m = n >>> e;
        long c = m << e;
        return c == n ? n : (m + 1) << e;
    }
}
