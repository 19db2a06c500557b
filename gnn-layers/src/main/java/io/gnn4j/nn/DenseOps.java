package io.gnn4j.nn;

import static io.gnn4j.nn.ParallelLoops.addInto;
import static io.gnn4j.nn.ParallelLoops.axpyInto;
import static io.gnn4j.nn.ParallelLoops.parallel;
import static io.gnn4j.nn.ParallelLoops.parallelRows;
import static io.gnn4j.nn.ParallelLoops.scaleInto;

import io.gnn4j.graph.CsrMatrix;
import io.gnn4j.graph.Elementwise;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.SparseOps;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Dense algebra on a tape: matrix products as ND4J GEMMs (sparse-dense products when the left operand's non-zeros are
 * indexed), the broadcasting elementwise {@link BinaryOp}s and scaling.
 * The contracts are documented on {@link Tape}'s methods of the same names.
 */
final class DenseOps {
    private DenseOps() {}

    static Tensor matmul(Tape tape, Tensor a, Tensor b) {
        if (a.cols != b.rows) {
            throw new IllegalArgumentException("matmul: A is " + a.rows + "×" + a.cols + " but B has " + b.rows
                    + " rows (expected " + a.cols + ")");
        }
        Tensor y = tape.output(a.rows, b.cols, a, b);
        product(tape, a, b, y);
        tape.record(y, () -> {
            if (a.requiresGrad) {
                accGemm(tape, a, y.gradData, y.rows, y.cols, b.data, b.rows, b.cols, false, true);
            }
            if (b.requiresGrad) {
                accumulateRightGradient(tape, a, b, y);
            }
        });
        return y;
    }

    static Tensor matmulTransposed(Tape tape, Tensor a, Tensor b) {
        if (a.cols != b.cols) {
            throw new IllegalArgumentException("matmulTransposed: A is " + a.rows + "×" + a.cols + " but B is " + b.rows
                    + "×" + b.cols + " (expected " + a.cols + " columns)");
        }
        Tensor y = tape.output(a.rows, b.rows, a, b);
        Gemm.gemm(a.data, a.rows, a.cols, b.data, b.rows, b.cols, y.data, false, true, 1f, 0f);
        tape.record(y, () -> {
            if (a.requiresGrad) {
                accGemm(tape, a, y.gradData, y.rows, y.cols, b.data, b.rows, b.cols, false, false);
            }
            if (b.requiresGrad) {
                accGemm(tape, b, y.gradData, y.rows, y.cols, a.data, a.rows, a.cols, true, false);
            }
        });
        return y;
    }

    static Tensor linear(Tape tape, Tensor x, Tensor w, Tensor b) {
        if (b == null) {
            return matmul(tape, x, w);
        }
        checkLinear(x, w, b);
        // One node and one output buffer: the GEMM result gets the bias added in place.
        int n = x.rows, m = w.cols;
        Tensor y = tape.output(n, m, x, w, b);
        product(tape, x, w, y);
        addBiasInPlace(tape, y, b);
        tape.record(y, () -> {
            if (x.requiresGrad) {
                accGemm(tape, x, y.gradData, y.rows, y.cols, w.data, w.rows, w.cols, false, true);
            }
            if (w.requiresGrad) {
                accumulateRightGradient(tape, x, w, y);
            }
            if (b.requiresGrad) {
                sumRowsInto(tape.gradient(b), y.gradData, n, m, 1f);
            }
        });
        return y;
    }

    /** {@code a op b}, b either a's shape, a 1×m row, an n×1 column or 1×1 (broadcast over a). */
    static Tensor binary(Tape tape, Tensor a, Tensor b, BinaryOp op) {
        boolean rowB = b.rows == 1 && a.rows != 1, colB = b.cols == 1 && a.cols != 1;
        if ((b.rows != a.rows && b.rows != 1) || (b.cols != a.cols && b.cols != 1)) {
            throw new IllegalArgumentException("cannot broadcast " + b.rows + "×" + b.cols + " onto " + a.rows + "×"
                    + a.cols + " (b must have a's shape, 1×" + a.cols + ", " + a.rows + "×1 or 1×1)");
        }
        if (!colB && (op == BinaryOp.ADD || op == BinaryOp.SUB)) {
            return addOrSub(tape, a, b, rowB, op == BinaryOp.SUB);
        }
        if (!rowB && !colB && op == BinaryOp.MUL) {
            return mulSameShape(tape, a, b);
        }
        if (colB && !rowB && op == BinaryOp.MUL) {
            return rowWeightedSum(tape, b, a); // row r of a scaled by b[r], in the generic loop's order
        }
        int n = a.rows, m = a.cols, bm = b.cols;
        Tensor y = tape.output(n, m, a, b);
        MemorySegment ad = a.data, bd = b.data, yd = y.data;
        for (int r = 0; r < n; r++) {
            long base = (long) r * m;
            long bBase = rowB ? 0 : (long) r * bm;
            for (int c = 0; c < m; c++) {
                float x = ad.getAtIndex(Tensor.F, base + c);
                float z = bd.getAtIndex(Tensor.F, bBase + (colB ? 0 : c));
                float v = switch (op) {
                    case ADD -> x + z;
                    case SUB -> x - z;
                    case MUL -> x * z;
                    case DIV -> x / z;
                };
                yd.setAtIndex(Tensor.F, base + c, v);
            }
        }
        tape.record(y, () -> {
            MemorySegment g = y.gradData;
            MemorySegment ga = a.requiresGrad ? tape.gradient(a) : null;
            MemorySegment gb = b.requiresGrad ? tape.gradient(b) : null;
            for (int r = 0; r < n; r++) {
                long base = (long) r * m;
                long bBase = rowB ? 0 : (long) r * bm;
                for (int c = 0; c < m; c++) {
                    long i = base + c, j = bBase + (colB ? 0 : c);
                    float gi = g.getAtIndex(Tensor.F, i);
                    float da, db;
                    switch (op) {
                        case ADD -> { da = gi; db = gi; }
                        case SUB -> { da = gi; db = -gi; }
                        case MUL -> { da = gi * bd.getAtIndex(Tensor.F, j); db = gi * ad.getAtIndex(Tensor.F, i); }
                        default -> { // DIV (a default, so that da and db are definitely assigned)
                            float bv = bd.getAtIndex(Tensor.F, j);
                            da = gi / bv;
                            db = -gi * ad.getAtIndex(Tensor.F, i) / (bv * bv);
                        }
                    }
                    if (ga != null) {
                        ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + da);
                    }
                    if (gb != null) {
                        gb.setAtIndex(Tensor.F, j, gb.getAtIndex(Tensor.F, j) + db);
                    }
                }
            }
        });
        return y;
    }

    /** {@code a ± b} for b of a's shape or a 1×m row: the bias-add fast path, parallel over rows. */
    private static Tensor addOrSub(Tape tape, Tensor a, Tensor b, boolean rowB, boolean subtract) {
        int n = a.rows, m = a.cols;
        Tensor y = tape.output(n, m, a, b);
        MemorySegment ad = a.data, bd = b.data, yd = y.data;
        float sign = subtract ? -1f : 1f;
        ExecutionContext ctx = tape.context();
        if (rowB) {
            parallelRows(ctx, n, m, (from, to) -> Elementwise.addRow(ad, bd, sign, yd, m, from, to));
        } else {
            parallel(ctx, a.size(), (from, to) -> {
                for (long i = from; i < to; i++) {
                    yd.setAtIndex(Tensor.F, i, ad.getAtIndex(Tensor.F, i) + sign * bd.getAtIndex(Tensor.F, i));
                }
            });
        }
        tape.record(y, () -> {
            MemorySegment g = y.gradData;
            if (a.requiresGrad) {
                addInto(ctx, tape.gradient(a), g, a.size());
            }
            if (b.requiresGrad) {
                if (rowB) {
                    sumRowsInto(tape.gradient(b), g, n, m, sign);
                } else if (subtract) {
                    axpyInto(ctx, tape.gradient(b), -1f, g, b.size());
                } else {
                    addInto(ctx, tape.gradient(b), g, b.size());
                }
            }
        });
        return y;
    }

    /** {@code a ⊙ b} for b of a's shape: the fast path, parallel over elements. */
    private static Tensor mulSameShape(Tape tape, Tensor a, Tensor b) {
        long n = a.size();
        ExecutionContext ctx = tape.context();
        Tensor y = tape.output(a.rows, a.cols, a, b);
        MemorySegment ad = a.data, bd = b.data, yd = y.data;
        parallel(ctx, n, (from, to) -> {
            for (long i = from; i < to; i++) {
                yd.setAtIndex(Tensor.F, i, ad.getAtIndex(Tensor.F, i) * bd.getAtIndex(Tensor.F, i));
            }
        });
        tape.record(y, () -> {
            MemorySegment g = y.gradData;
            MemorySegment ga = a.requiresGrad ? tape.gradient(a) : null, gb = b.requiresGrad ? tape.gradient(b) : null;
            parallel(ctx, n, (from, to) -> {
                for (long i = from; i < to; i++) {
                    float gi = g.getAtIndex(Tensor.F, i);
                    if (ga != null) {
                        ga.setAtIndex(Tensor.F, i, ga.getAtIndex(Tensor.F, i) + gi * bd.getAtIndex(Tensor.F, i));
                    }
                    if (gb != null) {
                        gb.setAtIndex(Tensor.F, i, gb.getAtIndex(Tensor.F, i) + gi * ad.getAtIndex(Tensor.F, i));
                    }
                }
            });
        });
        return y;
    }

    static Tensor rowWeightedSum(Tape tape, Tensor w, Tensor... xs) {
        if (xs.length == 0 || w.cols != xs.length) {
            throw new IllegalArgumentException("rowWeightedSum: W has " + w.cols + " columns but " + xs.length
                    + " matrices were given (expected one per column, at least one)");
        }
        int n = xs[0].rows, m = xs[0].cols, k = xs.length;
        for (Tensor x : xs) {
            if (x.rows != n || x.cols != m) {
                throw new IllegalArgumentException("rowWeightedSum: matrices of different shapes, " + n + "×" + m
                        + " and " + x.rows + "×" + x.cols);
            }
        }
        if (w.rows != n) {
            throw new IllegalArgumentException("rowWeightedSum: W has " + w.rows + " rows but the matrices have " + n);
        }
        Tensor[] inputs = Arrays.copyOf(xs, k + 1);
        inputs[k] = w;
        Tensor y = tape.output(n, m, inputs);
        MemorySegment wd = w.data, yd = y.data;
        ExecutionContext ctx = tape.context();
        parallelRows(ctx, n, m, (from, to) -> {
            for (int r = from; r < to; r++) {
                long base = (long) r * m;
                for (int j = 0; j < k; j++) {
                    MemorySegment xd = xs[j].data;
                    float z = wd.getAtIndex(Tensor.F, (long) r * k + j);
                    for (int c = 0; c < m; c++) {
                        float v = xd.getAtIndex(Tensor.F, base + c) * z;
                        yd.setAtIndex(Tensor.F, base + c, j == 0 ? v : yd.getAtIndex(Tensor.F, base + c) + v);
                    }
                }
            }
        });
        tape.record(y, () -> {
            MemorySegment g = y.gradData, gw = w.requiresGrad ? tape.gradient(w) : null;
            MemorySegment[] gx = new MemorySegment[k];
            for (int j = 0; j < k; j++) {
                gx[j] = xs[j].requiresGrad ? tape.gradient(xs[j]) : null;
            }
            parallelRows(ctx, n, m, (from, to) -> {
                for (int r = from; r < to; r++) {
                    long base = (long) r * m;
                    for (int j = 0; j < k; j++) {
                        MemorySegment xd = xs[j].data, gj = gx[j];
                        long wi = (long) r * k + j;
                        if (gj != null) {
                            float z = wd.getAtIndex(Tensor.F, wi);
                            for (int c = 0; c < m; c++) {
                                gj.setAtIndex(Tensor.F, base + c, gj.getAtIndex(Tensor.F, base + c)
                                        + g.getAtIndex(Tensor.F, base + c) * z);
                            }
                        }
                        if (gw != null) {
                            float acc = gw.getAtIndex(Tensor.F, wi);
                            for (int c = 0; c < m; c++) {
                                acc += g.getAtIndex(Tensor.F, base + c) * xd.getAtIndex(Tensor.F, base + c);
                            }
                            gw.setAtIndex(Tensor.F, wi, acc);
                        }
                    }
                }
            });
        });
        return y;
    }

    static Tensor scale(Tape tape, Tensor x, float s) {
        Tensor y = tape.output(x.rows, x.cols, x);
        long n = x.size();
        ExecutionContext ctx = tape.context();
        scaleInto(ctx, y.data, s, x.data, n);
        tape.record(y, () -> axpyInto(ctx, tape.gradient(x), s, y.gradData, n));
        return y;
    }

    /** {@code Y = A·B}: a GEMM, or a sparse-dense product when A's non-zeros are indexed ({@link Tensor#ofSparse}). */
    private static void product(Tape tape, Tensor a, Tensor b, Tensor y) {
        if (a.sparse != null) {
            SparseOps.spmm(a.sparse, b.data, y.data, b.cols, tape.context());
        } else {
            Gemm.gemm(a.data, a.rows, a.cols, b.data, b.rows, b.cols, y.data, false, false, 1f, 0f);
        }
    }

    /** {@code B.grad += Aᵀ·dY} for {@code Y = A·B}: a GEMM, or the product with A's sparse transpose. */
    private static void accumulateRightGradient(Tape tape, Tensor a, Tensor b, Tensor y) {
        if (a.sparse != null) {
            CsrMatrix at = a.sparse.transpose();
            tape.accumulate(b, g -> SparseOps.spmm(at, y.gradData, g, y.cols, tape.context()));
        } else {
            accGemm(tape, b, a.data, a.rows, a.cols, y.gradData, y.rows, y.cols, true, false);
        }
    }

    /** {@code t.grad += op(A)·op(B)} as one GEMM with β = 1 into t's gradient (zeroed when new). */
    private static void accGemm(Tape tape, Tensor t, MemorySegment a, int aRows, int aCols, MemorySegment b,
                                int bRows, int bCols, boolean transA, boolean transB) {
        MemorySegment g = tape.gradient(t); // zeroed when new: pooled memory is uninitialised and β = 1
        Gemm.gemm(a, aRows, aCols, b, bRows, bCols, g, transA, transB, 1f, 1f);
    }

    /** Rejects X·W + b (b may be null) unless X is n×k, W is k×m and b is 1×m, naming the shapes. */
    static void checkLinear(Tensor x, Tensor w, Tensor b) {
        if (x.cols != w.rows) {
            throw new IllegalArgumentException("linear: X is " + x.rows + "×" + x.cols + " but W has " + w.rows
                    + " rows (expected " + x.cols + ")");
        }
        if (b != null) {
            ShapeOps.requireRow("bias", b, w.cols);
        }
    }

    /** {@code Y += b} for every row of Y (b is 1×m): a linear layer's bias, added to its product in place. */
    static void addBiasInPlace(Tape tape, Tensor y, Tensor b) {
        int m = y.cols;
        MemorySegment yd = y.data, bd = b.data;
        parallelRows(tape.context(), y.rows, m, (from, to) -> Elementwise.addRow(yd, bd, 1f, yd, m, from, to));
    }

    /** {@code dst[c] += sign·Σ_r g[r][c]}, summed in double, serially (a fixed order). */
    static void sumRowsInto(MemorySegment dst, MemorySegment g, int n, int m, float sign) {
        double[] acc = new double[m];
        Elementwise.columnSums(g, m, 0, n, acc);
        for (int c = 0; c < m; c++) {
            dst.setAtIndex(Tensor.F, c, dst.getAtIndex(Tensor.F, c) + sign * (float) acc[c]);
        }
    }
}
