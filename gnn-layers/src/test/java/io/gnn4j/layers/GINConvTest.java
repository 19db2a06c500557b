package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GINConvTest {
    @Test
    void sumOfNeighboursPlusScaledSelfMatchesHandComputedValues() {
        MLP id = new MLP(1, 1);
        Init.constant(id.parameters().get(0), 1f);
        GINConv conv = new GINConv(id, 0.5f, false);
        Tensor y = conv.forward(Tape.noGrad(), tiny(), Tensor.of(5, 1, 1, 2, 3, 4, 5));
        // incoming sums: 2, 1+3+4, 1+4, 5, 0
        assertArrayEquals(new float[] {3.5f, 11f, 9.5f, 11f, 7.5f}, y.toFloatArray(), 1e-5f);
    }

    @Test
    void sameOutputAndGradientsForFusedAndUnfusedPaths() {
        GINConv conv = new GINConv(new MLP(3, 4, 2), 0.1f, true);
        conv.resetParameters(new SplittableRandom(1));
        Tensor x = GradCheck.variable(5, 3, 2);
        Tensor eps = conv.namedParameters().get("eps");
        float[][] fused = outputAndGradients((t, in) -> conv.forward(t, tiny(), in), x, eps);
        conv.useFusedPath(false);
        float[][] unfused = outputAndGradients((t, in) -> conv.forward(t, tiny(), in), x, eps);
        for (int i = 0; i < fused.length; i++) {
            assertArrayEquals(fused[i], unfused[i], 1e-5f);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesIncludingLearnedEps() {
        GINConv conv = new GINConv(new MLP(Activation.TANH, 0f, 3, 4, 2), 0.2f, true);
        conv.resetParameters(new SplittableRandom(3));
        Tensor x = GradCheck.variable(5, 3, 4);
        GradCheck.check(t -> conv.forward(t, tiny(), x), conv.parameters().toArray(new Tensor[0]));
        GradCheck.check(t -> conv.forward(t, tiny(), x), x);
    }

    @Test
    void lossFallsOnAPlantedPartition() {
        Task task = plantedPartition(200, 4, 8, 13);
        Sequential model = new Sequential(new GINConv(new MLP(8, 16, 16)), Activation.RELU.module(),
                new GINConv(new MLP(16, 16, 4), 0f, true));
        float[] loss = train(model, task, 60, 0.01);
        assertTrue(loss[1] < 0.6 * loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }
}
