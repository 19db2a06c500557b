package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import org.junit.jupiter.api.Test;

class APPNPTest {
    @Test
    void appnpMatchesDensePowerIteration() {
        Graph g = tiny();
        Tensor h = GradCheck.variable(5, 2, 6);
        double alpha = 0.1;
        double[][] a = gcnTransposed(g), h0 = dense(h), z = dense(h);
        for (int k = 0; k < 10; k++) {
            double[][] az = multiply(a, z);
            for (int i = 0; i < az.length; i++) {
                for (int j = 0; j < az[0].length; j++) {
                    az[i][j] = (1 - alpha) * az[i][j] + alpha * h0[i][j];
                }
            }
            z = az;
        }
        assertClose(z, new APPNP(10, 0.1f).forward(Tape.noGrad(), g, h), 1e-5);
    }

    @Test
    void appnpGradientsMatchFiniteDifferences() {
        Tensor h = GradCheck.variable(5, 2, 7);
        GradCheck.check(t -> new APPNP(3, 0.2f).forward(t, tiny(), h), h);
    }

    @Test
    void lossFallsOnAPlantedPartition() {
        Task task = plantedPartition(200, 4, 8, 14);
        float[] appnp = train(new Sequential(new MLP(8, 16, 4), new APPNP(5, 0.1f)), task, 60, 0.02);
        assertTrue(appnp[1] < 0.6 * appnp[0], "APPNP loss " + appnp[0] + " -> " + appnp[1]);
    }
}
