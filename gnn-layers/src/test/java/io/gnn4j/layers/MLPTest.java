package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MLPTest {
    @Test
    void mlpAppliesActivationBetweenLayersOnly() {
        MLP mlp = new MLP(Activation.RELU, 0f, 2, 2, 1);
        var p = mlp.parameters(); // 0.weight, 0.bias, 1.weight, 1.bias
        p.get(0).copyFrom(new float[] {1, 0, 0, 1});
        p.get(1).copyFrom(new float[] {0, 0});
        p.get(2).copyFrom(new float[] {1, 1});
        p.get(3).copyFrom(new float[] {-10});
        Tensor y = mlp.forward(Tape.noGrad(), Tensor.of(2, 2, 1, -2, 3, 4));
        assertArrayEquals(new float[] {1 - 10, 7 - 10}, y.toFloatArray(), 1e-6f);
        MLP smooth = new MLP(Activation.TANH, 0f, 2, 3, 2); // tanh: no kink for finite differences to straddle
        smooth.resetParameters(new SplittableRandom(2));
        Tensor x = GradCheck.variable(3, 2, 3);
        GradCheck.check(t -> smooth.forward(t, x), x);
        GradCheck.check(t -> smooth.forward(t, x), smooth.parameters().toArray(new Tensor[0]));
    }
}
