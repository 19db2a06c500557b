package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.RootedPaths;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KPathConvTest {
    private static Graph cycles(int... lengths) {
        int n = Arrays.stream(lengths).sum();
        GraphBuilder b = GraphBuilder.undirected(n);
        int start = 0;
        for (int len : lengths) {
            for (int i = 0; i < len; i++) {
                b.addEdge(start + i, start + (i + 1) % len);
            }
            start += len;
        }
        return b.build();
    }

    private static float[] output(PerLayerReadoutNetwork net, Graph g) {
        GraphBatch batch = GraphBatch.of(List.of(g));
        float[] ones = new float[g.numNodes()];
        Arrays.fill(ones, 1f);
        return net.forward(Tape.noGrad(), batch, Tensor.of(g.numNodes(), 1, ones)).toFloatArray();
    }

    @Test
    void separatesTwoTrianglesFromASixCycleWhereGinCannot() {
        Graph triangles = cycles(3, 3), hexagon = cycles(6);
        for (long seed = 0; seed < 5; seed++) {
            for (boolean batchNorm : new boolean[] {true, false}) {
                String what = "seed " + seed + (batchNorm ? "" : ", no batch norm");
                PerLayerReadoutNetwork gin = PerLayerReadoutNetwork.gin(1, 8, 2, 3, 0f, batchNorm);
                gin.resetParameters(new SplittableRandom(seed));
                gin.eval();
                assertArrayEquals(output(gin, triangles), output(gin, hexagon), 1e-5f, "GIN, " + what);
                for (int k = 2; k <= 4; k++) {
                    PerLayerReadoutNetwork kpath = PerLayerReadoutNetwork.kpath(1, 8, 2, 3, 0f, k, 64, batchNorm);
                    kpath.resetParameters(new SplittableRandom(seed));
                    kpath.eval();
                    boolean normalised = kpath.namedParameters().keySet().stream()
                            .anyMatch(n -> n.contains("norm") || n.matches("conv\\d+\\.1\\..*"));
                    assertEquals(batchNorm, normalised,
                            "kpath k = " + k + ", " + what + ": " + kpath.namedParameters().keySet());
                    float[] a = output(kpath, triangles), b = output(kpath, hexagon);
                    double diff = 0;
                    for (int i = 0; i < a.length; i++) {
                        diff += Math.abs(a[i] - b[i]);
                    }
                    assertTrue(diff > 1e-3, "kpath k = " + k + ", " + what + ": " + Arrays.toString(a) + " vs "
                            + Arrays.toString(b));
                }
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Graph g = GraphBuilder.undirected(5).addEdge(0, 1).addEdge(1, 2).addEdge(2, 0).addEdge(2, 3).addEdge(3, 4)
                .build();
        KPathConv conv = new KPathConv(3, 4, 3, 64);
        conv.resetParameters(new SplittableRandom(2));
        Tensor x = GradCheck.variable(5, 3, 6);
        // A smaller step than the default: the path encoders' ReLUs have kinks within ±1e-2 of some inputs.
        GradCheck.check(t -> conv.forward(t, g, x), 2e-3, 2e-3, 1e-2, conv.parameters().toArray(new Tensor[0]));
        GradCheck.check(t -> conv.forward(t, g, x), 2e-3, 2e-3, 1e-2, x);
    }

    @Test
    void sampledPathsAreWeightedAndShapesHold() {
        Graph k6 = GraphBuilder.undirected(6).build();
        GraphBuilder b = GraphBuilder.undirected(6);
        for (int u = 0; u < 6; u++) {
            for (int v = u + 1; v < 6; v++) {
                b.addEdge(u, v);
            }
        }
        Graph complete = b.build();
        KPathConv sampled = new KPathConv(2, 3, 3, 4);
        sampled.resetParameters(new SplittableRandom(1));
        Tensor y = sampled.forward(Tape.noGrad(), complete, GradCheck.variable(6, 2, 1));
        assertEquals(6, y.rows());
        assertEquals(3, y.cols());
        assertEquals(6, sampled.forward(Tape.noGrad(), k6, GradCheck.variable(6, 2, 1)).rows());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KPathConv(2, 3, 0, 4));
        assertTrue(e.getMessage().contains("k = 0"), e.getMessage());
    }

    @Test
    void matchesANaiveSumOverTheSampledPathsInDouble() {
        matchesANaiveSum(0);
    }

    @Test
    void scalesEachLengthByThePathBranchingWhenGiven() {
        matchesANaiveSum(2.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KPathConv(2, 3, 2, 4, false, -1));
        assertTrue(e.getMessage().contains("pathBranching = -1"), e.getMessage());
    }

    /** The layer against a sum over its sampled paths in double, length ℓ's sum scaled by branching^−ℓ, or 1/M if 0. */
    private static void matchesANaiveSum(double branching) {
        // A random graph dense enough that a bound of 3 paths per root and length samples at most roots.
        SplittableRandom r = new SplittableRandom(4);
        GraphBuilder b = GraphBuilder.undirected(9);
        for (int u = 0; u < 9; u++) {
            for (int v = u + 1; v < 9; v++) {
                if (r.nextDouble() < 0.5) {
                    b.addEdge(u, v);
                }
            }
        }
        Graph g = b.build();
        int k = 3, max = 3, in = 2, out = 4;
        KPathConv conv = new KPathConv(in, out, k, max, true, branching);
        conv.resetParameters(new SplittableRandom(5));
        Tensor x = GradCheck.variable(9, in, 7);
        float[] actual = conv.forward(Tape.noGrad(), g, x).toFloatArray();
        // The GIN part, from a GINConv holding the layer's "gin." parameters.
        GINConv gin = new GINConv(new MLP(Activation.RELU, 0f, true, in, out, out));
        gin.namedParameters().forEach((name, p) -> p.copyFrom(conv.namedParameters().get("gin." + name).toFloatArray()));
        float[] expected = gin.forward(Tape.noGrad(), g, x).toFloatArray();
        float[] xv = x.toFloatArray();
        var params = conv.namedParameters();
        for (int l = 1; l <= k; l++) {
            RootedPaths paths = RootedPaths.of(g, l, max, 0);
            assertTrue(!paths.exact(), "length " + l + " should be sampled somewhere");
            int c = paths.chordsPerPath();
            double scale = branching == 0 ? 1.0 / max : Math.pow(branching, -l);
            for (int p = 0; p < paths.size(); p++) {
                for (int o = 0; o < out; o++) {
                    double pre = params.get("path" + l + "_position0.bias").toFloatArray()[o];
                    for (int i = 0; i <= l; i++) {
                        float[] w = params.get("path" + l + "_position" + i + ".weight").toFloatArray();
                        int node = paths.nodes()[p * (l + 1) + i];
                        for (int f = 0; f < in; f++) {
                            pre += (double) xv[node * in + f] * w[f * out + o];
                        }
                    }
                    for (int j = 0; j < c; j++) {
                        pre += paths.chords()[p * c + j] * params.get("path" + l + "_chords.weight").toFloatArray()[j * out + o];
                    }
                    expected[paths.nodes()[p * (l + 1)] * out + o] += (float) (paths.weights()[p] * Math.max(0, pre) * scale);
                }
            }
        }
        assertArrayEquals(expected, actual, 1e-4f);
    }
}
