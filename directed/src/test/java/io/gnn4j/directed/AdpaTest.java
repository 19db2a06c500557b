package io.gnn4j.directed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdpaTest {
    private static final ExecutionContext CTX = ExecutionContext.withThreads(1);

    private static Tensor features(int n, int f, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * f];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Tensor.of(n, f, v);
    }

    @Test
    void propagationAppliesTheStepFactorsAndTheSelfLoopedOneHopOperators() {
        Graph g = Generators.randomDirected(12, 30, false, 3);
        Tensor x = features(12, 4, 1);
        Tensor[][] steps = Adpa.propagate(g, x, 2, 0.43, CTX);
        float[] x0 = new float[48];
        for (int i = 0; i < 48; i++) {
            x0[i] = x.get(i / 4, i % 4);
        }
        double g0 = 1 + 1e-6, g1 = Math.log(0.5) + 1 + 1e-6;
        for (Pattern p : Pattern.values()) {
            PatternOperator op = PatternOperator.of(g, p, !p.twoHop(), false, 0.43, CTX);
            float[] s1 = op.apply(scaled(x0, g0), 4, CTX);
            float[] s2 = op.apply(scaled(s1, g1), 4, CTX);
            assertSame(x, steps[p.ordinal()][0]);
            for (int i = 0; i < 48; i++) {
                assertEquals(s1[i], steps[p.ordinal()][1].get(i / 4, i % 4), 1e-6, p + " step 1");
                assertEquals(s2[i], steps[p.ordinal()][2].get(i / 4, i % 4), 1e-6, p + " step 2");
            }
        }
    }

    @Test
    void storedSelfLoopsAreDroppedBeforeThePatternsAreFormed() {
        Graph g = Generators.randomDirected(12, 30, false, 3);
        Graph looped = GraphBuilder.from(g).addEdge(2, 2).addEdge(7, 7).build();
        Tensor x = features(12, 4, 1);
        Tensor[][] plain = Adpa.propagate(g, x, 2, 0.43, CTX);
        Tensor[][] withLoops = Adpa.propagate(looped, x, 2, 0.43, CTX);
        for (Pattern p : Pattern.values()) {
            for (int k = 1; k <= 2; k++) {
                assertArrayEquals(plain[p.ordinal()][k].toFloatArray(), withLoops[p.ordinal()][k].toFloatArray(),
                        p + " step " + k);
            }
        }
    }

    private static float[] scaled(float[] x, double s) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (s * x[i]);
        }
        return y;
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Graph g = Generators.randomDirected(10, 25, false, 5);
        Tensor x = features(10, 3, 2);
        Adpa model = new Adpa(3, 2, 4, 2, 0.43, 0f);
        model.resetParameters(new SplittableRandom(1));
        // a small step: with 10 nodes × 4 hidden units some ReLU inputs lie within 1e-2 of their kink
        GradCheck.check(tape -> model.forward(tape, g, x), 1e-3, 2e-3, 1e-2, model.parameters().toArray(new Tensor[0]));
    }

    @Test
    void fitsASmallDirectedGraphAndCachesThePropagation() {
        Graph g = Generators.randomDirected(40, 120, false, 9);
        Tensor x = features(40, 6, 4);
        int[] labels = new int[40];
        int[] all = new int[40];
        for (int v = 0; v < 40; v++) {
            labels[v] = x.get(v, 0) > 0 ? 1 : 0;
            all[v] = v;
        }
        Adpa model = new Adpa(6, 2, 8, 2, Adpa.DEFAULT_R, 0f);
        model.resetParameters(new SplittableRandom(3));
        Adam adam = new Adam(model.parameters(), 0.05);
        Tensor[][] first = model.propagated(g, x, CTX);
        double firstLoss = 0, loss = 0;
        for (int step = 0; step < 100; step++) {
            Tape tape = new Tape(step, CTX);
            adam.zeroGrad();
            Tensor l = tape.crossEntropy(model.forward(tape, g, x), labels, all);
            loss = l.item();
            firstLoss = step == 0 ? loss : firstLoss;
            tape.backward(l);
            adam.step();
        }
        assertTrue(loss < 0.2 * firstLoss, firstLoss + " -> " + loss);
        assertSame(first, model.propagated(g, x, CTX));
        Tape eval = Tape.noGrad(CTX);
        assertArrayEquals(new int[] {40, 2}, new int[] {model.forward(eval, g, x).rows(),
                model.forward(eval, g, x).cols()});
    }

    @Test
    void rejectsBadOptionsAndInputs() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adpa(3, 2, 4, 0, 0.5, 0f)).getMessage()
                .contains("steps must be >= 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adpa(3, 2, 4, 2, 0.5, 1f)).getMessage()
                .contains("dropout must be in [0, 1), got 1.0"));
        Graph g = Generators.randomDirected(5, 8, false, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Adpa.propagate(g, features(4, 2, 1), 2, 0.5,
                CTX)).getMessage().contains("x has 4 rows but the graph has 5 nodes"));
    }
}
