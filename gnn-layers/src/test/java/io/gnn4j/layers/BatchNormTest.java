package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.StateDict;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchNormTest {
    /** Columns (1, 3, 5): μ 3, σ² 8/3; (0, 1, 5): μ 2, σ² 14/3. */
    private static Tensor x3x2() {
        return Tensor.of(3, 2, 1, 0, 3, 1, 5, 5);
    }

    private static BatchNorm withAffine() {
        BatchNorm bn = new BatchNorm(2);
        bn.weight().copyFrom(new float[] {2f, 0.5f});
        bn.bias().copyFrom(new float[] {1f, -1f});
        return bn;
    }

    @Test
    void trainingModeNormalisesWithBatchStatistics() {
        // y = γ (x − μ)/√(σ² + 1e-5) + β, e.g. 2·(1 − 3)/√(8/3) + 1 = 1 − √6 ≈ −1.44949.
        Tensor y = withAffine().forward(Tape.noGrad(), x3x2());
        assertArrayEquals(new float[] {-1.4494851f, -1.4629096f, 1f, -1.2314548f, 3.4494851f, -0.3056357f},
                y.toFloatArray(), 1e-5f);
    }

    @Test
    void defaultInitialisationGivesZeroMeanUnitVarianceColumns() {
        BatchNorm bn = new BatchNorm(2);
        bn.resetParameters(new SplittableRandom(1));
        float[] y = bn.forward(Tape.noGrad(), x3x2()).toFloatArray();
        for (int c = 0; c < 2; c++) {
            double mean = (y[c] + y[2 + c] + y[4 + c]) / 3.0;
            double var = ((y[c] - mean) * (y[c] - mean) + (y[2 + c] - mean) * (y[2 + c] - mean)
                    + (y[4 + c] - mean) * (y[4 + c] - mean)) / 3.0;
            assertEquals(0, mean, 1e-6);
            assertEquals(1, var, 1e-4);
        }
    }

    @Test
    void trainingUpdatesRunningStatisticsWithUnbiasedVariance() {
        BatchNorm bn = withAffine();
        bn.forward(Tape.noGrad(), x3x2());
        // mean: 0.9·0 + 0.1·μ; var: 0.9·1 + 0.1·σ²·3/2 (unbiased).
        assertArrayEquals(new float[] {0.3f, 0.2f}, bn.runningMean(), 1e-6f);
        assertArrayEquals(new float[] {1.3f, 1.6f}, bn.runningVar(), 1e-6f);
        assertEquals(1, bn.batchesTracked());
    }

    @Test
    void evalModeUsesRunningStatisticsAndLeavesThemUnchanged() {
        BatchNorm bn = withAffine();
        bn.forward(Tape.noGrad(), x3x2());
        bn.eval();
        Tensor y = bn.forward(Tape.noGrad(), x3x2());
        // e.g. 2·(1 − 0.3)/√1.3 + 1 ≈ 2.227877.
        assertArrayEquals(new float[] {2.2278765f, -1.0790567f, 5.7360951f, -0.6837732f, 9.2443137f, 0.8973607f},
                y.toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {0.3f, 0.2f}, bn.runningMean(), 1e-6f);
        assertArrayEquals(new float[] {1.3f, 1.6f}, bn.runningVar(), 1e-6f);
        assertEquals(1, bn.batchesTracked());
        // A single row is fine in evaluation mode, not in training.
        assertEquals(2, bn.forward(Tape.noGrad(), Tensor.of(1, 2, 1, 0)).cols());
        bn.train();
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Tape.noGrad(), Tensor.of(1, 2, 1, 0)));
    }

    @Test
    void resetRestoresIdentityAffineAndFreshRunningStatistics() {
        BatchNorm bn = withAffine();
        bn.forward(Tape.noGrad(), x3x2());
        bn.resetParameters(new SplittableRandom(3));
        assertArrayEquals(new float[] {1f, 1f}, bn.weight().toFloatArray());
        assertArrayEquals(new float[] {0f, 0f}, bn.bias().toFloatArray());
        assertArrayEquals(new float[] {0f, 0f}, bn.runningMean());
        assertArrayEquals(new float[] {1f, 1f}, bn.runningVar());
    }

    @Test
    void moduleGradientsMatchFiniteDifferences() {
        BatchNorm bn = withAffine();
        Tensor x = GradCheck.variable(6, 2, 5);
        GradCheck.check(t -> bn.forward(t, x), 1e-3, 2e-3, 1e-2, x, bn.weight(), bn.bias());
        bn.eval();
        GradCheck.check(t -> bn.forward(t, x), x, bn.weight(), bn.bias());
    }

    @Test
    void mlpWithBatchNormRegistersNormsAndChecksGradients() {
        MLP mlp = new MLP(Activation.TANH, 0f, true, 2, 4, 3, 2);
        assertEquals(List.of("0.weight", "0.bias", "norm0.weight", "norm0.bias", "1.weight", "1.bias",
                "norm1.weight", "norm1.bias", "2.weight", "2.bias"), List.copyOf(mlp.namedParameters().keySet()));
        assertEquals("MLP[2, 4, 3, 2]+BatchNorm", mlp.toString());
        mlp.resetParameters(new SplittableRandom(4));
        Tensor x = GradCheck.variable(5, 2, 6);
        GradCheck.check(t -> mlp.forward(t, x), 1e-3, 2e-3, 1e-2, x);
        GradCheck.check(t -> mlp.forward(t, x), 1e-3, 2e-3, 1e-2, mlp.parameters().toArray(new Tensor[0]));
    }

    @Test
    void mlpWithBatchNormTrains() {
        Task task = plantedPartition(200, 4, 8, 11);
        float[] loss = train(new MLP(Activation.RELU, 0f, true, 8, 16, 4), task, 60, 0.02);
        assertTrue(loss[1] < 0.5f * loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }

    /** Output and gradients (x, γ, β) of a batch norm on x with a thread count; the loss is Σ Y ⊙ R. */
    private static float[][] run(Tensor x, Tensor r, int threads) {
        BatchNorm bn = withAffineOf(x.cols());
        Tape tape = new Tape(1, ExecutionContext.withThreads(threads));
        Tensor xv = Tensor.variable(x.value().dup());
        Tensor y = bn.forward(tape, xv);
        tape.backward(tape.sum(tape.mul(y, r)));
        return new float[][] {y.toFloatArray(), gradOf(xv), gradOf(bn.weight()), gradOf(bn.bias())};
    }

    private static float[] gradOf(Tensor t) {
        float[] g = new float[(int) t.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = t.gradAt(i / t.cols(), i % t.cols());
        }
        return g;
    }

    private static BatchNorm withAffineOf(int f) {
        BatchNorm bn = new BatchNorm(f);
        float[] w = new float[f];
        for (int c = 0; c < f; c++) {
            w[c] = 0.5f + 0.1f * c;
        }
        bn.weight().copyFrom(w);
        return bn;
    }

    @Test
    void largeBatchesMatchNaiveStatisticsForAnyThreadCount() {
        int n = 3001, f = 37; // ~111k elements: several row blocks in the column reductions
        Tensor x = GradCheck.variable(n, f, 12), r = GradCheck.variable(n, f, 13);
        float[] xs = x.toFloatArray();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 3f + 2f * xs[i]; // an offset and scale to normalise away
        }
        x = Tensor.of(n, f, xs);
        float[][] one = run(x, r, 1), four = run(x, r, 4);
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], four[k], "result " + k + " differs between 1 and 4 threads");
        }
        for (int c = 0; c < f; c++) {
            double mean = 0, var = 0;
            for (int i = 0; i < n; i++) {
                mean += xs[i * f + c];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                var += (xs[i * f + c] - mean) * (xs[i * f + c] - mean);
            }
            var /= n;
            for (int i = 0; i < n; i += 97) {
                double expected = (0.5 + 0.1 * c) * (xs[i * f + c] - mean) / Math.sqrt(var + 1e-5);
                assertEquals(expected, one[0][i * f + c], 1e-4, "row " + i + " column " + c);
            }
        }
    }

    @Test
    void stateDictRoundTripsRunningStatistics(@TempDir Path dir) throws Exception {
        MLP a = new MLP(Activation.RELU, 0f, true, 2, 3, 1);
        a.resetParameters(new SplittableRandom(5));
        a.forward(Tape.noGrad(), GradCheck.variable(4, 2, 9));
        assertEquals(List.of("norm0.running_mean", "norm0.running_var"), List.copyOf(a.namedBuffers().keySet()));
        Path file = dir.resolve("mlp.safetensors");
        StateDict.save(a, file);
        MLP b = new MLP(Activation.RELU, 0f, true, 2, 3, 1);
        StateDict.load(b, file);
        for (String k : a.namedBuffers().keySet()) {
            assertArrayEquals(a.namedBuffers().get(k), b.namedBuffers().get(k), k);
        }
        Tensor x = GradCheck.variable(3, 2, 10);
        a.eval();
        b.eval();
        assertArrayEquals(a.forward(Tape.noGrad(), x).toFloatArray(), b.forward(Tape.noGrad(), x).toFloatArray());
        // A file without the buffers (saved from an MLP without batch norm) does not fit.
        Path plain = dir.resolve("plain.safetensors");
        StateDict.save(new MLP(2, 3, 1), plain);
        assertThrows(java.io.IOException.class, () -> StateDict.load(b, plain));
        assertTrue(Files.size(file) > Files.size(plain));
    }

    @Test
    void ginWithBatchNormTrains() {
        // Xu et al.'s GIN layer: an MLP with batch norm on its hidden layer, then batch norm and ReLU on its output.
        Task task = plantedPartition(200, 4, 8, 12);
        Sequential gin = new Sequential(
                new GINConv(new MLP(Activation.RELU, 0f, true, 8, 16, 16)), new BatchNorm(16), Activation.RELU.module(),
                new GINConv(new MLP(Activation.RELU, 0f, true, 16, 16, 4)));
        float[] loss = train(gin, task, 60, 0.01);
        assertTrue(loss[1] < 0.2f * loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }

    @Test
    void batchNormSitsInSequential() {
        Sequential s = new Sequential(new MLP(2, 3), new BatchNorm(3), Activation.RELU.module());
        assertEquals(List.of("0.0.weight", "0.0.bias", "1.weight", "1.bias"), List.copyOf(s.namedParameters().keySet()));
        s.resetParameters(new SplittableRandom(2));
        float[] y = s.forward(Tape.noGrad(), tiny(), GradCheck.variable(5, 2, 8)).toFloatArray();
        assertEquals(15, y.length);
        s.eval();
        assertTrue(!((BatchNorm) s.steps().get(1)).isTraining());
        assertEquals("Sequential[MLP[2, 3], BatchNorm(3), " + s.steps().get(2) + "]", s.toString());
    }
}
