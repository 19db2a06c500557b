package io.gnn4j.nn;

import static io.gnn4j.nn.ParallelLoops.parallel;
import static io.gnn4j.nn.ParallelLoops.parallelRows;

import io.gnn4j.graph.Elementwise;
import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;

/**
 * Elementwise and row-wise activations on a tape (ReLU family, ELU/SELU, tanh, sigmoid, softmax, log-softmax), with
 * the scalar helpers the losses share. The contracts are documented on {@link Tape}'s methods of the same names.
 */
final class ActivationOps {
    private ActivationOps() {}

    static Tensor relu(Tape tape, Tensor x) {
        return leakyRelu(tape, x, 0f);
    }

    static Tensor leakyRelu(Tape tape, Tensor x, float slope) {
        Tensor y = tape.output(x.rows, x.cols, x);
        ExecutionContext ctx = tape.context();
        leakyReluInto(ctx, x.data, y.data, slope, x.size());
        tape.record(y, () -> leakyReluBackwardInto(ctx, x.data, y.gradData, tape.gradient(x), slope, x.size()));
        return y;
    }

    /** {@code y = leakyRelu(x)} over n elements, on the pool's threads. */
    static void leakyReluInto(ExecutionContext ctx, MemorySegment x, MemorySegment y, float slope, long n) {
        parallel(ctx, n, (from, to) -> Elementwise.leakyRelu(x, y, slope, from, to));
    }

    /** {@code gx += leakyRelu'(x)·g} over n elements, on the pool's threads. */
    static void leakyReluBackwardInto(ExecutionContext ctx, MemorySegment x, MemorySegment g, MemorySegment gx,
                                      float slope, long n) {
        parallel(ctx, n, (from, to) -> Elementwise.leakyReluBackward(x, g, gx, slope, from, to));
    }

    static Tensor elu(Tape tape, Tensor x, float alpha) {
        return scaledElu(tape, x, alpha, 1f);
    }

    static Tensor selu(Tape tape, Tensor x) {
        return scaledElu(tape, x, 1.6732632423543772f, 1.0507009873554805f);
    }

    private static Tensor scaledElu(Tape tape, Tensor x, float alpha, float lambda) {
        Tensor y = tape.output(x.rows, x.cols, x);
        ExecutionContext ctx = tape.context();
        long n = x.size();
        MemorySegment xd = x.data, yd = y.data;
        parallel(ctx, n, (from, to) -> Elementwise.scaledElu(xd, yd, alpha, lambda, from, to));
        tape.record(y, () -> {
            MemorySegment g = y.gradData, ga = tape.gradient(x);
            parallel(ctx, n, (from, to) -> Elementwise.scaledEluBackward(xd, yd, g, ga, alpha, lambda, from, to));
        });
        return y;
    }

    static Tensor tanh(Tape tape, Tensor x) {
        Tensor y = tape.output(x.rows, x.cols, x);
        ExecutionContext ctx = tape.context();
        long n = x.size();
        MemorySegment xd = x.data, yd = y.data;
        parallel(ctx, n, (from, to) -> {
            for (long i = from; i < to; i++) {
                yd.setAtIndex(Tensor.F, i, (float) Math.tanh(xd.getAtIndex(Tensor.F, i)));
            }
        });
        tape.record(y, () -> {
            MemorySegment g = y.gradData, ga = tape.gradient(x);
            parallel(ctx, n, (from, to) -> {
                for (long i = from; i < to; i++) {
                    float t = yd.getAtIndex(Tensor.F, i);
                    ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + (1 - t * t) * g.getAtIndex(Tensor.F, i));
                }
            });
        });
        return y;
    }

    static Tensor sigmoid(Tape tape, Tensor x) {
        Tensor y = tape.output(x.rows, x.cols, x);
        ExecutionContext ctx = tape.context();
        long n = x.size();
        MemorySegment xd = x.data, yd = y.data;
        parallel(ctx, n, (from, to) -> {
            for (long i = from; i < to; i++) {
                yd.setAtIndex(Tensor.F, i, sigmoid(xd.getAtIndex(Tensor.F, i)));
            }
        });
        tape.record(y, () -> {
            MemorySegment g = y.gradData, ga = tape.gradient(x);
            parallel(ctx, n, (from, to) -> {
                for (long i = from; i < to; i++) {
                    float s = yd.getAtIndex(Tensor.F, i);
                    ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + s * (1 - s) * g.getAtIndex(Tensor.F, i));
                }
            });
        });
        return y;
    }

    /** {@code σ(v)}, through e^{−v} or e^{v} by the sign of v so that neither overflows. */
    static float sigmoid(float v) {
        return v >= 0 ? (float) (1 / (1 + Math.exp(-v))) : (float) (Math.exp(v) / (1 + Math.exp(v)));
    }

    static Tensor softmax(Tape tape, Tensor x) {
        Tensor y = tape.output(x.rows, x.cols, x);
        ExecutionContext ctx = tape.context();
        int m = x.cols;
        parallelRows(ctx, x.rows, x.cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                long base = (long) r * m;
                double lse = logSumExp(x.data, base, m);
                for (int c = 0; c < m; c++) {
                    y.data.setAtIndex(Tensor.F, base + c, (float) Math.exp(x.data.getAtIndex(Tensor.F, base + c) - lse));
                }
            }
        });
        tape.record(y, () -> {
            MemorySegment g = y.gradData, ga = tape.gradient(x), yd = y.data;
            parallelRows(ctx, x.rows, x.cols, (from, to) -> {
                for (int r = from; r < to; r++) {
                    long base = (long) r * m;
                    double dot = 0;
                    for (int c = 0; c < m; c++) {
                        dot += (double) g.getAtIndex(Tensor.F, base + c) * yd.getAtIndex(Tensor.F, base + c);
                    }
                    for (int c = 0; c < m; c++) {
                        long i = base + c;
                        float d = (float) (yd.getAtIndex(Tensor.F, i) * (g.getAtIndex(Tensor.F, i) - dot));
                        ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + d);
                    }
                }
            });
        });
        return y;
    }

    static Tensor logSoftmax(Tape tape, Tensor x) {
        Tensor y = tape.output(x.rows, x.cols, x);
        ExecutionContext ctx = tape.context();
        int m = x.cols;
        parallelRows(ctx, x.rows, x.cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                long base = (long) r * m;
                double lse = logSumExp(x.data, base, m);
                for (int c = 0; c < m; c++) {
                    y.data.setAtIndex(Tensor.F, base + c, (float) (x.data.getAtIndex(Tensor.F, base + c) - lse));
                }
            }
        });
        tape.record(y, () -> {
            MemorySegment g = y.gradData, ga = tape.gradient(x), yd = y.data;
            parallelRows(ctx, x.rows, x.cols, (from, to) -> {
                for (int r = from; r < to; r++) {
                    long base = (long) r * m;
                    double sum = 0;
                    for (int c = 0; c < m; c++) {
                        sum += g.getAtIndex(Tensor.F, base + c);
                    }
                    for (int c = 0; c < m; c++) {
                        long i = base + c;
                        float d = (float) (g.getAtIndex(Tensor.F, i) - Math.exp(yd.getAtIndex(Tensor.F, i)) * sum);
                        ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + d);
                    }
                }
            });
        });
        return y;
    }

    /** {@code log Σ_c e^{d[base + c]}} over m elements, shifted by their maximum. */
    static double logSumExp(MemorySegment d, long base, int m) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < m; c++) {
            max = Math.max(max, d.getAtIndex(Tensor.F, base + c));
        }
        double s = 0;
        for (int c = 0; c < m; c++) {
            s += Math.exp(d.getAtIndex(Tensor.F, base + c) - max);
        }
        return max + Math.log(s);
    }
}
