package io.gnn4j.nn;

import static io.gnn4j.nn.ParallelLoops.parallelRows;

import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;

/**
 * Losses on a tape, each a 1×1 mean: cross-entropy over a row subset, binary cross-entropy with logits, BPR, mean
 * squared error and mean absolute error. The contracts are documented on {@link Tape}'s methods of the same names.
 */
final class LossOps {
    private LossOps() {}

    static Tensor crossEntropy(Tape tape, Tensor logits, int[] labels, int[] index) {
        if (labels.length != logits.rows) {
            throw new IllegalArgumentException("labels has length " + labels.length + " but logits has " + logits.rows
                    + " rows");
        }
        int[] rows = index != null ? index : identity(logits.rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException("cross-entropy over an empty index set");
        }
        int m = logits.cols;
        boolean increasing = true;
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            if (r < 0 || r >= logits.rows) {
                throw new IllegalArgumentException("row " + r + " is out of range [0, " + logits.rows + ")");
            }
            if (labels[r] < 0 || labels[r] >= m) {
                throw new IllegalArgumentException("label " + labels[r] + " of row " + r + " is out of range [0, " + m + ")");
            }
            increasing &= k == 0 || r > rows[k - 1];
        }
        ExecutionContext ctx = tape.context();
        double[] lses = new double[rows.length];
        double[] losses = new double[rows.length];
        parallelRows(ctx, rows.length, m, (from, to) -> {
            for (int k = from; k < to; k++) {
                long base = (long) rows[k] * m;
                lses[k] = ActivationOps.logSumExp(logits.data, base, m);
                losses[k] = lses[k] - logits.data.getAtIndex(Tensor.F, base + labels[rows[k]]);
            }
        });
        double total = 0;
        for (double l : losses) {
            total += l; // a fixed order, whatever the thread count
        }
        boolean distinctRows = increasing;
        Tensor y = tape.output(1, 1, logits);
        y.data.setAtIndex(Tensor.F, 0, (float) (total / rows.length));
        tape.record(y, () -> {
            MemorySegment ga = tape.gradient(logits);
            double g = y.gradData.getAtIndex(Tensor.F, 0) / (double) rows.length;
            ParallelLoops.IntRange body = (from, to) -> {
                for (int k = from; k < to; k++) {
                    int r = rows[k];
                    long base = (long) r * m;
                    double lse = lses[k];
                    for (int c = 0; c < m; c++) {
                        double p = Math.exp(logits.data.getAtIndex(Tensor.F, base + c) - lse) - (c == labels[r] ? 1 : 0);
                        ga.setAtIndex(Tensor.F, base + c, ga.getAtIndex(Tensor.F, base + c) + (float) (g * p));
                    }
                }
            };
            if (distinctRows) {
                parallelRows(ctx, rows.length, m, body); // each block owns its rows
            } else {
                body.run(0, rows.length);
            }
        });
        return y;
    }

    static Tensor bceWithLogits(Tape tape, Tensor logits, Tensor targets) {
        requireSameShape(logits, targets);
        long n = logits.size();
        double total = 0;
        for (long i = 0; i < n; i++) {
            double z = logits.data.getAtIndex(Tensor.F, i), t = targets.data.getAtIndex(Tensor.F, i);
            total += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
        }
        Tensor y = tape.output(1, 1, logits, targets);
        y.data.setAtIndex(Tensor.F, 0, (float) (total / n));
        tape.record(y, () -> {
            float g = y.gradData.getAtIndex(Tensor.F, 0) / n;
            MemorySegment ga = logits.requiresGrad ? tape.gradient(logits) : null;
            MemorySegment gt = targets.requiresGrad ? tape.gradient(targets) : null;
            for (long i = 0; i < n; i++) {
                float z = logits.data.getAtIndex(Tensor.F, i), t = targets.data.getAtIndex(Tensor.F, i);
                if (ga != null) {
                    ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + g * (ActivationOps.sigmoid(z) - t));
                }
                if (gt != null) {
                    gt.setAtIndex(Tensor.F, i, gt.getAtIndex(Tensor.F, i) - g * z);
                }
            }
        });
        return y;
    }

    static Tensor bpr(Tape tape, Tensor pos, Tensor neg) {
        // −log σ(d), computed without overflow; ∂/∂d = σ(d) − 1.
        return meanOfDifferences(tape, pos, neg, d -> d >= 0 ? Math.log1p(Math.exp(-d)) : -d + Math.log1p(Math.exp(d)),
                d -> ActivationOps.sigmoid(d) - 1f);
    }

    static Tensor mse(Tape tape, Tensor pred, Tensor target) {
        return meanOfDifferences(tape, pred, target, d -> d * d, d -> 2f * d);
    }

    static Tensor l1(Tape tape, Tensor pred, Tensor target) {
        return meanOfDifferences(tape, pred, target, Math::abs, Math::signum);
    }

    /** Derivative of a loss term with respect to the difference d. */
    private interface FloatDerivative {
        float at(float d);
    }

    /**
     * {@code mean_i loss(a_i − b_i)} over two tensors of one shape; the backward adds {@code loss'(d)·g/n} to a's
     * gradient and subtracts it from b's.
     */
    private static Tensor meanOfDifferences(Tape tape, Tensor a, Tensor b,
                                            java.util.function.DoubleUnaryOperator loss, FloatDerivative derivative) {
        requireSameShape(a, b);
        long n = a.size();
        double total = 0;
        for (long i = 0; i < n; i++) {
            total += loss.applyAsDouble(a.data.getAtIndex(Tensor.F, i) - b.data.getAtIndex(Tensor.F, i));
        }
        Tensor y = tape.output(1, 1, a, b);
        y.data.setAtIndex(Tensor.F, 0, (float) (total / n));
        tape.record(y, () -> {
            float g = y.gradData.getAtIndex(Tensor.F, 0) / n;
            MemorySegment ga = a.requiresGrad ? tape.gradient(a) : null;
            MemorySegment gb = b.requiresGrad ? tape.gradient(b) : null;
            for (long i = 0; i < n; i++) {
                float s = g * derivative.at(a.data.getAtIndex(Tensor.F, i) - b.data.getAtIndex(Tensor.F, i));
                if (ga != null) {
                    ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + s);
                }
                if (gb != null) {
                    gb.setAtIndex(Tensor.F, i, gb.getAtIndex(Tensor.F, i) - s);
                }
            }
        });
        return y;
    }

    private static void requireSameShape(Tensor a, Tensor b) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException("shapes differ: " + a.rows + "×" + a.cols + " vs " + b.rows + "×" + b.cols);
        }
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
