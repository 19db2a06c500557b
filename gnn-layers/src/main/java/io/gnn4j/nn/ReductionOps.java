package io.gnn4j.nn;

import static io.gnn4j.nn.ParallelLoops.axpyInto;
import static io.gnn4j.nn.ParallelLoops.parallel;
import static io.gnn4j.nn.ParallelLoops.parallelRows;

import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;

/**
 * Reductions on a tape: sums and means of all elements, of rows and of column groups, and the L2 norm; sums run in
 * double in an order fixed by the shape, never by the thread count. The contracts are documented on {@link Tape}'s
 * methods of the same names.
 */
final class ReductionOps {
    private ReductionOps() {}

    static Tensor sum(Tape tape, Tensor x) {
        return scaledSum(tape, x, 1.0);
    }

    static Tensor mean(Tape tape, Tensor x) {
        return scaledSum(tape, x, 1.0 / x.size());
    }

    private static Tensor scaledSum(Tape tape, Tensor x, double s) {
        Tensor y = tape.output(1, 1, x);
        ExecutionContext ctx = tape.context();
        long n = x.size();
        // Partial sums over fixed chunks (independent of the thread count), added in chunk order.
        int chunks = (int) ((n + SUM_CHUNK - 1) / SUM_CHUNK);
        double[] partial = new double[chunks];
        MemorySegment xd = x.data;
        int blocks = ctx.threads() == 1 ? 1 : Math.min(chunks, ctx.threads() * 4);
        ctx.forEachBlock(blocks, b -> {
            for (int c = (int) ((long) chunks * b / blocks); c < (int) ((long) chunks * (b + 1) / blocks); c++) {
                double sum = 0;
                for (long i = (long) c * SUM_CHUNK, end = Math.min(n, i + SUM_CHUNK); i < end; i++) {
                    sum += xd.getAtIndex(Tensor.F, i);
                }
                partial[c] = sum;
            }
        });
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        y.data.setAtIndex(Tensor.F, 0, (float) (s * sum));
        tape.record(y, () -> {
            float g = (float) (s * y.gradData.getAtIndex(Tensor.F, 0));
            MemorySegment ga = tape.gradient(x);
            parallel(ctx, n, (from, to) -> {
                for (long i = from; i < to; i++) {
                    ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + g);
                }
            });
        });
        return y;
    }

    /** Elements per partial sum of {@link #sum}/{@link #mean}. */
    private static final int SUM_CHUNK = 1 << 14;

    static Tensor sumRows(Tape tape, Tensor x) {
        Tensor y = tape.output(x.rows, 1, x);
        int m = x.cols;
        for (int r = 0; r < x.rows; r++) {
            double s = 0;
            for (int c = 0; c < m; c++) {
                s += x.data.getAtIndex(Tensor.F, (long) r * m + c);
            }
            y.data.setAtIndex(Tensor.F, r, (float) s);
        }
        tape.record(y, () -> {
            MemorySegment ga = tape.gradient(x);
            for (int r = 0; r < x.rows; r++) {
                float g = y.gradData.getAtIndex(Tensor.F, r);
                for (int c = 0; c < m; c++) {
                    long i = (long) r * m + c;
                    ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + g);
                }
            }
        });
        return y;
    }

    static Tensor l2Norm(Tape tape, Tensor x) {
        Tensor y = tape.output(1, 1, x);
        double s = 0;
        long n = x.size();
        for (long i = 0; i < n; i++) {
            double v = x.data.getAtIndex(Tensor.F, i);
            s += v * v;
        }
        double norm = Math.sqrt(s);
        y.data.setAtIndex(Tensor.F, 0, (float) norm);
        tape.record(y, () -> {
            if (norm == 0) {
                return;
            }
            float g = (float) (y.gradData.getAtIndex(Tensor.F, 0) / norm);
            axpyInto(tape.context(), tape.gradient(x), g, x.data, n);
        });
        return y;
    }

    static Tensor sumGroups(Tape tape, Tensor x, int groups) {
        int c = groupWidth(x, groups);
        Tensor y = tape.output(x.rows, groups, x);
        ExecutionContext ctx = tape.context();
        parallelRows(ctx, x.rows, x.cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                for (int k = 0; k < groups; k++) {
                    double s = 0;
                    long base = (long) r * x.cols + (long) k * c;
                    for (int j = 0; j < c; j++) {
                        s += x.data.getAtIndex(Tensor.F, base + j);
                    }
                    y.data.setAtIndex(Tensor.F, (long) r * groups + k, (float) s);
                }
            }
        });
        tape.record(y, () -> {
            MemorySegment ga = tape.gradient(x);
            parallelRows(ctx, x.rows, x.cols, (from, to) -> {
                for (int r = from; r < to; r++) {
                    for (int k = 0; k < groups; k++) {
                        float g = y.gradData.getAtIndex(Tensor.F, (long) r * groups + k);
                        long base = (long) r * x.cols + (long) k * c;
                        for (int j = 0; j < c; j++) {
                            ga.setAtIndex(Tensor.F, base + j, ga.getAtIndex(Tensor.F, base + j) + g);
                        }
                    }
                }
            });
        });
        return y;
    }

    static Tensor meanGroups(Tape tape, Tensor x, int groups) {
        int c = groupWidth(x, groups);
        Tensor y = tape.output(x.rows, c, x);
        ExecutionContext ctx = tape.context();
        float inv = 1f / groups;
        parallelRows(ctx, x.rows, x.cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                for (int j = 0; j < c; j++) {
                    double s = 0;
                    for (int k = 0; k < groups; k++) {
                        s += x.data.getAtIndex(Tensor.F, (long) r * x.cols + (long) k * c + j);
                    }
                    y.data.setAtIndex(Tensor.F, (long) r * c + j, (float) s * inv);
                }
            }
        });
        tape.record(y, () -> {
            MemorySegment ga = tape.gradient(x);
            parallelRows(ctx, x.rows, x.cols, (from, to) -> {
                for (int r = from; r < to; r++) {
                    for (int j = 0; j < c; j++) {
                        float g = inv * y.gradData.getAtIndex(Tensor.F, (long) r * c + j);
                        for (int k = 0; k < groups; k++) {
                            long i = (long) r * x.cols + (long) k * c + j;
                            ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + g);
                        }
                    }
                }
            });
        });
        return y;
    }

    /** The width of each of {@code groups} equal column groups of x. */
    static int groupWidth(Tensor x, int groups) {
        if (groups < 1 || x.cols % groups != 0) {
            throw new IllegalArgumentException("cannot split " + x.cols + " columns into " + groups + " equal groups");
        }
        return x.cols / groups;
    }
}
