package io.gnn4j.nn;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayDeque;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recycles float32 matrices by shape: fresh ND4J memory is expensive on the machines gnn4j targets, so a training
 * loop that runs the same shapes every step allocates only in its first step.
 */
final class BufferPool {
    private final Long2ObjectOpenHashMap<ArrayDeque<INDArray>> free = new Long2ObjectOpenHashMap<>();

    /** A rows×cols matrix with unspecified contents. */
    INDArray take(int rows, int cols) {
        ArrayDeque<INDArray> q = free.get(key(rows, cols));
        INDArray a = q == null ? null : q.pollFirst();
        return a != null ? a : Nd4j.createUninitialized(DataType.FLOAT, rows, cols);
    }

    /** Returns a matrix taken from this pool (or any contiguous row-major float32 matrix) for reuse. */
    void give(INDArray a) {
        long k = key(Math.toIntExact(a.size(0)), Math.toIntExact(a.size(1)));
        ArrayDeque<INDArray> q = free.get(k);
        if (q == null) {
            q = new ArrayDeque<>();
            free.put(k, q);
        }
        q.addFirst(a);
    }

    /** Drops every pooled matrix. */
    void clear() {
        free.clear();
    }

    private static long key(int rows, int cols) {
        return ((long) rows << 32) | (cols & 0xffffffffL);
    }
}
