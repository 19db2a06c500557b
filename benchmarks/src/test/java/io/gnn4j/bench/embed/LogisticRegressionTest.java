package io.gnn4j.bench.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    private static final ExecutionContext ONE = ExecutionContext.withThreads(1);
    private static final ExecutionContext FOUR = ExecutionContext.withThreads(4);

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void objectiveAndGradientMatchHandComputedValues() {
        // Two samples x = 1 (label 1) and x = −2 (no label), one feature, one label, C = 2, θ = (w, b) = (0.5, 0.1).
        var p = new LogisticRegression.Problem(new double[] {1, -2}, 2, 1, 1, new byte[] {1, 0},
                new boolean[] {true}, 2.0, true, ONE);
        double[] grad = new double[2];
        double value = p.evaluate(new double[] {0.5, 0.1}, grad);
        double z1 = 0.6, z2 = -0.9;
        double expected = 0.5 * 0.25 + 0.5 * 0.01 + 2 * (Math.log(1 + Math.exp(-z1)) + Math.log(1 + Math.exp(z2)));
        double gw = 0.5 + 2 * ((sigmoid(z1) - 1) * 1 + sigmoid(z2) * -2);
        double gb = 0.1 + 2 * ((sigmoid(z1) - 1) + sigmoid(z2));
        assertEquals(expected, value, 1e-12);
        assertEquals(gw, grad[0], 1e-12);
        assertEquals(gb, grad[1], 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(1);
        int m = 30, f = 5, k = 3;
        double[] x = new double[m * f];
        byte[] t = new byte[m * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) (r.nextDouble() < 0.3 ? 1 : 0);
        }
        for (boolean pen : new boolean[] {true, false}) {
            var p = new LogisticRegression.Problem(x, m, f, k, t, new boolean[] {true, true, true}, 0.7, pen, ONE);
            double[] theta = new double[k * f + k];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = r.nextGaussian() * 0.5;
            }
            double[] g = new double[theta.length];
            p.evaluate(theta, g);
            double h = 1e-6;
            for (int i = 0; i < theta.length; i++) {
                double[] tp = theta.clone(), tm = theta.clone();
                tp[i] += h;
                tm[i] -= h;
                double fd = (p.evaluate(tp, new double[theta.length]) - p.evaluate(tm, new double[theta.length]))
                        / (2 * h);
                assertEquals(fd, g[i], 1e-5 * Math.max(1, Math.abs(fd)), "component " + i);
            }
        }
    }

    /** Newton's method on one label with a dense (F+1)×(F+1) Hessian: the independent reference optimum. */
    private static double[] newton(float[] x, int f, int[] rows, boolean[] y, double c, boolean penalizeB) {
        int d = f + 1;
        double[] th = new double[d];
        for (int it = 0; it < 50; it++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int j = 0; j < f; j++) {
                g[j] = th[j];
                h[j][j] = 1;
            }
            if (penalizeB) {
                g[f] = th[f];
                h[f][f] = 1;
            }
            for (int i = 0; i < rows.length; i++) {
                double[] xi = new double[d];
                for (int j = 0; j < f; j++) {
                    xi[j] = x[rows[i] * f + j];
                }
                xi[f] = 1;
                double z = 0;
                for (int j = 0; j < d; j++) {
                    z += th[j] * xi[j];
                }
                double s = sigmoid(z);
                for (int a = 0; a < d; a++) {
                    g[a] += c * (s - (y[i] ? 1 : 0)) * xi[a];
                    for (int b = 0; b < d; b++) {
                        h[a][b] += c * s * (1 - s) * xi[a] * xi[b];
                    }
                }
            }
            double[] step = solve(h, g);
            for (int j = 0; j < d; j++) {
                th[j] -= step[j];
            }
        }
        return th;
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(m[i][col]) > Math.abs(m[piv][col])) {
                    piv = i;
                }
            }
            double[] tmp = m[col];
            m[col] = m[piv];
            m[piv] = tmp;
            for (int i = 0; i < n; i++) {
                if (i != col) {
                    double q = m[i][col] / m[col][col];
                    for (int j = col; j <= n; j++) {
                        m[i][j] -= q * m[col][j];
                    }
                }
            }
        }
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = m[i][n] / m[i][i];
        }
        return xs;
    }

    @Test
    void lbfgsReachesTheNewtonOptimumOfEveryLabel() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 120, f = 4, k = 3;
        float[] x = new float[n * f];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] offsets = new int[n + 1];
        int[] labels = new int[n * k];
        int cnt = 0;
        for (int u = 0; u < n; u++) {
            for (int c = 0; c < k; c++) {
                double z = x[u * f + c] * 2 - 0.5 * x[u * f + 3] + (c - 1) * 0.5 + r.nextGaussian();
                if (z > 0) {
                    labels[cnt++] = c;
                }
            }
            offsets[u + 1] = cnt;
        }
        int[] rows = new int[100];
        for (int i = 0; i < 100; i++) {
            rows[i] = i;
        }
        for (boolean pen : new boolean[] {true, false}) {
            var params = new LogisticRegressionParameters(0.5, pen, 1000, 1e-9);
            var lr = new LogisticRegression(params, ONE);
            OneVsRestModel model = lr.fit(x, f, rows, offsets, java.util.Arrays.copyOf(labels, cnt), k);
            assertTrue(lr.lastConverged(), lr.lastConvergence());
            for (int c = 0; c < k; c++) {
                boolean[] y = new boolean[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    for (int t = offsets[rows[i]]; t < offsets[rows[i] + 1]; t++) {
                        y[i] |= labels[t] == c;
                    }
                }
                double[] ref = newton(x, f, rows, y, 0.5, pen);
                for (int j = 0; j < f; j++) {
                    assertEquals(ref[j], model.weights()[c * f + j], 1e-6, "label " + c + " weight " + j);
                }
                assertEquals(ref[f], model.bias()[c], 1e-6, "label " + c + " bias");
            }
        }
    }

    @Test
    void separableProblemIsClassifiedPerfectly() {
        // Label 0 for points around (+2, +2), label 1 around (−2, −2); predict the top-1 label.
        SplittableRandom r = new SplittableRandom(3);
        int n = 200, f = 2;
        float[] x = new float[n * f];
        int[] offsets = new int[n + 1];
        int[] labels = new int[n];
        for (int u = 0; u < n; u++) {
            int c = u % 2;
            double centre = c == 0 ? 2 : -2;
            x[u * 2] = (float) (centre + r.nextGaussian() * 0.5);
            x[u * 2 + 1] = (float) (centre + r.nextGaussian() * 0.5);
            labels[u] = c;
            offsets[u + 1] = u + 1;
        }
        int[] train = new int[100], test = new int[100], ones = new int[100];
        for (int i = 0; i < 100; i++) {
            train[i] = i;
            test[i] = 100 + i;
            ones[i] = 1;
        }
        OneVsRestModel model = new LogisticRegression(LogisticRegressionParameters.of(1.0), ONE)
                .fit(x, f, train, offsets, labels, 2);
        int[][] pred = model.predictTopK(x, test, ones);
        for (int i = 0; i < 100; i++) {
            assertEquals(labels[test[i]], pred[1][i], "test node " + test[i]);
        }
        MultiLabelF1 f1 = MultiLabelF1.of(java.util.Arrays.copyOf(offsets, 101), labels, pred[0], pred[1], 2);
        // offsets of the test rows start at 0 because every node has exactly one label.
        assertEquals(1.0, f1.micro(), 1e-12);
        assertEquals(1.0, f1.macro(), 1e-12);
    }

    @Test
    void labelWithoutPositiveTrainingExampleIsNeverPredicted() {
        float[] x = {1, 0, 0, 1, 1, 1, -1, 0};
        int[] offsets = {0, 1, 2, 3, 4};
        int[] labels = {0, 1, 0, 1};
        OneVsRestModel m = new LogisticRegression(LogisticRegressionParameters.of(1.0), ONE)
                .fit(x, 2, new int[] {0, 1, 2, 3}, offsets, labels, 3);
        assertEquals(Double.NEGATIVE_INFINITY, m.bias()[2]);
        int[][] pred = m.predictTopK(x, new int[] {0, 1, 2, 3}, new int[] {2, 2, 2, 2});
        for (int label : pred[1]) {
            assertTrue(label != 2, "label 2 had no positive example");
        }
    }

    @Test
    void identicalForOneAndFourThreads() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 300, f = 16, k = 5;
        float[] x = new float[n * f];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] offsets = new int[n + 1];
        int[] labels = new int[n];
        for (int u = 0; u < n; u++) {
            labels[u] = r.nextInt(k);
            offsets[u + 1] = u + 1;
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        var p = LogisticRegressionParameters.of(0.1);
        OneVsRestModel a = new LogisticRegression(p, ONE).fit(x, f, rows, offsets, labels, k);
        OneVsRestModel b = new LogisticRegression(p, FOUR).fit(x, f, rows, offsets, labels, k);
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.bias(), b.bias());
    }

    @Test
    void f1MatchesHandComputedCounts() {
        // Items: true {0,1} pred {0,2}; true {1} pred {1}; true {2} pred {0}.
        // label 0: tp 1 fp 1 fn 0 → 2/3; label 1: tp 1 fp 0 fn 1 → 2/3; label 2: tp 0 fp 1 fn 1 → 0.
        MultiLabelF1 f = MultiLabelF1.of(new int[] {0, 2, 3, 4}, new int[] {0, 1, 1, 2}, new int[] {0, 2, 3, 4},
                new int[] {0, 2, 1, 0}, 4);
        assertEquals(2.0 * 2 / (2 * 2 + 2 + 2), f.micro(), 1e-12);
        assertEquals((2.0 / 3 + 2.0 / 3) / 4, f.macro(), 1e-12);
    }

    @Test
    void topKPicksTheHighestScores() {
        // One feature, three labels with weights 1, 2, −1 and no bias: for x = 1 the ranking is 1, 0, 2.
        OneVsRestModel m = new OneVsRestModel(1, 3, new double[] {1, 2, -1}, new double[] {0, 0, 0});
        int[][] p = m.predictTopK(new float[] {1, -1}, new int[] {0, 1}, new int[] {2, 1});
        assertArrayEquals(new int[] {0, 2, 3}, p[0]);
        assertArrayEquals(new int[] {0, 1, 2}, p[1]);
    }

    @Test
    void invalidParametersAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticRegressionParameters.of(0))
                .getMessage().contains("got 0.0"));
        assertThrows(IllegalArgumentException.class, () -> new LogisticRegressionParameters(1, true, 0, 1e-5));
        assertThrows(IllegalArgumentException.class, () -> new LogisticRegressionParameters(1, true, 10, 1.5));
        var lr = new LogisticRegression(LogisticRegressionParameters.of(1), ONE);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lr.fit(new float[4], 2, new int[] {0},
                new int[] {0, 1, 1}, new int[] {5}, 3)).getMessage().contains("label 5"));
    }
}
