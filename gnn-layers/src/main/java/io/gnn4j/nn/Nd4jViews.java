package io.gnn4j.nn;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Zero-copy {@link MemorySegment} views of ND4J tensors, so that graph-core's Java kernels read and write the same
 * off-heap memory ND4J computes on. Only dense, row-major ('c' order), contiguous float32 tensors have such a view.
 */
public final class Nd4jViews {
    private Nd4jViews() {}

    /** A view of the whole buffer of {@code a}, {@code a.length()} floats starting at its first element; no copy. */
    public static MemorySegment segment(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a float32 tensor, got " + a.dataType());
        }
        if (a.ordering() != 'c' || a.isView() && !isContiguous(a)) {
            throw new IllegalArgumentException("expected a contiguous row-major tensor, got ordering " + a.ordering()
                    + " with strides " + Arrays.toString(a.stride()));
        }
        long address = a.data().address() + a.offset() * Float.BYTES;
        return MemorySegment.ofAddress(address).reinterpret(a.length() * Float.BYTES);
    }

    /** Rows of a matrix (a vector counts as one row). */
    static long rows(INDArray a) {
        return a.rank() == 1 ? 1 : a.size(0);
    }

    /** Columns of a matrix, checking that it is 2-d. */
    static int columns(INDArray a, String name) {
        if (a.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix, got shape " + Arrays.toString(a.shape()));
        }
        return Math.toIntExact(a.size(1));
    }

    private static boolean isContiguous(INDArray a) {
        long expected = 1;
        for (int d = a.rank() - 1; d >= 0; d--) {
            if (a.size(d) != 1 && a.stride(d) != expected) {
                return false;
            }
            expected *= a.size(d);
        }
        return true;
    }
}
