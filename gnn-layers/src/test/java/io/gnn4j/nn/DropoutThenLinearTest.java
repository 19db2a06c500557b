package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import org.junit.jupiter.api.Test;

/**
 * {@link Tape#dropoutThenLinear} and {@link Tape#leakyReluDropoutThenLinear} against the chains they replace:
 * the same output, input, bias and (up to 8,192 rows) weight gradients to the bit, one stored buffer fewer.
 */
class DropoutThenLinearTest {
    /** Which activation runs before the dropout: none, ReLU, LeakyReLU(0.2). */
    private static final float[] NONE_RELU_LEAKY = {Float.NaN, 0f, 0.2f};

    @Test
    void givesTheChainsBitsUpToOneBlock() {
        for (float slope : NONE_RELU_LEAKY) {
            for (float p : new float[] {0.5f, 0.1f, 0f}) {
                for (int threads : new int[] {1, 3}) {
                    for (boolean inputGrad : new boolean[] {false, true}) {
                        for (boolean bias : new boolean[] {false, true}) {
                            String what = "slope " + slope + ", p " + p + ", " + threads + " threads, input gradient "
                                    + inputGrad + ", bias " + bias;
                            Run chain = run(700, 37, 9, slope, p, threads, inputGrad, bias, false);
                            Run fused = run(700, 37, 9, slope, p, threads, inputGrad, bias, true);
                            assertArrayEquals(chain.y, fused.y, what + ": Y");
                            assertArrayEquals(chain.gw, fused.gw, what + ": W̄");
                            assertArrayEquals(chain.gb, fused.gb, what + ": b̄");
                            assertArrayEquals(chain.gx, fused.gx, what + ": X̄");
                        }
                    }
                }
            }
        }
    }

    @Test
    void severalBlocksGiveTheChainsOutputAndInputGradientAndItsWeightGradientToRounding() {
        // 20,000 × 130: blocks of 8,192 rows, whose ends fall inside dropout chunks of 32,768 elements
        for (float slope : NONE_RELU_LEAKY) {
            for (int threads : new int[] {1, 2}) {
                String what = "slope " + slope + ", " + threads + " threads";
                Run chain = run(20_000, 130, 6, slope, 0.5f, threads, true, true, false);
                Run fused = run(20_000, 130, 6, slope, 0.5f, threads, true, true, true);
                assertArrayEquals(chain.y, fused.y, what + ": Y");
                assertArrayEquals(chain.gx, fused.gx, what + ": X̄");
                assertArrayEquals(chain.gb, fused.gb, what + ": b̄");
                for (int i = 0; i < chain.gw.length; i++) {
                    float e = chain.gw[i], a = fused.gw[i];
                    assertEquals(e, a, 1e-4f * (1 + Math.abs(e)), what + ": W̄[" + i + "]");
                }
            }
        }
    }

    @Test
    void holdsOneInputSizedBufferFewer() {
        for (float slope : NONE_RELU_LEAKY) {
            long[] held = new long[2];
            for (int fused = 0; fused < 2; fused++) {
                Tape t = new Tape(3, ExecutionContext.withThreads(1));
                Tensor h = t.scale(GradCheck.variable(500, 40, 1), 1f);
                Tensor w = GradCheck.variable(40, 8, 2);
                long before = t.liveBytes();
                apply(t, h, w, null, slope, 0.5f, true, fused == 1);
                held[fused] = t.liveBytes() - before;
            }
            long inputBytes = BufferPool.sizeClass(500 * 40) * Float.BYTES;
            long outputBytes = BufferPool.sizeClass(500 * 8) * Float.BYTES;
            long chainHeld = inputBytes + outputBytes; // the (activated) dropout's output and the product's
            assertEquals(chainHeld, held[0], "slope " + slope + ": the chain's stored bytes");
            assertEquals(chainHeld - inputBytes, held[1], "slope " + slope + ": one 500×40 buffer fewer");
        }
    }

    @Test
    void evaluationIsThePlainProductAndBadShapesAreNamed() {
        Tensor x = GradCheck.variable(30, 5, 1), w = GradCheck.variable(5, 3, 2), b = GradCheck.variable(1, 3, 3);
        Tape eval = Tape.noGrad();
        assertArrayEquals(eval.linear(x, w, b).toFloatArray(),
                eval.dropoutThenLinear(x, 0.5f, false, w, b).toFloatArray());
        assertArrayEquals(eval.linear(eval.relu(x), w, b).toFloatArray(),
                eval.leakyReluDropoutThenLinear(x, 0f, 0.5f, false, w, b).toFloatArray());
        Tape t = new Tape(1, ExecutionContext.withThreads(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.dropoutThenLinear(x, 0.5f, true, GradCheck.variable(4, 3, 2), null));
        assertTrue(e.getMessage().contains("30×5") && e.getMessage().contains("4 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.dropoutThenLinear(x, 1f, true, w, b));
        assertThrows(IllegalArgumentException.class,
                () -> t.dropoutThenLinear(x, 0.5f, true, w, GradCheck.variable(1, 4, 3)));
    }

    @Test
    void aSparseInputRunsAsTheChain() {
        float[] v = new float[40 * 6];
        for (int i = 0; i < v.length; i += 3) {
            v[i] = 0.5f + i;
        }
        Tensor w = GradCheck.variable(6, 4, 2);
        float[][] out = new float[2][];
        for (int fused = 0; fused < 2; fused++) {
            Tape t = new Tape(5, ExecutionContext.withThreads(1));
            Tensor x = Tensor.ofSparse(40, 6, v);
            Tensor y = fused == 1 ? t.dropoutThenLinear(x, 0.3f, true, w, null)
                    : t.matmul(t.dropout(x, 0.3f, true), w);
            out[fused] = y.toFloatArray();
        }
        assertArrayEquals(out[0], out[1]);
    }

    private record Run(float[] y, float[] gx, float[] gw, float[] gb) {}

    /** Y = [leakyRelu →] dropout → linear on H = 1.5·X (or a constant X), loss Σ Y⊙V; values and gradients. */
    private static Run run(int n, int k, int m, float slope, float p, int threads, boolean inputGrad, boolean bias,
                           boolean fused) {
        Tensor x = GradCheck.variable(n, k, 11);
        Tensor w = GradCheck.variable(k, m, 12);
        Tensor b = bias ? GradCheck.variable(1, m, 13) : null;
        Tape t = new Tape(7, ExecutionContext.withThreads(threads));
        Tensor h = inputGrad ? t.scale(x, 1.5f) : Tensor.constant(x.value());
        Tensor y = apply(t, h, w, b, slope, p, true, fused);
        t.backward(t.sum(t.mul(y, GradCheck.variable(n, m, 14))));
        return new Run(y.toFloatArray(), inputGrad ? x.grad().data().asFloat() : new float[0],
                w.grad().data().asFloat(), bias ? b.grad().data().asFloat() : new float[0]);
    }

    private static Tensor apply(Tape t, Tensor h, Tensor w, Tensor b, float slope, float p, boolean training,
                                boolean fused) {
        boolean activate = !Float.isNaN(slope);
        if (fused) {
            return activate ? t.leakyReluDropoutThenLinear(h, slope, p, training, w, b)
                    : t.dropoutThenLinear(h, p, training, w, b);
        }
        Tensor dropped = activate ? t.leakyReluDropout(h, slope, p, training) : t.dropout(h, p, training);
        return t.linear(dropped, w, b);
    }
}
