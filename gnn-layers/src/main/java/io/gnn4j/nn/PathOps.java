package io.gnn4j.nn;

import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The fused path encoding of {@link Tape#pathSum}: gather, add, ReLU, weight and scatter-sum in one pass, so that no
 * P×f tensor exists in forward or backward (a k-path layer has P ≫ N paths). Every step is elementwise in the
 * columns, so both passes split the columns over the threads: each thread visits every path in ascending order for
 * its columns, and the result is the same for every thread count.
 */
final class PathOps {
    private PathOps() {}

    static Tensor pathSum(Tape tape, PathIndex paths, Tensor[] states, Tensor table, int numRoots, float scale) {
        int[][] rows = rowsRead(paths);
        Tensor[] inputs = check(paths, rows, states, table, numRoots);
        int f = states[0].cols;
        Tensor y = tape.output(numRoots, f, inputs);
        y.data.fill((byte) 0);
        MemorySegment[] x = new MemorySegment[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            x[i] = inputs[i].data;
        }
        ExecutionContext ctx = tape.context();
        forColumnBlocks(ctx, f, paths.size(), (c0, c1) -> {
            float[] pre = new float[c1 - c0];
            MemorySegment yd = y.data;
            for (int p = 0; p < paths.size(); p++) {
                preActivation(rows, x, f, p, c0, pre);
                float w = paths.weights() == null ? 1f : paths.weights()[p];
                long out = (long) paths.roots()[p] * f + c0;
                for (int c = 0; c < pre.length; c++) {
                    if (pre[c] > 0) {
                        yd.setAtIndex(Tensor.F, out + c, yd.getAtIndex(Tensor.F, out + c) + w * pre[c]);
                    }
                }
            }
            for (int r = 0; r < numRoots; r++) {
                for (int c = c0; c < c1; c++) {
                    long k = (long) r * f + c;
                    yd.setAtIndex(Tensor.F, k, yd.getAtIndex(Tensor.F, k) * scale);
                }
            }
        });
        tape.record(y, () -> {
            // x̄_i[row_i(p)] += d_p for every input i (the states, then the table), with d_p = scale · w_p · ȳ[root(p)]
            // where the recomputed pre-activation is positive (0 elsewhere, as ReLU's gradient at 0).
            MemorySegment[] grads = new MemorySegment[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                grads[i] = inputs[i].requiresGrad ? tape.gradient(inputs[i]) : null;
            }
            MemorySegment g = y.gradData;
            forColumnBlocks(ctx, f, paths.size(), (c0, c1) -> {
                float[] d = new float[c1 - c0];
                for (int p = 0; p < paths.size(); p++) {
                    preActivation(rows, x, f, p, c0, d);
                    float coef = scale * (paths.weights() == null ? 1f : paths.weights()[p]);
                    long in = (long) paths.roots()[p] * f + c0;
                    for (int c = 0; c < d.length; c++) {
                        d[c] = d[c] > 0 ? coef * g.getAtIndex(Tensor.F, in + c) : 0f;
                    }
                    for (int i = 0; i < grads.length; i++) {
                        if (grads[i] == null) {
                            continue;
                        }
                        long at = (long) rows[i][p] * f + c0;
                        for (int c = 0; c < d.length; c++) {
                            grads[i].setAtIndex(Tensor.F, at + c, grads[i].getAtIndex(Tensor.F, at + c) + d[c]);
                        }
                    }
                }
            });
        });
        return y;
    }

    /** {@code pre[c] = Σ_i x_i[rows[i][p]][c0 + c]} over the inputs in order (the positions, then the table). */
    private static void preActivation(int[][] rows, MemorySegment[] x, int f, int p, int c0, float[] pre) {
        long first = (long) rows[0][p] * f + c0;
        for (int c = 0; c < pre.length; c++) {
            pre[c] = x[0].getAtIndex(Tensor.F, first + c);
        }
        for (int i = 1; i < x.length; i++) {
            long at = (long) rows[i][p] * f + c0;
            for (int c = 0; c < pre.length; c++) {
                pre[c] += x[i].getAtIndex(Tensor.F, at + c);
            }
        }
    }

    /** The rows each input is read at, in reading order: each position's, then (with a table) the patterns'. */
    private static int[][] rowsRead(PathIndex paths) {
        int positions = paths.positions().length;
        if (paths.patterns() == null) {
            return paths.positions();
        }
        int[][] rows = Arrays.copyOf(paths.positions(), positions + 1);
        rows[positions] = paths.patterns();
        return rows;
    }

    /** The inputs in reading order (the states, then the table), after checking every shape and index. */
    private static Tensor[] check(PathIndex paths, int[][] rows, Tensor[] states, Tensor table, int numRoots) {
        int positions = paths.positions().length;
        if (states.length != positions) {
            throw new IllegalArgumentException("pathSum: " + states.length + " state tensors for paths of "
                    + positions + " positions");
        }
        if ((table == null) != (paths.patterns() == null)) {
            throw new IllegalArgumentException("pathSum: a pattern table needs pattern rows and vice versa (table "
                    + (table == null ? "absent" : "given") + ", patterns "
                    + (paths.patterns() == null ? "absent" : "given") + ")");
        }
        Tensor[] inputs = new Tensor[positions + (table == null ? 0 : 1)];
        System.arraycopy(states, 0, inputs, 0, positions);
        if (table != null) {
            inputs[positions] = table;
        }
        int f = states[0].cols;
        for (int i = 0; i < inputs.length; i++) {
            String name = i < positions ? "states[" + i + "]" : "the pattern table";
            if (inputs[i].cols != f) {
                throw new IllegalArgumentException("pathSum: " + name + " has " + inputs[i].cols
                        + " columns, states[0] has " + f);
            }
            requireRange(name, rows[i], inputs[i].rows);
        }
        requireRange("the output (roots)", paths.roots(), numRoots);
        return inputs;
    }

    private static void requireRange(String name, int[] rows, int bound) {
        for (int p = 0; p < rows.length; p++) {
            if (rows[p] < 0 || rows[p] >= bound) {
                throw new IllegalArgumentException("pathSum: path " + p + " uses row " + rows[p] + " of " + name
                        + ", which has rows [0, " + bound + ")");
            }
        }
    }

    /** Splits the f columns into one contiguous block per thread, unless the work is small. */
    private static void forColumnBlocks(ExecutionContext ctx, int f, int paths, ParallelLoops.IntRange body) {
        int blocks = (long) paths * f < ParallelLoops.PARALLEL_MIN ? 1 : Math.min(ctx.threads(), f);
        if (blocks <= 1) {
            body.run(0, f);
            return;
        }
        ctx.forEachBlock(blocks, b -> body.run(f * b / blocks, f * (b + 1) / blocks));
    }
}
