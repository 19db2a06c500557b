package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** MLP, Sequential, Dropout, pooling and a user-written MessagePassing layer. */
class ModulesTest {
    /** The layer of MessagePassing's Javadoc: mean of incoming neighbours minus own features. */
    static final class Difference extends MessagePassing {
        Difference() {
            super(Aggregation.MEAN);
        }

        @Override
        public Tensor forward(Tape t, Graph g, Tensor x) {
            return propagate(t, g, x);
        }

        @Override
        protected Tensor update(Tape t, Tensor aggregated, Tensor x) {
            return t.sub(aggregated, x);
        }
    }

    @Test
    void aUserLayerOverridesOnlyWhatDiffers() {
        Difference d = new Difference();
        assertFalse(d.usesFusedPath());
        Tensor y = d.forward(Tape.noGrad(), tiny(), Tensor.of(5, 1, 1, 2, 3, 4, 5));
        assertArrayEquals(new float[] {2 - 1, 8f / 3 - 2, 2.5f - 3, 5 - 4, 0 - 5}, y.toFloatArray(), 1e-5f);
    }

    @Test
    void minAggregationIsTheNegatedMaxOfNegations() {
        MessagePassing min = new MessagePassing(Aggregation.MIN) {
            @Override
            public Tensor forward(Tape t, Graph g, Tensor x) {
                return propagate(t, g, x);
            }
        };
        Tensor y = min.forward(Tape.noGrad(), tiny(), Tensor.of(5, 1, 1, 2, 3, 4, 5));
        assertArrayEquals(new float[] {2, 1, 1, 5, 0}, y.toFloatArray(), 1e-6f);
    }

    @Test
    void sequentialNamesParametersByPositionAndPropagatesEvalMode() {
        Sequential s = new Sequential(new Dropout(0.5f), new GCNConv(4, 3), Activation.RELU.module(),
                new SAGEConv(3, 2));
        assertEquals(List.of("1.weight", "1.bias", "3.lin_l.weight", "3.lin_l.bias", "3.lin_r.weight"),
                List.copyOf(s.namedParameters().keySet()));
        assertEquals(4 * 3 + 3 + 3 * 2 + 2 + 3 * 2, s.numParameters());
        s.eval();
        assertFalse(s.steps().get(0).isTraining());
        s.resetParameters(new SplittableRandom(1));
        Tensor x = GradCheck.variable(5, 4, 1);
        assertArrayEquals(s.forward(Tape.noGrad(), tiny(), x).toFloatArray(),
                s.forward(new Tape(99), tiny(), x).toFloatArray(), "eval mode ignores the tape's dropout seed");
        s.train();
        assertTrue(s.steps().get(0).isTraining());
    }

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

    @Test
    void dropoutModuleDrawsDifferentMasksPerStep() {
        Dropout d = new Dropout(0.5f);
        Tensor x = Tensor.of(10, 10, new float[100]);
        for (int i = 0; i < 100; i++) {
            x.set(i / 10, i % 10, 1f);
        }
        Tape t = new Tape(1);
        float[] a = d.forward(t, tiny(), x).toFloatArray();
        t.reset();
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(d.forward(t, tiny(), x).toFloatArray()));
    }

    @Test
    void globalPoolingReducesNodesPerGraph() {
        Tensor x = Tensor.of(5, 2, 1, 2, 3, -4, 5, 6, 7, 8, 9, -1);
        int[] graphOf = {0, 0, 1, 1, 1};
        Tape t = Tape.noGrad();
        assertArrayEquals(new float[] {4, -2, 21, 13}, GlobalPooling.sum(t, x, graphOf, 2).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {2, -1, 7, 13f / 3}, GlobalPooling.mean(t, x, graphOf, 2).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {3, 2, 9, 8}, GlobalPooling.max(t, x, graphOf, 2).toFloatArray(), 1e-6f);
        Tensor v = GradCheck.variable(5, 2, 9);
        GradCheck.check(tape -> GlobalPooling.mean(tape, v, graphOf, 2), v);
    }
}
