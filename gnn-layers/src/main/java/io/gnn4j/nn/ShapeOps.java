package io.gnn4j.nn;

import static io.gnn4j.nn.ParallelLoops.addInto;

import java.lang.foreign.MemorySegment;

/**
 * Shape operations on a tape: column concatenation and slicing, reshaping, and the shape checks other families share.
 * The contracts are documented on {@link Tape}'s methods of the same names.
 */
final class ShapeOps {
    private ShapeOps() {}

    static Tensor concat(Tape tape, Tensor... xs) {
        int n = xs[0].rows, m = 0;
        for (Tensor x : xs) {
            if (x.rows != n) {
                throw new IllegalArgumentException("concat: a tensor has " + x.rows + " rows, expected " + n);
            }
            m += x.cols;
        }
        Tensor y = tape.output(n, m, xs);
        int total = m;
        int off = 0;
        for (Tensor x : xs) {
            copyColumns(x.data, x.cols, 0, y.data, total, off, x.cols, n, false);
            off += x.cols;
        }
        tape.record(y, () -> {
            int o = 0;
            for (Tensor x : xs) {
                if (x.requiresGrad) {
                    copyColumns(y.gradData, total, o, tape.gradient(x), x.cols, 0, x.cols, n, true);
                }
                o += x.cols;
            }
        });
        return y;
    }

    static Tensor sliceColumns(Tape tape, Tensor x, int from, int to) {
        if (from < 0 || to > x.cols || from > to) {
            throw new IllegalArgumentException("column range [" + from + ", " + to + ") is out of bounds [0, " + x.cols
                    + "]");
        }
        int w = to - from;
        Tensor y = tape.output(x.rows, w, x);
        copyColumns(x.data, x.cols, from, y.data, w, 0, w, x.rows, false);
        tape.record(y, () -> copyColumns(y.gradData, w, 0, tape.gradient(x), x.cols, from, w, x.rows, true));
        return y;
    }

    static Tensor reshape(Tape tape, Tensor x, int rows, int cols) {
        if ((long) rows * cols != x.size()) {
            throw new IllegalArgumentException("cannot reshape " + x.rows + "×" + x.cols + " (" + x.size()
                    + " elements) to " + rows + "×" + cols);
        }
        Tensor y = tape.output(rows, cols, x);
        MemorySegment.copy(x.data, 0, y.data, 0, x.size() * Float.BYTES);
        tape.record(y, () -> addInto(tape.context(), tape.gradient(x), y.gradData, x.size()));
        return y;
    }

    private static void copyColumns(MemorySegment src, int srcCols, int srcOff, MemorySegment dst, int dstCols,
                                    int dstOff, int width, int rows, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            long s = (long) r * srcCols + srcOff, d = (long) r * dstCols + dstOff;
            for (int c = 0; c < width; c++) {
                float v = src.getAtIndex(Tensor.F, s + c);
                if (accumulate) {
                    v += dst.getAtIndex(Tensor.F, d + c);
                }
                dst.setAtIndex(Tensor.F, d + c, v);
            }
        }
    }

    /** Checks that b is a 1×cols row (a bias, a scale, a shift). */
    static void requireRow(String name, Tensor b, int cols) {
        if (b.rows != 1 || b.cols != cols) {
            throw new IllegalArgumentException(name + " must be 1×" + cols + ", got " + b.rows + "×" + b.cols);
        }
    }
}
