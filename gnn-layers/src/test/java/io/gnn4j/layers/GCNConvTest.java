package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GCNConvTest {
    @Test
    void pathGraphMatchesHandComputedValues() {
        Graph g = GraphBuilder.undirected(3).addEdge(0, 1).addEdge(1, 2).build();
        GCNConv conv = new GCNConv(1, 1, false, true);
        Init.constant(conv.parameters().get(0), 1f);
        Tensor y = conv.forward(Tape.noGrad(), g, Tensor.of(3, 1, 1, 2, 3));
        double s6 = Math.sqrt(6);
        // degrees with self loops 2, 3, 2
        assertArrayEquals(new float[] {(float) (0.5 + 2 / s6), (float) (1 / s6 + 2.0 / 3 + 3 / s6),
                (float) (2 / s6 + 1.5)}, y.toFloatArray(), 1e-6f);
    }

    @Test
    void matchesDenseReferenceOnADirectedWeightedGraph() {
        Graph g = GraphBuilder.directed(4).addEdge(0, 1, 2f).addEdge(1, 2, 0.5f).addEdge(3, 1, 1f).addEdge(2, 0, 1f)
                .build();
        GCNConv conv = new GCNConv(3, 2);
        conv.resetParameters(new SplittableRandom(2));
        Init.uniform(conv.parameters().get(1), 1, new SplittableRandom(3));
        Tensor x = GradCheck.variable(4, 3, 4);
        double[][] expected = multiply(multiply(gcnTransposed(g), dense(x)), dense(conv.parameters().get(0)));
        for (double[] row : expected) {
            for (int j = 0; j < row.length; j++) {
                row[j] += conv.parameters().get(1).get(0, j);
            }
        }
        assertClose(expected, conv.forward(Tape.noGrad(), g, x), 1e-5);
    }

    @Test
    void sameOutputAndGradientsForFusedAndUnfusedPaths() {
        Graph g = tiny();
        GCNConv conv = new GCNConv(3, 4);
        conv.resetParameters(new SplittableRandom(5));
        Tensor x = GradCheck.variable(5, 3, 6);
        Tensor w = conv.parameters().get(0);
        assertTrue(conv.usesFusedPath());
        float[][] fused = outputAndGradients((t, in) -> conv.forward(t, g, in), x, w);
        conv.useFusedPath(false);
        float[][] unfused = outputAndGradients((t, in) -> conv.forward(t, g, in), x, w);
        for (int i = 0; i < fused.length; i++) {
            assertArrayEquals(fused[i], unfused[i], 1e-5f);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Graph g = tiny();
        GCNConv conv = new GCNConv(3, 2);
        conv.resetParameters(new SplittableRandom(7));
        Tensor x = GradCheck.variable(5, 3, 8);
        var p = conv.parameters();
        GradCheck.check(t -> conv.forward(t, g, x), x, p.get(0), p.get(1));
    }

    @Test
    void lossFallsOnAPlantedPartition() {
        Task task = plantedPartition(200, 4, 8, 11);
        Sequential model = new Sequential(new GCNConv(8, 16), Activation.RELU.module(), new Dropout(0.3f),
                new GCNConv(16, 4));
        float[] loss = train(model, task, 60, 0.05);
        assertTrue(loss[1] < 0.6 * loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }

    @Test
    void toStringNamesTheWidths() {
        assertEquals("GCNConv(16, 32)", new GCNConv(16, 32).toString());
    }
}
