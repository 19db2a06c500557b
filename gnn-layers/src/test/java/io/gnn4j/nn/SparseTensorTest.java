package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Tensor#ofSparse} against the dense tensor of the same values: dropout gives the same bits (more than one
 * random chunk, signed zeros, 1 and 3 threads); products and their gradients agree with the GEMM's to rounding.
 */
class SparseTensorTest {
    private static final int N = 300;
    private static final int F = 250;   // N·F = 75,000 elements: three dropout chunks

    @Test
    void dropoutOnASparseTensorIsTheDenseDropoutBitForBit() {
        float[] x = bagOfWords(N, F, 0.03, 1);
        for (int threads : new int[] {1, 3}) {
            ExecutionContext ctx = ExecutionContext.withThreads(threads);
            Tape dense = new Tape(9, ctx), sparse = new Tape(9, ctx);
            for (int step = 0; step < 2; step++) {   // a second step draws new masks on both
                Tensor yd = dense.dropout(Tensor.of(N, F, x), 0.4f, true);
                Tensor ys = sparse.dropout(Tensor.ofSparse(N, F, x), 0.4f, true);
                assertTrue(ys.isSparse(), "dropout keeps the index");
                assertBitsEqual(yd.toFloatArray(), ys.toFloatArray(), "threads " + threads + " step " + step);
                float[] fromIndex = new float[N * F];
                for (int row = 0; row < N; row++) {
                    for (int k = ys.sparse.rowPtr()[row]; k < ys.sparse.rowPtr()[row + 1]; k++) {
                        fromIndex[row * F + ys.sparse.colIdx()[k]] = ys.sparse.values()[k];
                    }
                }
                assertBitsEqual(ys.toFloatArray(), fromIndex, "the index holds the masked values");
                dense.reset();
                sparse.reset();
            }
        }
    }

    @Test
    void productsAndTheirGradientsAgreeWithTheGemm() {
        float[] x = bagOfWords(N, F, 0.03, 2);
        SplittableRandom r = new SplittableRandom(3);
        float[] upstream = new float[N * 16];
        for (int i = 0; i < upstream.length; i++) {
            upstream[i] = (float) r.nextDouble(-1, 1);
        }
        float[][] results = new float[2][];
        float[][] weightGrads = new float[2][], biasGrads = new float[2][], matmulGrads = new float[2][];
        for (int sparse = 0; sparse < 2; sparse++) {
            Parameter w = new Parameter(F, 16), b = new Parameter(1, 16);
            Init.glorotUniform(w, new SplittableRandom(4));
            Init.uniform(b, 0.5, new SplittableRandom(5));
            Tape tape = new Tape(11, ExecutionContext.withThreads(2));
            Tensor in = sparse == 1 ? Tensor.ofSparse(N, F, x) : Tensor.of(N, F, x);
            Tensor dropped = tape.dropout(in, 0.5f, true);
            Tensor y = tape.linear(dropped, w, b);
            Tensor z = tape.matmul(in, w);
            Tensor loss = tape.add(tape.sum(tape.mul(y, Tensor.of(N, 16, upstream))), tape.sum(tape.mul(z, z)));
            tape.backward(loss);
            results[sparse] = y.toFloatArray();
            weightGrads[sparse] = w.grad().data().asFloat();
            biasGrads[sparse] = b.grad().data().asFloat();
            matmulGrads[sparse] = z.toFloatArray();
        }
        assertClose(results[0], results[1], "linear on dropout");
        assertClose(matmulGrads[0], matmulGrads[1], "matmul");
        assertClose(weightGrads[0], weightGrads[1], "weight gradient (both products)");
        assertClose(biasGrads[0], biasGrads[1], "bias gradient");
    }

    @Test
    void aSparseTensorsValueIsFixed() {
        Tensor t = Tensor.ofSparse(2, 2, 0f, 1f, 0f, 0f);
        assertTrue(t.isSparse());
        assertFalse(Tensor.of(2, 2, 0f, 1f, 0f, 0f).isSparse());
        assertEquals(1, t.sparse.nonZeros());
        assertTrue(t.data().isReadOnly());
        assertThrows(IllegalStateException.class, () -> t.set(0, 0, 1f));
        Tape tape = new Tape(0);
        assertTrue(tape.dropout(t, 0.5f, false) == t, "evaluation mode returns the sparse tensor itself");
    }

    private static float[] bagOfWords(int rows, int cols, double density, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[rows * cols];
        for (int i = 0; i < d.length; i++) {
            double u = r.nextDouble();
            d[i] = u < density ? (float) r.nextDouble(0.1, 1) : u < density * 1.2 ? -0f : 0f;
        }
        return d;
    }

    private static void assertBitsEqual(float[] expected, float[] got, String what) {
        assertEquals(expected.length, got.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(got[i]), what + " at " + i);
        }
    }

    private static void assertClose(float[] expected, float[] got, String what) {
        assertEquals(expected.length, got.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-4f * (1 + Math.abs(expected[i])), what + " at " + i);
        }
    }
}
