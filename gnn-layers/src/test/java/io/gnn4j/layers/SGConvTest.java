package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SGConvTest {
    @Test
    void sgConvIsKPowersOfTheGcnOperatorThenLinear() {
        Graph g = tiny();
        SGConv conv = new SGConv(3, 2, 2);
        conv.resetParameters(new SplittableRandom(1));
        Tensor x = GradCheck.variable(5, 3, 2);
        double[][] a = gcnTransposed(g);
        double[][] expected = multiply(multiply(multiply(a, a), dense(x)), dense(conv.parameters().get(0)));
        assertClose(expected, conv.forward(Tape.noGrad(), g, x), 1e-5); // bias is zero after reset
        Tensor constant = Tensor.of(5, 3, x.toFloatArray());
        float[] cached = conv.forward(Tape.noGrad(), g, constant).toFloatArray();
        assertArrayEquals(cached, conv.forward(Tape.noGrad(), g, constant).toFloatArray());
        assertArrayEquals(cached, new SGConvUncached(conv).forward(g, constant), 1e-6f);
    }

    /** Runs the same weights without caching. */
    private record SGConvUncached(SGConv cachedOne) {
        float[] forward(Graph g, Tensor x) {
            SGConv plain = new SGConv(3, 2, 2, false);
            for (int i = 0; i < plain.parameters().size(); i++) {
                plain.parameters().get(i).copyFrom(cachedOne.parameters().get(i).toFloatArray());
            }
            return plain.forward(Tape.noGrad(), g, x).toFloatArray();
        }
    }

    @Test
    void sgConvGradientsMatchFiniteDifferences() {
        SGConv conv = new SGConv(3, 2, 2, false);
        conv.resetParameters(new SplittableRandom(4));
        Tensor x = GradCheck.variable(5, 3, 5);
        GradCheck.check(t -> conv.forward(t, tiny(), x), x, conv.parameters().get(0), conv.parameters().get(1));
    }

    @Test
    void lossFallsOnAPlantedPartition() {
        Task task = plantedPartition(200, 4, 8, 14);
        float[] sgc = train(new SGConv(8, 4, 2), task, 60, 0.05);
        assertTrue(sgc[1] < 0.6 * sgc[0], "SGC loss " + sgc[0] + " -> " + sgc[1]);
    }
}
