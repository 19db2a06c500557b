package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.graph.GraphBuilder;
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

    @Test
    void poolingOverAGraphBatchFollowsItsGraphIndex() {
        Graph a = GraphBuilder.undirected(2).addEdge(0, 1).build();
        Graph b = GraphBuilder.undirected(3).addEdge(0, 1).addEdge(1, 2).build();
        GraphBatch batch = GraphBatch.of(List.of(a, b));
        Tensor x = Tensor.of(5, 1, 1, 2, 3, 4, 5);
        Tape t = Tape.noGrad();
        assertArrayEquals(new float[] {3, 12}, GlobalPooling.sum(t, x, batch).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {1.5f, 4}, GlobalPooling.mean(t, x, batch).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {2, 5}, GlobalPooling.max(t, x, batch).toFloatArray(), 1e-6f);
    }

    @Test
    void ginWithSumPoolingLearnsToSeparateGraphClasses() {
        // Class 0: paths, class 1: stars with the same node count; GIN's sum aggregation tells them apart by degree.
        java.util.List<Graph> graphs = new java.util.ArrayList<>();
        int[] y = new int[16];
        for (int i = 0; i < 16; i++) {
            int n = 4 + i % 4;
            GraphBuilder gb = GraphBuilder.undirected(n);
            for (int v = 1; v < n; v++) {
                gb.addEdge(i % 2 == 0 ? v - 1 : 0, v);
            }
            graphs.add(gb.build());
            y[i] = i % 2;
        }
        GraphBatch batch = GraphBatch.of(graphs);
        int n = batch.graph().numNodes();
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        Tensor x = Tensor.of(n, 1, ones);
        GINConv conv1 = new GINConv(new MLP(1, 16, 16));
        GINConv conv2 = new GINConv(new MLP(16, 16, 16));
        io.gnn4j.nn.Linear head = new io.gnn4j.nn.Linear(16, 2);
        SplittableRandom rng = new SplittableRandom(1);
        conv1.resetParameters(rng);
        conv2.resetParameters(rng);
        head.resetParameters(rng);
        java.util.List<io.gnn4j.nn.Parameter> params = new java.util.ArrayList<>(conv1.parameters());
        params.addAll(conv2.parameters());
        params.addAll(head.parameters());
        io.gnn4j.nn.Adam adam = new io.gnn4j.nn.Adam(params, 0.01);
        Tape t = new Tape(2);
        float first = 0, last = 0;
        for (int e = 0; e < 100; e++) {
            adam.zeroGrad();
            Tensor h = t.relu(conv2.forward(t, batch.graph(), t.relu(conv1.forward(t, batch.graph(), x))));
            Tensor loss = t.crossEntropy(head.forward(t, GlobalPooling.sum(t, h, batch)), y, null);
            t.backward(loss);
            adam.step();
            if (e == 0) {
                first = loss.item();
            }
            last = loss.item();
            t.reset();
        }
        assertTrue(last < 0.2 * first, "loss " + first + " -> " + last);
    }
}
