package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SAGEConvTest {
    private static SAGEConv unitWeights(Aggregation a) {
        SAGEConv conv = new SAGEConv(1, 1, a, true, true);
        Map<String, Parameter> p = conv.namedParameters();
        Init.constant(p.get("lin_l.weight"), 2f);
        Init.constant(p.get("lin_l.bias"), 0.5f);
        Init.constant(p.get("lin_r.weight"), 1f);
        return conv;
    }

    @Test
    void meanAndMaxOverIncomingEdgesMatchHandComputedValues() {
        Tensor x = Tensor.of(5, 1, 1, 2, 3, 4, 5);
        // incoming: 0 ← {1}, 1 ← {0, 2, 3}, 2 ← {0, 3}, 3 ← {4}, 4 ← {}
        float[] mean = {2, 8f / 3, 2.5f, 5, 0};
        float[] max = {2, 4, 4, 5, 0};
        float[] y = unitWeights(Aggregation.MEAN).forward(Tape.noGrad(), tiny(), x).toFloatArray();
        float[] z = unitWeights(Aggregation.MAX).forward(Tape.noGrad(), tiny(), x).toFloatArray();
        for (int v = 0; v < 5; v++) {
            assertEquals(2 * mean[v] + 0.5f + (v + 1), y[v], 1e-5, "mean, node " + v);
            assertEquals(2 * max[v] + 0.5f + (v + 1), z[v], 1e-5, "max, node " + v);
        }
    }

    @Test
    void sameOutputAndGradientsForFusedAndUnfusedPaths() {
        for (int[] dims : new int[][] {{4, 2}, {2, 3}}) {
            SAGEConv conv = new SAGEConv(dims[0], dims[1]);
            conv.resetParameters(new SplittableRandom(1));
            Tensor x = GradCheck.variable(5, dims[0], 2);
            Tensor w = conv.parameters().get(0);
            assertTrue(conv.usesFusedPath());
            float[][] fused = outputAndGradients((t, in) -> conv.forward(t, tiny(), in), x, w);
            conv.useFusedPath(false);
            float[][] unfused = outputAndGradients((t, in) -> conv.forward(t, tiny(), in), x, w);
            for (int i = 0; i < fused.length; i++) {
                assertArrayEquals(fused[i], unfused[i], 1e-5f);
            }
        }
        assertFalse(new SAGEConv(2, 2, Aggregation.MAX, true, true).usesFusedPath());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (Aggregation a : new Aggregation[] {Aggregation.MEAN, Aggregation.MAX}) {
            SAGEConv conv = new SAGEConv(3, 2, a, true, true);
            conv.resetParameters(new SplittableRandom(3));
            Tensor x = GradCheck.variable(5, 3, 4);
            var p = conv.parameters();
            GradCheck.check(t -> conv.forward(t, tiny(), x), x, p.get(0), p.get(1), p.get(2));
        }
    }

    @Test
    void lossFallsOnAPlantedPartition() {
        Task task = plantedPartition(200, 4, 8, 12);
        Sequential model = new Sequential(new SAGEConv(8, 16), Activation.RELU.module(), new SAGEConv(16, 4));
        float[] loss = train(model, task, 60, 0.02);
        assertTrue(loss[1] < 0.6 * loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }

    @Test
    void toStringNamesTheAggregation() {
        assertEquals("SAGEConv(16, 32, aggr=mean)", new SAGEConv(16, 32).toString());
    }
}
