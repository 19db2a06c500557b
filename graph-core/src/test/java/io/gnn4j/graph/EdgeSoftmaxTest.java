package io.gnn4j.graph;

import static io.gnn4j.graph.SparseOpsTest.assertClose;
import static io.gnn4j.graph.SparseOpsTest.awkwardGraph;
import static io.gnn4j.graph.SparseOpsTest.named;
import static io.gnn4j.graph.SparseOpsTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.internal.KernelProvider;
import io.gnn4j.graph.internal.SparseKernels;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edge softmax of attention and its backward, both providers: against a double-precision reference written
 * from the formulas (softmax over each target's incoming edges of LeakyReLU(s_u + s_v); its Jacobian-vector product
 * times LeakyReLU's slope), and the vector kernels bit for bit against the scalar ones, with eight heads (the vector
 * path) and other head counts, targets without incoming edges, duplicate edges, and the targets split into ranges.
 */
class EdgeSoftmaxTest {
    private static final float SLOPE = 0.2f;

    @ParameterizedTest
    @MethodSource("io.gnn4j.graph.SparseOpsTest#kernels")
    void softmaxAndItsBackwardMatchTheReferenceAndTheScalarBits(String kernelName) {
        SparseKernels kernels = named(kernelName);
        Graph a = awkwardGraph(700, 6000, false, 3);
        int n = a.numNodes(), e = a.numEntries();
        for (int h : new int[] {8, 3, 1}) {
            float[] src = scaled(random(n * h, 1), 3f), dst = scaled(random(n * h, 2), 3f);
            float[] alpha = softmax(kernels, a, src, dst, h), scalarAlpha = softmax(KernelProvider.scalar(), a, src, dst, h);
            String what = kernelName + ", " + h + " heads";
            assertClose(referenceSoftmax(a, src, dst, h), alpha, 1, what + ": weights");
            assertArrayEquals(scalarAlpha, alpha, what + ": weights, the scalar kernel's bits");

            float[] weightGrad = random(e * h, 4), kept = random(e * h, 5);
            for (int i = 0; i < kept.length; i += 3) {
                kept[i] = 0f;                                   // dropped weights
            }
            float keep = 2.5f;
            for (boolean dropout : new boolean[] {false, true}) {
                float[][] got = backward(kernels, a, src, dst, h, alpha, dropout ? kept : null, keep, weightGrad);
                float[][] scalar = backward(KernelProvider.scalar(), a, src, dst, h, alpha, dropout ? kept : null,
                        keep, weightGrad);
                double[][] expected = referenceBackward(a, src, dst, h, alpha, dropout ? kept : null, keep, weightGrad);
                String w = what + ", dropout " + dropout;
                assertClose(expected[0], got[0], 1, w + ": score gradient");
                assertClose(expected[1], got[1], 1, w + ": target gradient");
                assertArrayEquals(scalar[0], got[0], w + ": score gradient, the scalar kernel's bits");
                assertArrayEquals(scalar[1], got[1], w + ": target gradient, the scalar kernel's bits");
            }
        }
    }

    @Test
    void badRangesAndSizesNameTheValues() {
        Graph a = awkwardGraph(10, 30, false, 1);
        MemorySegment scores = seg(new float[10 * 2]), weights = seg(new float[a.numEntries() * 2]);
        var range = assertThrows(IllegalArgumentException.class,
                () -> SparseOps.edgeSoftmax(a, scores, scores, 2, SLOPE, weights, 4, 11));
        assertTrue(range.getMessage().contains("[4, 11)") && range.getMessage().contains("10 nodes"), range.getMessage());
        var size = assertThrows(IllegalArgumentException.class,
                () -> SparseOps.edgeSoftmax(a, scores, scores, 2, SLOPE, seg(new float[3]), 0, 10));
        assertTrue(size.getMessage().contains("holds 3 floats") && size.getMessage().contains(a.numEntries() + "×2"),
                size.getMessage());
    }

    /** The kernel's weights, the targets in three ranges. */
    private static float[] softmax(SparseKernels k, Graph a, float[] src, float[] dst, int h) {
        float[] alpha = new float[a.numEntries() * h];
        int n = a.numNodes();
        for (int[] r : new int[][] {{0, 5}, {5, n / 2}, {n / 2, n}}) {
            SparseOps.edgeSoftmax(k, a, seg(src), seg(dst), h, SLOPE, seg(alpha), r[0], r[1]);
        }
        return alpha;
    }

    private static float[][] backward(SparseKernels k, Graph a, float[] src, float[] dst, int h, float[] alpha,
                                      float[] kept, float keep, float[] weightGrad) {
        float[] g = weightGrad.clone(), scoreGrad = new float[g.length], dstGrad = random(a.numNodes() * h, 9);
        SparseOps.edgeSoftmaxBackward(k, a, seg(src), seg(dst), h, SLOPE, seg(alpha), kept == null ? null : seg(kept),
                keep, seg(g), seg(scoreGrad), seg(dstGrad), 0, a.numNodes());
        return new float[][] {scoreGrad, dstGrad};
    }

    /** Softmax per target and head in double, in target order (the transpose's entries). */
    private static double[] referenceSoftmax(Graph a, float[] src, float[] dst, int h) {
        Graph t = a.transpose();
        double[] alpha = new double[a.numEntries() * h];
        for (int v = 0; v < t.numNodes(); v++) {
            for (int k = 0; k < h; k++) {
                double sum = 0;
                for (int q = t.rowPtr()[v]; q < t.rowPtr()[v + 1]; q++) {
                    sum += Math.exp(score(src, dst, h, t.colIdx()[q], v, k));
                }
                for (int q = t.rowPtr()[v]; q < t.rowPtr()[v + 1]; q++) {
                    alpha[q * h + k] = Math.exp(score(src, dst, h, t.colIdx()[q], v, k)) / sum;
                }
            }
        }
        return alpha;
    }

    /** ∂L/∂s = LeakyReLU'(z)·α·(ḡ − Σ α ḡ), ḡ masked by the dropout; and its sum per target added to dstGrad. */
    private static double[][] referenceBackward(Graph a, float[] src, float[] dst, int h, float[] alpha, float[] kept,
                                                float keep, float[] weightGrad) {
        Graph t = a.transpose();
        double[] scoreGrad = new double[weightGrad.length];
        float[] initial = random(a.numNodes() * h, 9);
        double[] dstGrad = new double[initial.length];
        for (int i = 0; i < initial.length; i++) {
            dstGrad[i] = initial[i];
        }
        for (int v = 0; v < t.numNodes(); v++) {
            for (int k = 0; k < h; k++) {
                double dot = 0;
                for (int q = t.rowPtr()[v]; q < t.rowPtr()[v + 1]; q++) {
                    dot += alpha[q * h + k] * masked(weightGrad, kept, keep, q * h + k);
                }
                for (int q = t.rowPtr()[v]; q < t.rowPtr()[v + 1]; q++) {
                    double z = (double) src[t.colIdx()[q] * h + k] + dst[v * h + k];
                    double gs = (z > 0 ? 1 : SLOPE) * alpha[q * h + k] * (masked(weightGrad, kept, keep, q * h + k) - dot);
                    scoreGrad[q * h + k] = gs;
                    dstGrad[v * h + k] += gs;
                }
            }
        }
        return new double[][] {scoreGrad, dstGrad};
    }

    private static double masked(float[] g, float[] kept, float keep, int i) {
        return kept == null ? g[i] : kept[i] != 0 ? keep * (double) g[i] : 0;
    }

    private static double score(float[] src, float[] dst, int h, int u, int v, int k) {
        double z = (double) src[u * h + k] + dst[v * h + k];
        return z > 0 ? z : SLOPE * z;
    }

    private static float[] scaled(float[] x, float s) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= s;
        }
        return x;
    }

    private static MemorySegment seg(float[] a) {
        return MemorySegment.ofArray(a);
    }
}
