package io.gnn4j.directed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatternOperatorTest {
    private static final ExecutionContext CTX = ExecutionContext.withThreads(1);

    private static double[][] dense(Graph g, boolean selfLoops) {
        int n = g.numNodes();
        double[][] a = new double[n][n];
        int[] rp = g.rowPtr(), ci = g.colIdx();
        for (int u = 0; u < n; u++) {
            for (int e = rp[u]; e < rp[u + 1]; e++) {
                a[u][ci[e]] += g.weight(e);
            }
            if (selfLoops && a[u][u] == 0) {
                a[u][u] = 1;
            }
        }
        return a;
    }

    private static double[][] product(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        int n = a.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** The naive dense D^{r−1}·P'·D^{−r}. */
    private static double[][] naive(Graph g, Pattern p, boolean selfLoops, boolean dropDiagonal, double r) {
        double[][] a = dense(g, selfLoops), at = transpose(a);
        double[][] m = switch (p) {
            case A -> a;
            case AT -> at;
            case AA -> product(a, a);
            case ATAT -> product(at, at);
            case AAT -> product(a, at);
            case ATA -> product(at, a);
        };
        int n = a.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            if (dropDiagonal) {
                m[i][i] = 0;
            }
            for (int j = 0; j < n; j++) {
                d[i] += m[i][j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] *= (d[i] > 0 ? Math.pow(d[i], r - 1) : 0) * (d[j] > 0 ? Math.pow(d[j], -r) : 0);
            }
        }
        return m;
    }

    @Test
    void matchesDenseProductsOnRandomDirectedGraphs() {
        SplittableRandom rng = new SplittableRandom(7);
        for (long seed = 0; seed < 4; seed++) {
            Graph g = Generators.randomDirected(25, 60, seed % 2 == 0, seed);
            int n = g.numNodes(), f = 3;
            float[] x = new float[n * f];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            for (Pattern p : Pattern.values()) {
                for (boolean loops : new boolean[] {false, true}) {
                    for (boolean drop : new boolean[] {false, true}) {
                        double r = 0.43;
                        double[][] m = naive(g, p, loops, drop, r);
                        float[] y = PatternOperator.of(g, p, loops, drop, r, CTX).apply(x, f, CTX);
                        for (int u = 0; u < n; u++) {
                            for (int c = 0; c < f; c++) {
                                double e = 0;
                                for (int v = 0; v < n; v++) {
                                    e += m[u][v] * x[v * f + c];
                                }
                                assertEquals(e, y[u * f + c], 1e-4, p + " loops=" + loops + " drop=" + drop
                                        + " seed " + seed + " node " + u);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void materialisedTwoHopPatternsGiveTheFactoredResult() {
        Graph g = Generators.randomDirected(40, 150, true, 11);
        SplittableRandom rng = new SplittableRandom(12);
        int f = 4;
        float[] x = new float[40 * f];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (Pattern p : Pattern.values()) {
            for (boolean drop : new boolean[] {false, true}) {
                float[] factored = PatternOperator.of(g, p, false, drop, 0.43, PatternOperator.TwoHop.FACTORED, CTX)
                        .apply(x, f, CTX);
                float[] materialised = PatternOperator.of(g, p, false, drop, 0.43,
                        PatternOperator.TwoHop.MATERIALISED, CTX).apply(x, f, CTX);
                assertArrayEquals(factored, materialised, 1e-5f, p + " drop=" + drop);
            }
        }
    }

    @Test
    void rejectsWrongFeatureSize() {
        Graph g = Generators.randomDirected(5, 8, false, 1);
        PatternOperator op = PatternOperator.of(g, Pattern.AA, false, false, 0.5, CTX);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.apply(new float[7], 2, CTX));
        assertTrue(e.getMessage().contains("7 floats, expected 5×2"), e.getMessage());
    }
}
