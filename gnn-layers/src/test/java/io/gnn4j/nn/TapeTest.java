package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Forward values of tape operations against hand-computed numbers, and the tape's bookkeeping. */
class TapeTest {
    private static final float EPS = 1e-5f;

    @Test
    void matmulAndBiasMatchHandComputedValues() {
        Tensor x = Tensor.of(2, 2, 1, 2, 3, 4), w = Tensor.of(2, 3, 1, 0, -1, 2, 1, 0.5f), b = Tensor.of(1, 3, 1, 1, 1);
        Tensor y = Tape.noGrad().linear(x, w, b);
        assertArrayEquals(new float[] {6, 3, 1, 12, 5, 0}, y.toFloatArray(), EPS);
    }

    @Test
    void transposedProductAndRowNormalisationValues() {
        Tape t = Tape.noGrad();
        Tensor a = Tensor.of(2, 2, 1, 2, 3, 4), b = Tensor.of(3, 2, 1, 0, 0, 1, 1, 1);
        assertArrayEquals(new float[] {1, 2, 3, 3, 4, 7}, t.matmulTransposed(a, b).toFloatArray(), EPS);
        Tensor rows = Tensor.of(2, 2, 3, 4, 0, 0);
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0}, t.normalizeRows(rows, 1e-12f).toFloatArray(), EPS);
        assertThrows(IllegalArgumentException.class, () -> t.matmulTransposed(a, Tensor.of(1, 3, 1, 2, 3)));
    }

    @Test
    void softmaxAndLogSoftmaxOfAKnownRow() {
        Tape t = Tape.noGrad();
        Tensor x = Tensor.of(1, 3, 1, 2, 3);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        Tensor s = t.softmax(x);
        Tensor l = t.logSoftmax(x);
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.exp(c + 1) / z, s.get(0, c), 1e-6);
            assertEquals(c + 1 - Math.log(z), l.get(0, c), 1e-5);
        }
    }

    @Test
    void activationValues() {
        Tape t = Tape.noGrad();
        Tensor x = Tensor.of(1, 3, -1, 0.5f, 2);
        assertArrayEquals(new float[] {0, 0.5f, 2}, t.relu(x).toFloatArray(), EPS);
        assertArrayEquals(new float[] {-0.2f, 0.5f, 2}, t.leakyRelu(x, 0.2f).toFloatArray(), EPS);
        assertEquals((float) Math.expm1(-1), t.elu(x, 1f).get(0, 0), EPS);
        assertEquals(1.0507009873554805 * 1.6732632423543772 * Math.expm1(-1), t.selu(x).get(0, 0), 1e-5);
        assertEquals(1.0507009873554805 * 2, t.selu(x).get(0, 2), 1e-5);
        assertEquals(Math.tanh(0.5), t.tanh(x).get(0, 1), 1e-6);
        assertEquals(1 / (1 + Math.exp(1)), t.sigmoid(x).get(0, 0), 1e-6);
    }

    @Test
    void crossEntropyAveragesOverTheIndexSubsetOnly() {
        Tensor z = Tensor.of(3, 2, 0, 0, 2, 0, 100, -100);
        int[] labels = {0, 1, 0};
        float ce = Tape.noGrad().crossEntropy(z, labels, new int[] {0, 1}).item();
        double expected = (Math.log(2) + (Math.log(Math.exp(2) + 1))) / 2;
        assertEquals(expected, ce, 1e-5);
    }

    @Test
    void binaryLossesMatchTheirFormulas() {
        Tape t = Tape.noGrad();
        Tensor z = Tensor.of(1, 2, 0, 2), y = Tensor.of(1, 2, 1, 0);
        assertEquals((Math.log(2) + Math.log1p(Math.exp(2))) / 2, t.bceWithLogits(z, y).item(), 1e-5);
        Tensor pos = Tensor.of(2, 1, 3, 0), neg = Tensor.of(2, 1, 1, 0);
        assertEquals((Math.log1p(Math.exp(-2)) + Math.log(2)) / 2, t.bpr(pos, neg).item(), 1e-5);
        assertEquals((4 + 1) / 2.0, t.mse(Tensor.of(1, 2, 1, 2), Tensor.of(1, 2, 3, 1)).item(), 1e-6);
        assertEquals((2 + 1) / 2.0, t.l1(Tensor.of(1, 2, 1, 2), Tensor.of(1, 2, 3, 1)).item(), 1e-6);
    }

    @Test
    void scatterAndSegmentSoftmaxValues() {
        Tape t = Tape.noGrad();
        Tensor src = Tensor.of(4, 1, 1, 2, 3, 5);
        int[] seg = {0, 1, 0, 0};
        assertArrayEquals(new float[] {9, 2, 0}, t.scatterSum(src, seg, 3).toFloatArray(), EPS);
        assertArrayEquals(new float[] {3, 2, 0}, t.scatterMean(src, seg, 3).toFloatArray(), EPS);
        assertArrayEquals(new float[] {5, 2, 0}, t.scatterMax(src, seg, 3).toFloatArray(), EPS);
        Tensor a = t.segmentSoftmax(src, seg, 3);
        double z = Math.exp(1) + Math.exp(3) + Math.exp(5);
        assertArrayEquals(new float[] {(float) (Math.exp(1) / z), 1, (float) (Math.exp(3) / z), (float) (Math.exp(5) / z)},
                a.toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {3, 5, 3, 2}, t.gatherRows(src, new int[] {2, 3, 2, 1}).toFloatArray(), EPS);
    }

    @Test
    void spmmTransposeSumsIncomingEdges() {
        Graph g = GraphBuilder.directed(3).addEdge(0, 1, 2f).addEdge(2, 1, 3f).addEdge(1, 0, 1f).build();
        Tensor x = Tensor.of(3, 1, 1, 10, 100);
        Tape t = Tape.noGrad();
        assertArrayEquals(new float[] {10, 302, 0}, t.spmmTranspose(g, x).toFloatArray(), EPS);
        assertArrayEquals(new float[] {20, 1, 30}, t.spmm(g, x).toFloatArray(), EPS);
        Tensor s = t.sddmm(g, x, x); // entries in CSR order: 0→1, 1→0, 2→1
        assertArrayEquals(new float[] {10, 10, 1000}, s.toFloatArray(), EPS);
        Tensor w = Tensor.of(3, 1, 0.5f, 2f, 4f);
        assertArrayEquals(new float[] {20, 400.5f, 0}, t.edgeAggregate(g, w, x).toFloatArray(), EPS);
    }

    @Test
    void noGradTapeRecordsNothing() {
        Tensor x = GradCheck.variable(2, 2, 1);
        Tape t = Tape.noGrad();
        Tensor y = t.sum(t.relu(x));
        assertFalse(y.requiresGrad());
        assertThrows(IllegalArgumentException.class, () -> t.backward(y));
        assertNull(x.grad());
    }

    @Test
    void backwardAccumulatesIntoLeavesUntilCleared() {
        Parameter p = new Parameter(1, 2);
        p.copyFrom(new float[] {1, 2});
        Tape t = new Tape(0);
        t.backward(t.sum(t.mul(p, p)));
        t.reset();
        t.backward(t.sum(p));
        assertArrayEquals(new float[] {3, 5}, p.grad().data().asFloat(), EPS);
        p.zeroGrad();
        assertArrayEquals(new float[] {0, 0}, p.grad().data().asFloat(), EPS);
    }

    @Test
    void backwardFreesIntermediateGradientsOnceUsedUnlessRetained() {
        Tensor x = GradCheck.variable(64, 8, 1);
        Tape t = new Tape(0);
        Tensor a = t.tanh(x);
        Tensor kept = t.tanh(a).retainGrad();
        Tensor c = t.tanh(kept);
        t.backward(t.sum(t.mul(c, c)));
        assertNull(a.grad(), "an intermediate gradient goes back to the pool once its producer has used it");
        assertNull(c.grad());
        assertNotNull(kept.grad(), "retainGrad keeps it, as PyTorch's retain_grad()");
        assertNotNull(x.grad(), "leaves keep their gradients");
        // the values stay (three tanh outputs, the product, the 1×1 sum); of the gradients only the retained one
        assertEquals((5L * 512 + 1) * Float.BYTES, t.liveBytes());

        // the same chain without freeing would hold every gradient: the values and gradients are the reference's
        Tape ref = new Tape(0);
        Tensor x2 = GradCheck.variable(64, 8, 1);
        Tensor r1 = ref.tanh(x2).retainGrad();
        Tensor r2 = ref.tanh(r1).retainGrad();
        Tensor r3 = ref.tanh(r2).retainGrad();
        ref.backward(ref.sum(ref.mul(r3, r3)));
        assertArrayEquals(x2.grad().data().asFloat(), x.grad().data().asFloat(), 0f);
        assertArrayEquals(r2.grad().data().asFloat(), kept.grad().data().asFloat(), 0f);
        assertTrue(t.liveBytes() < ref.liveBytes(), t.liveBytes() + " vs " + ref.liveBytes());
    }

    @Test
    void aSecondBackwardWithoutResetIsRejected() {
        Parameter p = new Parameter(1, 1);
        Tape t = new Tape(0);
        Tensor loss = t.sum(t.tanh(p));
        t.backward(loss);
        var e = assertThrows(IllegalStateException.class, () -> t.backward(loss));
        assertTrue(e.getMessage().contains("reset()"), e.getMessage());
        t.reset();
        t.backward(t.sum(t.tanh(p)));
        assertEquals(2f, p.gradAt(0, 0), 1e-6f);
    }

    @Test
    void resetRecyclesBuffersOfTheSameShape() {
        Tape t = new Tape(0);
        Tensor x = Tensor.of(2, 3, 1, 2, 3, 4, 5, 6);
        long first = t.relu(x).data().address();
        t.reset();
        long second = t.relu(x).data().address();
        assertEquals(first, second);
        assertEquals(1, t.step());
    }

    @Test
    void aTapeTensorsNd4jArraysViewItsPooledMemory() {
        Tape t = new Tape(0);
        Tensor x = GradCheck.variable(5, 3, 1);
        Tensor y = t.relu(x).retainGrad();              // 15 floats in a pooled buffer of 16
        t.backward(t.sum(t.mul(y, y)));
        assertArrayEquals(new long[] {5, 3}, y.value().shape());
        assertSame(y.value(), y.value());
        assertEquals(y.data().address(), y.value().data().address());
        y.value().putScalar(4, 2, 7f);
        assertEquals(7f, y.get(4, 2));
        assertArrayEquals(new long[] {5, 3}, y.grad().shape());
        assertEquals(y.gradData().address(), y.grad().data().address());
        assertEquals(y.gradAt(1, 1), y.grad().getFloat(1, 1));
        Tensor empty = t.relu(Tensor.of(0, 4));
        assertArrayEquals(new long[] {0, 4}, empty.value().shape());
        assertEquals(0, empty.data().byteSize());
    }

    @Test
    void dropoutIsIdentityInEvalAndDeterministicPerSeedAndStep() {
        Tensor x = Tensor.of(50, 40, new float[2000]);
        Init.constant(x, 1f);
        Tape t = new Tape(5);
        assertSame(x, t.dropout(x, 0.5f, false));
        float[] a = t.dropout(x, 0.5f, true).toFloatArray();
        float[] a2 = new Tape(5).dropout(x, 0.5f, true).toFloatArray();
        assertArrayEquals(a, a2);
        t.reset();
        float[] b = t.dropout(x, 0.5f, true).toFloatArray();
        assertFalse(Arrays.equals(a, b), "a new step draws a new mask");
        double mean = 0;
        int zeros = 0;
        for (float v : a) {
            assertTrue(v == 0f || v == 2f, "inverted scaling keeps survivors at 1/(1-p)");
            mean += v;
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(1.0, mean / a.length, 0.1);
        assertNotEquals(0, zeros);
    }

    @Test
    void sparseOpsAndDropoutGiveTheSameBitsForOneAndFourThreads() {
        Graph g = randomEdges(false, 3000, 20000, 3);
        Tensor x = GradCheck.variable(3000, 64, 4); // 192,000 elements: several dropout chunks
        Tensor w = GradCheck.variable(g.numEntries(), 2, 5);
        float[][] results = new float[2][];
        int k = 0;
        for (int threads : new int[] {1, 4}) {
            Tape t = new Tape(1, ExecutionContext.withThreads(threads));
            Tensor y = t.edgeAggregate(g, w, t.dropout(t.spmmTranspose(g, x), 0.3f, true));
            t.backward(t.sum(t.mul(y, y)));
            float[] out = y.toFloatArray();
            float[] gx = x.grad().data().asFloat();
            float[] gw = w.grad().data().asFloat();
            float[] all = new float[out.length + gx.length + gw.length];
            System.arraycopy(out, 0, all, 0, out.length);
            System.arraycopy(gx, 0, all, out.length, gx.length);
            System.arraycopy(gw, 0, all, out.length + gx.length, gw.length);
            results[k++] = all;
            x.gradData().fill((byte) 0);
            w.gradData().fill((byte) 0);
        }
        assertArrayEquals(results[0], results[1]);
    }

    @Test
    void personalizedPageRankGivesTheChainsBits() {
        Graph a = randomEdges(true, 2000, 12000, 11);
        for (int k : new int[] {1, 2, 5}) {
            for (int threads : new int[] {1, 3}) {
                for (boolean hUsedAfter : new boolean[] {false, true}) {
                    String what = "K = " + k + ", " + threads + " threads, H used after: " + hUsedAfter;
                    assertSameBits(what, threads, hUsedAfter, (t, h) -> t.personalizedPageRank(a, h, k, 0.1f), (t, h) -> {
                        Tensor teleport = t.scale(h, 0.1f), z = h;
                        for (int i = 0; i < k; i++) {
                            z = t.add(t.scale(t.spmmTranspose(a, z), 1f - 0.1f), teleport);
                        }
                        return z;
                    });
                }
            }
        }
    }

    @Test
    void spmmTransposePlusScaledGivesTheChainsBits() {
        Graph a = randomEdges(true, 2000, 12000, 21);
        for (float s : new float[] {1f, 1.3f}) {
            for (int threads : new int[] {1, 3}) {
                for (boolean hUsedAfter : new boolean[] {false, true}) {
                    String what = "s = " + s + ", " + threads + " threads, H used after: " + hUsedAfter;
                    assertSameBits(what, threads, hUsedAfter, (t, h) -> t.spmmTransposePlusScaled(a, h, s),
                            (t, h) -> t.add(t.spmmTranspose(a, h), s == 1f ? h : t.scale(h, s)));
                }
            }
        }
        Tensor x = Tensor.of(3, 1, 1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> Tape.noGrad().spmmTransposePlusScaled(a, x, 1f));
    }

    @Test
    void reluDropoutGivesTheChainsBitsWithoutStoringTheActivation() {
        for (float slope : new float[] {0f, 0.2f}) {
            for (float p : new float[] {0.5f, 0.1f, 0f}) {
                for (int threads : new int[] {1, 3}) {
                    for (boolean hUsedAfter : new boolean[] {false, true}) {
                        String what = "slope " + slope + ", p = " + p + ", " + threads + " threads, H used after: "
                                + hUsedAfter;
                        assertSameBits(what, threads, hUsedAfter, (t, h) -> t.leakyReluDropout(h, slope, p, true),
                                (t, h) -> t.dropout(t.leakyRelu(h, slope), p, true));
                    }
                }
            }
        }
        Tensor x = GradCheck.variable(300, 7, 3);
        Tape eval = Tape.noGrad();
        assertArrayEquals(eval.relu(x).toFloatArray(), eval.reluDropout(x, 0.5f, false).toFloatArray());
        // after the forward pass the chain holds the ReLU's 300×7 output beside the dropout's, the fused op only the
        // latter; in backward the chain adds the ReLU output's gradient, the fused op masks the output's in place
        long[] held = new long[2], peak = new long[2];
        for (int fused = 0; fused < 2; fused++) {
            Tape t = new Tape(1, ExecutionContext.withThreads(1));
            Tensor h = t.scale(x, 1f);
            long before = t.liveBytes();
            Tensor z = fused == 1 ? t.reluDropout(h, 0.5f, true) : t.dropout(t.relu(h), 0.5f, true);
            held[fused] = t.liveBytes() - before;
            t.backward(t.sum(z));
            peak[fused] = t.peakLiveBytes();
        }
        assertEquals(2 * held[1], held[0], "bytes the forward pass added, fused against chained");
        assertEquals(peak[0] - held[1], peak[1], "peak bytes, fused against chained: one 300×7 buffer fewer");
        assertThrows(IllegalArgumentException.class, () -> eval.reluDropout(x, 1f, true));
    }

    /**
     * A fused operation against the chain it replaces: Z = op(H) with H = 1.5·X (a gradient of its own), loss
     * Σ Z⊙W (+ Σ H⊙V when H is used after), the same Z and X̄ to the bit.
     */
    private static void assertSameBits(String what, int threads, boolean hUsedAfter,
                                       BiFunction<Tape, Tensor, Tensor> fused, BiFunction<Tape, Tensor, Tensor> chain) {
        float[][] expected = zAndInputGradient(threads, hUsedAfter, chain);
        float[][] actual = zAndInputGradient(threads, hUsedAfter, fused);
        assertArrayEquals(expected[0], actual[0], what + ": Z");
        assertArrayEquals(expected[1], actual[1], what + ": X̄");
    }

    private static float[][] zAndInputGradient(int threads, boolean hUsedAfter, BiFunction<Tape, Tensor, Tensor> op) {
        Tensor x = GradCheck.variable(2000, 24, 14);
        Tape t = new Tape(1, ExecutionContext.withThreads(threads));
        Tensor h = t.scale(x, 1.5f);
        Tensor z = op.apply(t, h);
        Tensor loss = t.sum(t.mul(z, GradCheck.variable(2000, 24, 12)));
        if (hUsedAfter) {
            loss = t.add(loss, t.sum(t.mul(h, GradCheck.variable(2000, 24, 13))));
        }
        t.backward(loss);
        return new float[][] {z.toFloatArray(), x.grad().data().asFloat()};
    }

    @Test
    void graphAttentionGivesTheChainsBits() {
        // Duplicate edges, self loops and nodes without incoming edges; 6,000 × 8 weights span two dropout chunks.
        Graph g = randomEdges(true, 2000, 6000, 31);
        int[] inSrc = EdgeIndex.of(g).inSrc();
        assertArrayEquals(inSrc, g.transpose().colIdx(), "the target-grouped sources are the transpose's columns");
        for (int heads : new int[] {1, 3, 8}) {
            for (int c : new int[] {8, 5}) {
                for (float p : new float[] {0f, 0.6f}) {
                    for (boolean training : new boolean[] {true, false}) {
                        for (int threads : new int[] {1, 3}) {
                            for (boolean xUsedAfter : new boolean[] {false, true}) {
                                String what = heads + " heads of " + c + ", p = " + p + ", training " + training + ", "
                                        + threads + " threads, X used after: " + xUsedAfter;
                                float[][] chain = attention(g, heads, c, p, training, threads, xUsedAfter, false);
                                float[][] fused = attention(g, heads, c, p, training, threads, xUsedAfter, true);
                                String[] names = {"Y", "sSrc gradient", "sDst gradient", "X gradient"};
                                for (int i = 0; i < names.length; i++) {
                                    assertArrayEquals(chain[i], fused[i], what + ": " + names[i]);
                                }
                            }
                        }
                    }
                }
            }
        }
        Tape t = Tape.noGrad();
        Tensor scores = GradCheck.variable(2000, 3, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> t.graphAttention(g, scores, scores, GradCheck.variable(2000, 10, 2), 0.2f, 0f, false));
        assertTrue(e.getMessage().contains("2000×10") && e.getMessage().contains("N×(h·c)"), e.getMessage());
    }

    /** Y and the gradients of the scores and values of one attention layer, fused or as the chain of tape ops. */
    private static float[][] attention(Graph g, int heads, int c, float p, boolean training, int threads,
                                       boolean xUsedAfter, boolean fused) {
        int n = g.numNodes();
        Tensor src = GradCheck.variable(n, heads, 41), dst = GradCheck.variable(n, heads, 42);
        Tensor values = GradCheck.variable(n, heads * c, 43);
        Tape t = new Tape(5, ExecutionContext.withThreads(threads));
        Tensor sSrc = t.scale(src, 2f), sDst = t.scale(dst, 2f), x = t.scale(values, 1.5f);
        Tensor y;
        if (fused) {
            y = t.graphAttention(g, sSrc, sDst, x, 0.2f, p, training);
        } else {
            Tensor alpha = t.segmentSoftmax(t.leakyRelu(t.uAddV(g, sSrc, sDst), 0.2f), EdgeIndex.of(g).dst(), n);
            y = t.edgeAggregate(g, t.dropout(alpha, p, training), x);
        }
        Tensor loss = t.sum(t.mul(y, GradCheck.variable(n, heads * c, 44)));
        if (xUsedAfter) {
            loss = t.add(loss, t.sum(t.mul(x, GradCheck.variable(n, heads * c, 45))));
        }
        t.backward(loss);
        return new float[][] {y.toFloatArray(), src.grad().data().asFloat(), dst.grad().data().asFloat(),
                values.grad().data().asFloat()};
    }

    @Test
    void shapeErrorsNameBothShapes() {
        Tape t = Tape.noGrad();
        var e = assertThrows(IllegalArgumentException.class,
                () -> t.matmul(Tensor.of(2, 3, new float[6]), Tensor.of(2, 2, new float[4])));
        assertTrue(e.getMessage().contains("2×3") && e.getMessage().contains("expected 3"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> t.dropout(Tensor.of(1, 1, 1), 1f, true));
        assertTrue(e2.getMessage().contains("[0, 1)"), e2.getMessage());
    }

    @Test
    void uAddVGivesTheGatherGatherAddChainsBits() {
        // Duplicates, self loops, an isolated node and a node without out-edges.
        Graph g = GraphBuilder.directed(6).addEdge(0, 1).addEdge(0, 1).addEdge(1, 1).addEdge(2, 0).addEdge(2, 4)
                .addEdge(4, 2).addEdge(4, 0).addEdge(1, 4).build();
        EdgeIndex ei = EdgeIndex.of(g);
        float[][] fused = new float[3][], chain = new float[3][];
        for (boolean useFused : new boolean[] {true, false}) {
            Parameter a = new Parameter(6, 3), b = new Parameter(6, 3), w = new Parameter(g.numEntries(), 3);
            java.util.SplittableRandom r = new java.util.SplittableRandom(9);
            for (Parameter p : new Parameter[] {a, b, w}) {
                float[] v = new float[p.rows() * p.cols()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) r.nextDouble(-1, 1);
                }
                p.copyFrom(v);
            }
            Tape t = new Tape(0);
            Tensor e = useFused ? t.uAddV(g, a, b) : t.add(t.gatherRows(a, ei.src()), t.gatherRows(b, ei.dst()));
            float[] values = e.value().data().asFloat();
            t.backward(t.sum(t.mul(t.leakyRelu(e, 0.2f), w)));
            float[][] out = useFused ? fused : chain;
            out[0] = values;
            out[1] = a.grad().data().asFloat();
            out[2] = b.grad().data().asFloat();
        }
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(chain[k], fused[k], "part " + k);
        }
        assertThrows(IllegalArgumentException.class, () -> new Tape(0).uAddV(g, Tensor.of(5, 3, new float[15]),
                Tensor.of(6, 3, new float[18])));
    }

    /** A graph on n nodes with {@code edges} random edges (weights in [0.1, 1.1)). */
    private static Graph randomEdges(boolean directed, int n, int edges, long seed) {
        GraphBuilder b = directed ? GraphBuilder.directed(n) : GraphBuilder.undirected(n);
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < edges; i++) {
            b.addEdge(r.nextInt(n), r.nextInt(n), 0.1f + r.nextFloat());
        }
        return b.build();
    }
}
