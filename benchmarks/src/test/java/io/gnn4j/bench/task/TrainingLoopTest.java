package io.gnn4j.bench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.EarlyStopping;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.GraphClassifier;
import io.gnn4j.bench.models.NodeClassifier;
import io.gnn4j.datasets.Split;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The loops with scripted models whose per-epoch outputs are fixed, so the expected result is known by hand. */
class TrainingLoopTest {
    private static final Progress QUIET = Progress.start("test", 1, true);

    /** Two classes; per epoch, a script of predicted classes for nodes 0..3 (train 0, val 1 and 2, test 3). */
    private static final class ScriptedNodes implements NodeClassifier {
        final int[][] predictions;
        int epoch = -1;

        ScriptedNodes(int[]... predictions) {
            this.predictions = predictions;
        }

        @Override
        public double trainStep(int[] train, int[] labels) {
            epoch++;
            return 1.0 / (epoch + 1);
        }

        @Override
        public float[] logits() {
            float[] out = new float[8];
            for (int u = 0; u < 4; u++) {
                out[2 * u + predictions[epoch][u]] = 2f;
            }
            return out;
        }
    }

    private static HyperParameters hp(int epochs, int patience, EarlyStopping.Monitor monitor) {
        return new HyperParameters(epochs, patience, monitor, 16, 2, 0.5, 0.01, 0, 1, 1, 0.1, 32, 0, 0.5, 0);
    }

    @Test
    void testAccuracyIsTakenAtTheBestValidationEpochAndPatienceStops() {
        int[] labels = {0, 1, 0, 1};
        Split split = new Split("s", new int[] {0}, new int[] {1, 2}, new int[] {3});
        var model = new ScriptedNodes(
                new int[] {0, 0, 0, 0},    // val 1/2, test wrong
                new int[] {0, 1, 0, 1},    // val 2/2, test right  ← best
                new int[] {0, 0, 0, 1},    // val 1/2: patience 1 exhausted
                new int[] {0, 1, 0, 1});
        RunResult r = NodeClassification.run("toy", "scripted", "public", 0, 7, model, labels, 2, split,
                hp(4, 1, EarlyStopping.Monitor.VAL_ACC), QUIET);
        assertEquals(2, r.bestEpoch());
        assertEquals(3, r.epochs());
        assertEquals(1.0, r.metric("test_acc"));
        assertEquals(1.0, r.metric("val_acc"));
        assertEquals(3, r.history().epochs());
        assertEquals(0.5, r.history().trainLoss()[1], 0);
        assertEquals(0.5, r.history().valAcc()[2], 0);
        assertTrue(r.secondsPerEpoch() >= 0);
        assertTrue(r.peakMemory() != 0);
    }

    @Test
    void emptyValidationSetIsRejectedWithTheSizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> NodeClassification.run("toy", "m", "p", 0, 0,
                new ScriptedNodes(new int[] {0, 0, 0, 0}), new int[] {0, 1, 0, 1}, 2,
                new Split("s", new int[] {0}, new int[0], new int[] {3}), hp(1, 0, EarlyStopping.Monitor.VAL_LOSS),
                QUIET));
        assertEquals("split s needs train, validation and test nodes, has 1/0/1", e.getMessage());
    }

    @Test
    void divergingLossStopsTheRunWithAnError() {
        NodeClassifier nan = new NodeClassifier() {
            @Override
            public double trainStep(int[] train, int[] labels) {
                return Double.NaN;
            }

            @Override
            public float[] logits() {
                return new float[8];
            }
        };
        var e = assertThrows(ArithmeticException.class, () -> NodeClassification.run("toy", "m", "p", 0, 0, nan,
                new int[] {0, 1, 0, 1}, 2, new Split("s", new int[] {0}, new int[] {1}, new int[] {3}),
                hp(5, 0, EarlyStopping.Monitor.VAL_LOSS), QUIET));
        assertTrue(e.getMessage().contains("training loss became NaN at epoch 1"), e.getMessage());
    }

    @Test
    void graphLoopTrainsOnGivenLabelsButScoresValidationAndTestOnTrueOnes() {
        int[] trueLabels = {0, 1, 0, 1, 1, 0};
        int[] noisy = {1, 1, 0, 1, 1, 0};   // graph 0's training label flipped
        int[][] seenLabels = new int[1][];
        GraphClassifier oracle = new GraphClassifier() {
            int epoch;

            @Override
            public double trainEpoch(int[] train, int[] labels, RandomGenerator rng) {
                seenLabels[0] = labels;
                epoch++;
                return 0.1;
            }

            @Override
            public float[] logits(int[] graphs) {
                float[] out = new float[graphs.length * 2];
                for (int i = 0; i < graphs.length; i++) {
                    // epoch 1 predicts the true class, later epochs always class 0
                    out[2 * i + (epoch == 1 ? trueLabels[graphs[i]] : 0)] = 1f;
                }
                return out;
            }
        };
        RunResult r = GraphClassification.run("toy", "oracle", "10-fold", 3, 1, oracle, noisy, trueLabels, 2,
                new int[] {0, 1, 2}, new int[] {3, 5}, new int[] {4}, hp(3, 0, EarlyStopping.Monitor.VAL_ACC), QUIET);
        assertEquals(noisy, seenLabels[0]);
        assertEquals(1, r.bestEpoch());
        assertEquals(3, r.epochs());
        assertEquals(1.0, r.metric("test_acc"));
        assertEquals(2.0 / 3, r.history().trainAcc()[0], 1e-12);   // graph 0 is "wrong" against its noisy label
        assertEquals(0.5, r.history().valAcc()[1], 1e-12);
        assertEquals(3, r.run());
    }
}
