package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DGMLPTest {
    private static final ExecutionContext CTX = ExecutionContext.withThreads(1);
    private static final double S6 = Math.sqrt(6);

    /** The path 0 – 1 – 2 with X = [[1, 0], [0, 1], [1, 1]]; with self loops d̃ = (2, 3, 2). */
    private static Graph path() {
        return GraphBuilder.undirected(3).addEdge(0, 1).addEdge(1, 2).build();
    }

    private static Tensor pathFeatures() {
        return Tensor.of(3, 2, 1, 0, 0, 1, 1, 1);
    }

    private static void assertRows(double[][] expected, Tensor actual, double tol) {
        assertEquals(expected.length, actual.rows());
        for (int v = 0; v < expected.length; v++) {
            for (int c = 0; c < expected[v].length; c++) {
                assertEquals(expected[v][c], actual.get(v, c), tol, "row " + v + " column " + c);
            }
        }
    }

    @Test
    void twoSymmetricHopsMatchHandComputedValues() {
        // Â = [[1/2, 1/√6, 0], [1/√6, 1/3, 1/√6], [0, 1/√6, 1/2]];
        // Â² = [[5/12, 5/(6√6), 1/6], [5/(6√6), 4/9, 5/(6√6)], [1/6, 5/(6√6), 5/12]].
        Tensor p = DGMLP.propagate(path(), pathFeatures(), 2, 0.5, CTX);
        double m = 5 / (6 * S6);
        assertRows(new double[][] {
                {5.0 / 12 + 1.0 / 6, m + 1.0 / 6},
                {2 * m, 4.0 / 9 + m},
                {1.0 / 6 + 5.0 / 12, m + 5.0 / 12}}, p, 1e-6);
    }

    @Test
    void twoRandomWalkHopsMatchHandComputedValues() {
        // r = 0: P = D̃⁻¹Ã = [[1/2, 1/2, 0], [1/3, 1/3, 1/3], [0, 1/2, 1/2]];
        // P² = [[5/12, 5/12, 1/6], [5/18, 4/9, 5/18], [1/6, 5/12, 5/12]].
        Tensor p = DGMLP.propagate(path(), pathFeatures(), 2, 0.0, CTX);
        assertRows(new double[][] {{7.0 / 12, 7.0 / 12}, {5.0 / 9, 13.0 / 18}, {7.0 / 12, 5.0 / 6}}, p, 1e-6);
    }

    @Test
    void zeroHopsIsTheInputAndItIsNotModified() {
        Tensor x = pathFeatures();
        Tensor p = DGMLP.propagate(path(), x, 0, 0.5, CTX);
        assertArrayEquals(x.toFloatArray(), p.toFloatArray());
        DGMLP.combine(path(), x, 3, 0.5, CTX);
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 1}, x.toFloatArray());
    }

    @Test
    void directedGraphsAggregateOverIncomingEdges() {
        // 0 → 1 only: node 1 averages itself and node 0 (d̃₁ = 2), node 0 sees only itself (d̃₀ = 1); r = 0.
        Graph g = GraphBuilder.directed(2).addEdge(0, 1).build();
        Tensor p = DGMLP.propagate(g, Tensor.of(2, 1, 4, 2), 1, 0.0, CTX);
        assertRows(new double[][] {{4}, {3}}, p, 1e-6);
    }

    @Test
    void hopWeightsOnOneEdgeMatchHandComputedValues() {
        // One edge, X = I₂: X₁ = [[½, ½], [½, ½]], X_∞ ∝ [1, 1]. For node 0:
        // s₀ = cos(X, X)·(1 − cos([1, 0], [1, 1])) = 1 − 1/√2,   s₁ = cos([½, ½], [1, 0])·(1 − 1) = 0.
        Graph g = GraphBuilder.undirected(2).addEdge(0, 1).build();
        Tensor x = Tensor.of(2, 2, 1, 0, 0, 1);
        double e = Math.exp(1 - 1 / Math.sqrt(2));
        double w0 = e / (e + 1), w1 = 1 / (e + 1);
        Tensor w = DGMLP.hopWeights(g, x, 1, 0.5, CTX);
        assertRows(new double[][] {{w0, w1}, {w0, w1}}, w, 1e-6);
        Tensor h = DGMLP.combine(g, x, 1, 0.5, CTX);
        assertRows(new double[][] {{w0 + 0.5 * w1, 0.5 * w1}, {0.5 * w1, w0 + 0.5 * w1}}, h, 1e-6);
    }

    @Test
    void isolatedNodesKeepTheirFeaturesAndZeroRowsStayZero() {
        // Node 2 is isolated: every hop equals X[2] and X_∞[2] ∝ X[2], so all scores are 0, the weights uniform and
        // H[2] = X[2]. Node 3 is isolated with a zero row: H[3] = 0.
        Graph g = GraphBuilder.undirected(4).addEdge(0, 1).build();
        Tensor x = Tensor.of(4, 2, 1, 0, 0, 1, 3, -2, 0, 0);
        Tensor w = DGMLP.hopWeights(g, x, 4, 0.5, CTX);
        for (int k = 0; k <= 4; k++) {
            assertEquals(0.2, w.get(2, k), 1e-6);
            assertEquals(0.2, w.get(3, k), 1e-6);
        }
        Tensor h = DGMLP.combine(g, x, 4, 0.5, CTX);
        assertEquals(3, h.get(2, 0), 1e-6);
        assertEquals(-2, h.get(2, 1), 1e-6);
        assertEquals(0, h.get(3, 0));
        assertEquals(0, h.get(3, 1));
    }

    @Test
    void stationaryStateIsTheLimitOfPowerIteration() {
        // Two components (a triangle with a tail, and a path), non-regular degrees; for r = ½ and r = 0.3 the
        // rows of Â^300·X must point the same way as the closed-form X_∞.
        Graph g = GraphBuilder.undirected(7).addEdge(0, 1).addEdge(1, 2).addEdge(2, 0).addEdge(2, 3)
                .addEdge(4, 5).addEdge(5, 6).build();
        SplittableRandom rng = new SplittableRandom(5);
        float[] v = new float[7 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.1f + rng.nextFloat();
        }
        Tensor x = Tensor.of(7, 3, v);
        for (double r : new double[] {0.5, 0.3}) {
            Tensor limit = DGMLP.propagate(g, x, 300, r, CTX);
            Tensor closed = DGMLP.stationary(g, x, r);
            for (int u = 0; u < 7; u++) {
                double dot = 0, a = 0, b = 0;
                for (int c = 0; c < 3; c++) {
                    dot += limit.get(u, c) * closed.get(u, c);
                    a += limit.get(u, c) * limit.get(u, c);
                    b += closed.get(u, c) * closed.get(u, c);
                }
                assertEquals(1, dot / Math.sqrt(a * b), 1e-5, "r = " + r + ", node " + u);
            }
        }
    }

    @Test
    void withoutHiddenLayersTheOutputIsLogisticRegressionOnCombinedFeatures() {
        Graph g = path();
        Tensor x = pathFeatures();
        DGMLP model = new DGMLP(2, 3, DGMLPParameters.of(2));
        model.resetParameters(new SplittableRandom(3));
        model.eval();
        Tensor out = model.forward(Tape.noGrad(CTX), g, x);
        Tensor h = DGMLP.combine(g, x, 2, 0.5, CTX);
        Parameter wt = model.namedParameters().get("mlp.0.weight");
        Parameter b = model.namedParameters().get("mlp.0.bias");
        for (int v = 0; v < 3; v++) {
            for (int o = 0; o < 3; o++) {
                double expected = b.get(0, o) + h.get(v, 0) * wt.get(0, o) + h.get(v, 1) * wt.get(1, o);
                assertEquals(expected, out.get(v, o), 1e-6);
            }
        }
        assertEquals(2 * 3 + 3, model.numParameters());
    }

    @Test
    void gradientsOfTheTrainablePartMatchFiniteDifferences() {
        Graph g = path();
        Tensor x = pathFeatures();
        DGMLP model = new DGMLP(2, 2, DGMLPParameters.of(3).withHidden(4).withActivation(Activation.TANH));
        model.resetParameters(new SplittableRandom(11));
        model.eval();
        GradCheck.check(tape -> model.forward(tape, g, x), model.parameters().toArray(new Tensor[0]));
    }

    @Test
    void trainingLowersTheLossAndFitsAPlantedPartition() {
        Task t = plantedPartition(200, 4, 8, 17);
        DGMLP model = new DGMLP(8, 4, DGMLPParameters.of(6).withHidden(16).withInputDropout(0.1f));
        float[] losses = train(model, t, 100, 0.05, 1);
        assertTrue(losses[1] < 0.5f * losses[0], "loss " + losses[0] + " → " + losses[1]);
        model.eval();
        int[] pred = model.forward(Tape.noGrad(CTX), t.graph, t.x).argmaxRows();
        int correct = 0;
        for (int v = 0; v < pred.length; v++) {
            correct += pred[v] == t.labels[v] ? 1 : 0;
        }
        // The raw features alone classify 88 of 200 nodes by their arg-max; smoothing lifts the trained model to 150.
        assertTrue(correct >= 140, "accuracy " + correct + "/200");
    }

    @Test
    void sameSeedGivesBitIdenticalTraining() {
        Task t = plantedPartition(120, 3, 6, 4);
        DGMLP a = new DGMLP(6, 3, DGMLPParameters.of(4).withHidden(8));
        DGMLP b = new DGMLP(6, 3, DGMLPParameters.of(4).withHidden(8));
        train(a, t, 10, 0.05, 9);
        train(b, t, 10, 0.05, 9);
        a.eval();
        b.eval();
        assertArrayEquals(a.forward(Tape.noGrad(CTX), t.graph, t.x).toFloatArray(),
                b.forward(Tape.noGrad(CTX), t.graph, t.x).toFloatArray());
    }

    @Test
    void combinedFeaturesAreTheSameForAnyThreadCount() {
        Task t = plantedPartition(300, 3, 5, 8);
        Tensor one = DGMLP.combine(t.graph, t.x, 8, 0.5, ExecutionContext.withThreads(1));
        Tensor four = DGMLP.combine(t.graph, t.x, 8, 0.5, ExecutionContext.withThreads(4));
        assertArrayEquals(one.toFloatArray(), four.toFloatArray());
    }

    @Test
    void combinedFeaturesAreComputedOncePerGraphAndInput() {
        Graph g = path();
        Tensor x = pathFeatures();
        DGMLP model = new DGMLP(2, 2, DGMLPParameters.of(2));
        Tensor first = model.combined(g, x, CTX);
        assertSame(first, model.combined(g, x, CTX));
        Tensor other = pathFeatures();
        Tensor recomputed = model.combined(g, other, CTX);
        assertNotSame(first, recomputed);
        assertArrayEquals(first.toFloatArray(), recomputed.toFloatArray());
    }

    @Test
    void invalidOptionsNameTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> DGMLPParameters.of(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DGMLPParameters.of(2).withInputDropout(1f));
        assertTrue(e.getMessage().contains("1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DGMLP.combine(path(), Tensor.of(2, 1, 1, 2), 2, 0.5, CTX));
        assertTrue(e.getMessage().contains("2 rows") && e.getMessage().contains("3 nodes"), e.getMessage());
        Tensor variable = Tensor.variable(pathFeatures().value());
        assertThrows(IllegalArgumentException.class, () -> DGMLP.combine(path(), variable, 2, 0.5, CTX));
    }

    private record Task(Graph graph, Tensor x, int[] labels, int[] train) {}

    /** n nodes in k blocks, 3 edges inside the block per node and one random edge every other node; noisy one-hot. */
    private static Task plantedPartition(int n, int k, int f, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] labels = new int[n];
        GraphBuilder b = GraphBuilder.undirected(n);
        for (int v = 0; v < n; v++) {
            labels[v] = v % k;
        }
        for (int v = 0; v < n; v++) {
            for (int i = 0; i < 3; i++) {
                int u = r.nextInt(n / k) * k + labels[v];
                if (u != v) {
                    b.addEdge(v, u);
                }
            }
            int u = r.nextInt(n);
            if (v % 2 == 0 && u != v) {
                b.addEdge(v, u);
            }
        }
        float[] x = new float[n * f];
        for (int v = 0; v < n; v++) {
            for (int c = 0; c < f; c++) {
                x[v * f + c] = (float) r.nextGaussian() + (c == labels[v] ? 0.6f : 0f);
            }
        }
        int[] train = new int[n / 2];
        for (int i = 0; i < train.length; i++) {
            train[i] = i; // the first half: every class (labels cycle with period k)
        }
        return new Task(b.build(), Tensor.of(n, f, x), labels, train);
    }

    /** Full-batch Adam for {@code epochs} steps from a fixed seed; returns {first loss, last loss}. */
    private static float[] train(DGMLP model, Task t, int epochs, double lr, long seed) {
        model.resetParameters(new SplittableRandom(seed));
        model.train();
        Adam adam = new Adam(model.parameters(), lr, 5e-4);
        Tape tape = new Tape(seed, CTX);
        float first = 0, last = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            adam.zeroGrad();
            Tensor loss = tape.crossEntropy(model.forward(tape, t.graph, t.x), t.labels, t.train);
            tape.backward(loss);
            adam.step();
            if (epoch == 0) {
                first = loss.item();
            }
            last = loss.item();
            tape.reset();
        }
        return new float[] {first, last};
    }
}
