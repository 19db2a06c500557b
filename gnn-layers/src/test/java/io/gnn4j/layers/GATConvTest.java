package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GATConvTest {
    /** Naive GAT: per head, per target, a softmax over the sources of its incoming edges plus itself. */
    private static double[][] reference(Graph g, Tensor x, Map<String, Parameter> p, int heads, int c, boolean concat) {
        int n = g.numNodes();
        double[][] h = multiply(dense(x), dense(p.get("weight")));
        double[][] out = new double[n][concat ? heads * c : c];
        for (int i = 0; i < n; i++) {
            java.util.List<Integer> sources = new java.util.ArrayList<>();
            for (int u = 0; u < n; u++) {
                if (u == i || g.hasEdge(u, i)) {
                    sources.add(u);
                }
            }
            for (int k = 0; k < heads; k++) {
                double[] e = new double[sources.size()];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < e.length; s++) {
                    double v = 0;
                    for (int j = 0; j < c; j++) {
                        v += p.get("att_src").get(0, k * c + j) * h[sources.get(s)][k * c + j]
                                + p.get("att_dst").get(0, k * c + j) * h[i][k * c + j];
                    }
                    e[s] = v > 0 ? v : 0.2 * v;
                    max = Math.max(max, e[s]);
                }
                double z = 0;
                for (int s = 0; s < e.length; s++) {
                    z += Math.exp(e[s] - max);
                }
                for (int s = 0; s < e.length; s++) {
                    double a = Math.exp(e[s] - max) / z;
                    for (int j = 0; j < c; j++) {
                        double m = a * h[sources.get(s)][k * c + j];
                        if (concat) {
                            out[i][k * c + j] += m;
                        } else {
                            out[i][j] += m / heads;
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void matchesANaiveAttentionImplementation() {
        for (boolean concat : new boolean[] {true, false}) {
            GATConv conv = new GATConv(3, 2, 3, concat, 0.2f, 0f, true, false);
            conv.resetParameters(new SplittableRandom(1));
            Tensor x = GradCheck.variable(5, 3, 2);
            double[][] expected = reference(tiny(), x, conv.namedParameters(), 3, 2, concat);
            assertClose(expected, conv.forward(Tape.noGrad(), tiny(), x), 1e-5);
        }
    }

    @Test
    void uniformScoresAverageTheNeighbourhood() {
        GATConv conv = new GATConv(1, 1, 1, true, 0.2f, 0f, true, false);
        Init.constant(conv.namedParameters().get("weight"), 1f); // attention vectors stay 0: all scores equal
        Tensor y = conv.forward(Tape.noGrad(), tiny(), Tensor.of(5, 1, 1, 2, 3, 4, 5));
        // node 1 averages {0, 2, 3} ∪ {1}: (1+2+3+4)/4; node 4 only itself
        assertArrayEquals(new float[] {1.5f, 2.5f, 8f / 3, 4.5f, 5f}, y.toFloatArray(), 1e-5f);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        GATConv conv = new GATConv(3, 2, 2, true, 0.2f, 0f, true, true);
        conv.resetParameters(new SplittableRandom(3));
        Init.uniform(conv.namedParameters().get("bias"), 1, new SplittableRandom(4));
        Tensor x = GradCheck.variable(5, 3, 4);
        GradCheck.check(t -> conv.forward(t, tiny(), x), conv.parameters().toArray(new Tensor[0]));
        GradCheck.check(t -> conv.forward(t, tiny(), x), x);
        GATConv mean = new GATConv(3, 2, 2, false, 0.2f, 0.3f, true, true);
        mean.resetParameters(new SplittableRandom(5));
        GradCheck.check(t -> mean.forward(t, tiny(), x), mean.parameters().toArray(new Tensor[0]));
    }

    @Test
    void lossFallsOnAPlantedPartition() {
        Task task = plantedPartition(200, 4, 8, 15);
        Sequential model = new Sequential(new GATConv(8, 8, 2, true, 0.2f, 0.1f, true, true), Activation.ELU.module(),
                new GATConv(16, 4, 1, false, 0.2f, 0f, true, true));
        float[] loss = train(model, task, 60, 0.02);
        assertTrue(loss[1] < 0.6 * loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }

    @Test
    void toStringNamesWidthsAndHeads() {
        assertEquals("GATConv(16, 8, heads=4)", new GATConv(16, 8, 4, true, 0.2f, 0f, true, true).toString());
    }
}
