package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Optimiser updates against hand-computed steps, clipping, schedules and initialisers. */
class OptimizerTest {
    private static Parameter param(float... v) {
        Parameter p = new Parameter(1, v.length);
        p.copyFrom(v);
        return p;
    }

    private static void setGrad(Parameter p, float... g) {
        for (int i = 0; i < g.length; i++) {
            p.gradData().setAtIndex(Tensor.F, i, g[i]);
        }
    }

    @Test
    void sgdWithMomentumAndWeightDecay() {
        Parameter p = param(1, -2);
        Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0.5);
        setGrad(p, 1, 1);
        sgd.step(); // g = (1.5, 0); b = g; w = (0.85, -2)
        assertArrayEquals(new float[] {0.85f, -2f}, p.toFloatArray(), 1e-6f);
        sgd.step(); // g = (1 + 0.425, 1 - 1) = (1.425, 0); b = (0.9·1.5 + 1.425, 0) = (2.775, 0)
        assertArrayEquals(new float[] {0.85f - 0.2775f, -2f}, p.toFloatArray(), 1e-6f);
    }

    @Test
    void adamFirstStepMovesByTheLearningRate() {
        Parameter p = param(1, -2, 3);
        Adam adam = new Adam(List.of(p), 0.01);
        setGrad(p, 4, -0.5f, 1e-3f);
        adam.step(); // m̂ = g, v̂ = g², so the step is lr·sign(g) (up to ε)
        assertArrayEquals(new float[] {0.99f, -1.99f, 2.99f}, p.toFloatArray(), 1e-5f);
    }

    @Test
    void adamSecondStepMatchesTheFormula() {
        Parameter p = param(0.5f);
        Adam adam = new Adam(List.of(p), 0.1, 0.9, 0.999, 1e-8, 0, false);
        setGrad(p, 1);
        adam.step();
        setGrad(p, -2);
        adam.step();
        double m = 0.9 * 0.1 + 0.1 * -2, v = 0.999 * 0.001 + 0.001 * 4;
        double mh = m / (1 - 0.81), vh = v / (1 - 0.999 * 0.999);
        double expected = 0.5 - 0.1 - 0.1 * mh / (Math.sqrt(vh) + 1e-8);
        assertEquals(expected, p.get(0, 0), 1e-5);
    }

    @Test
    void adamWDecaysWeightsIndependentlyOfTheGradient() {
        Parameter p = param(2f);
        Adam w = Adam.adamW(List.of(p), 0.1, 0.5);
        setGrad(p, 0f); // zero gradient: only the decoupled decay acts
        w.step();
        assertEquals(2f * (1 - 0.05f), p.get(0, 0), 1e-6);
        Parameter q = param(2f);
        Adam l2 = new Adam(List.of(q), 0.1, 0.5);
        setGrad(q, 0f); // coupled: the decay goes through the moments, first step = lr·sign
        l2.step();
        assertEquals(1.9f, q.get(0, 0), 1e-5);
    }

    @Test
    void clipNormScalesAllGradientsTogether() {
        Parameter a = param(0, 0), b = param(0);
        setGrad(a, 3, 0);
        setGrad(b, 4);
        double norm = GradientClipping.clipNorm(List.of(a, b), 1.0);
        assertEquals(5.0, norm, 1e-9);
        assertEquals(0.6f, a.gradAt(0, 0), 1e-5);
        assertEquals(0.8f, b.gradAt(0, 0), 1e-5);
        GradientClipping.clipValue(List.of(a, b), 0.7f);
        assertEquals(0.7f, b.gradAt(0, 0), 0);
    }

    @Test
    void stepScheduleMultipliesEveryStepSizeEpochs() {
        Sgd sgd = new Sgd(List.of(param(0)), 1.0);
        StepLR s = new StepLR(sgd, 2, 0.5);
        double[] lrs = new double[5];
        for (int i = 0; i < 5; i++) {
            lrs[i] = s.step();
        }
        assertArrayEquals(new double[] {1, 0.5, 0.5, 0.25, 0.25}, lrs, 1e-12);
    }

    @Test
    void initialisersRespectTheirBoundsAndSeeds() {
        Parameter w = new Parameter(30, 20);
        Init.glorotUniform(w, new SplittableRandom(1));
        float bound = (float) Math.sqrt(6.0 / 50);
        for (float v : w.toFloatArray()) {
            assertTrue(Math.abs(v) <= bound, "glorot value " + v + " exceeds " + bound);
        }
        Parameter w2 = new Parameter(30, 20);
        Init.glorotUniform(w2, new SplittableRandom(1));
        assertArrayEquals(w.toFloatArray(), w2.toFloatArray());
        Parameter k = new Parameter(400, 50);
        Init.kaimingNormal(k, new SplittableRandom(2));
        assertEquals(2.0 / 400, variance(k.toFloatArray()), 0.1 * 2.0 / 400);
        Init.lecunNormal(k, new SplittableRandom(3));
        assertEquals(1.0 / 400, variance(k.toFloatArray()), 0.1 / 400);
    }

    @Test
    void orthogonalRowsAreOrthonormal() {
        for (int[] shape : new int[][] {{4, 7}, {7, 4}}) {
            Parameter w = new Parameter(shape[0], shape[1]);
            Init.orthogonal(w, 1.0, new SplittableRandom(9));
            int k = Math.min(shape[0], shape[1]);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int l = 0; l < Math.max(shape[0], shape[1]); l++) {
                        dot += shape[0] <= shape[1] ? w.get(i, l) * w.get(j, l) : w.get(l, i) * w.get(l, j);
                    }
                    assertEquals(i == j ? 1 : 0, dot, 1e-5);
                }
            }
        }
    }

    @Test
    void badHyperParametersAreRejected() {
        List<Parameter> ps = List.of(param(0));
        var e = assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, 0.1, 1.0, 0));
        assertTrue(e.getMessage().contains("[0, 1)") && e.getMessage().contains("1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Adam(ps, -1));
    }

    private static double variance(float[] v) {
        double s = 0, s2 = 0;
        for (float x : v) {
            s += x;
            s2 += (double) x * x;
        }
        double m = s / v.length;
        return s2 / v.length - m * m;
    }
}
