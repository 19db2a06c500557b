package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.graph.GraphBuilder;
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
            PerLayerReadoutNetwork gin = PerLayerReadoutNetwork.gin(1, 8, 2, 3, 0f);
            gin.resetParameters(new SplittableRandom(seed));
            gin.eval();
            assertArrayEquals(output(gin, triangles), output(gin, hexagon), 1e-5f, "GIN, seed " + seed);
            for (int k = 2; k <= 4; k++) {
                PerLayerReadoutNetwork kpath = PerLayerReadoutNetwork.kpath(1, 8, 2, 3, 0f, k, 64);
                kpath.resetParameters(new SplittableRandom(seed));
                kpath.eval();
                float[] a = output(kpath, triangles), b = output(kpath, hexagon);
                double diff = 0;
                for (int i = 0; i < a.length; i++) {
                    diff += Math.abs(a[i] - b[i]);
                }
                assertTrue(diff > 1e-3, "kpath k = " + k + ", seed " + seed + ": " + Arrays.toString(a) + " vs "
                        + Arrays.toString(b));
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
}
