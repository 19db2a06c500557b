package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DGMLPTest {
    @Test
    void matchesADenseReferenceOfHopWeightingThenMlp() {
        DGMLP model = new DGMLP(2, 0f, 3, 2);
        model.resetParameters(new SplittableRandom(1));
        Map<String, Parameter> p = model.namedParameters();
        io.gnn4j.nn.Init.uniform(p.get("hop_att.bias"), 0.5, new SplittableRandom(2));
        Tensor x = GradCheck.variable(5, 3, 3);
        double[][] a = gcnTransposed(tiny());
        double[][][] hops = {dense(x), multiply(a, dense(x)), multiply(a, multiply(a, dense(x)))};
        double[][] combined = new double[5][3];
        for (int v = 0; v < 5; v++) {
            double[] s = new double[3];
            double z = 0;
            for (int k = 0; k < 3; k++) {
                double t = p.get("hop_att.bias").get(0, 0);
                for (int j = 0; j < 3; j++) {
                    t += p.get("hop_att.weight").get(j, 0) * hops[0][v][j] + p.get("hop_att.weight").get(3 + j, 0) * hops[k][v][j];
                }
                s[k] = Math.exp(1 / (1 + Math.exp(-t)));
                z += s[k];
            }
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    combined[v][j] += s[k] / z * hops[k][v][j];
                }
            }
        }
        double[][] expected = multiply(combined, dense(p.get("mlp.0.weight"))); // bias is zero after reset
        assertClose(expected, model.forward(Tape.noGrad(), tiny(), Tensor.of(5, 3, x.toFloatArray())), 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        DGMLP model = new DGMLP(2, 0.2f, 3, 4, 2);
        model.resetParameters(new SplittableRandom(4));
        Tensor x = GradCheck.variable(5, 3, 5);
        GradCheck.check(t -> model.forward(t, tiny(), x), model.parameters().toArray(new Tensor[0]));
        GradCheck.check(t -> model.forward(t, tiny(), x), x);
    }

    @Test
    void lossFallsOnAPlantedPartition() {
        Task task = plantedPartition(200, 4, 8, 16);
        float[] loss = train(new DGMLP(3, 0.1f, 8, 16, 4), task, 60, 0.02);
        assertTrue(loss[1] < 0.6 * loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }

    @Test
    void toStringNamesHopsAndWidths() {
        assertEquals("DGMLP(K=3, mlp=MLP[8, 16, 4])", new DGMLP(3, 0f, 8, 16, 4).toString());
    }
}
