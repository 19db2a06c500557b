package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class GlobalPoolingTest {
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
