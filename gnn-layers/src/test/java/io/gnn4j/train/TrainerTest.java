package io.gnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.nn.Module;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Sgd;
import io.gnn4j.nn.StepLR;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training loop with scripted evaluations, so each expected outcome is known by hand. */
class TrainerTest {
    /** One trainable 1×2 parameter. */
    private static final class Weights extends Module {
        final Parameter w = addParameter("w", 1, 2);
    }

    /** Validation accuracy per epoch from a script; test accuracy = the epoch number / 10 (to see which is kept). */
    private static final class Scripted implements Evaluation {
        final double[] valAcc;
        final List<String> calls = new ArrayList<>();
        int epoch;

        Scripted(double... valAcc) {
            this.valAcc = valAcc;
        }

        @Override
        public Map<String, Double> validate(Tape noGrad) {
            epoch++;
            calls.add("validate " + epoch);
            return Map.of("val_acc", valAcc[epoch - 1], "val_loss", 1.0);
        }

        @Override
        public Map<String, Double> atBest(Tape noGrad) {
            calls.add("atBest " + epoch);
            return Map.of("test_acc", epoch / 10.0);
        }
    }

    /** Loss Σ w (gradient 1 per element). */
    private static Tensor sumOf(Tape t, Weights m) {
        return t.sum(m.w);
    }

    @Test
    void keepsTheBestEpochsMetricsAndStopsAfterPatience() {
        Weights m = new Weights();
        Sgd sgd = new Sgd(m.parameters(), 0.5);
        List<EpochRecord> seen = new ArrayList<>();
        Scripted eval = new Scripted(0.5, 0.8, 0.7, 0.7, 0.9);
        TrainingResult r = Trainer.builder().optimizer(sgd).epochs(5)
                .earlyStopping(EarlyStopping.Monitor.VAL_ACC, 2).listener(seen::add).build()
                .fit(m, tape -> sumOf(tape, m), eval);
        assertEquals(2, r.bestEpoch());
        assertEquals(4, r.epochs().size());                     // epochs 3 and 4 did not improve: stop
        assertEquals(0.2, r.best("test_acc"));
        assertEquals(0.8, r.best("val_acc"));
        assertEquals(List.of("validate 1", "atBest 1", "validate 2", "atBest 2", "validate 3", "validate 4"),
                eval.calls);
        assertEquals(4, seen.size());
        assertTrue(seen.get(1).best());
        assertFalse(seen.get(2).best());
        assertEquals(0.0, seen.get(0).loss());                 // Σ w, w starts at 0 and moves by −0.5 per step
        assertEquals(-1.0, seen.get(1).loss());
        assertArrayEquals(new float[] {-2f, -2f}, m.w.toFloatArray());   // 4 steps of lr 0.5 on gradient 1
    }

    @Test
    void runsEveryEpochWithoutPatienceAndStepsTheScheduleOncePerEpoch() {
        Weights m = new Weights();
        Sgd sgd = new Sgd(m.parameters(), 1.0);
        StepLR halving = new StepLR(sgd, 1, 0.5);
        Epoch twoSteps = (epoch, steps) -> (steps.step(t -> sumOf(t, m)) + steps.step(t -> sumOf(t, m))) / 2;
        TrainingResult r = Trainer.builder().optimizer(sgd).schedule(halving).epochs(3).build()
                .fit(m, twoSteps, new Scripted(0.1, 0.1, 0.1));
        assertEquals(3, r.epochs().size());
        // learning rates 1, 0.5, 0.25 for two steps each: w = −2·(1 + 0.5 + 0.25)
        assertArrayEquals(new float[] {-3.5f, -3.5f}, m.w.toFloatArray());
        assertEquals(0.125, sgd.learningRate());
    }

    @Test
    void aNonFiniteLossStopsWithTheEpochAndStepNamedBeforeAnyUpdate() {
        Weights m = new Weights();
        Sgd sgd = new Sgd(m.parameters(), 0.1);
        Tensor nan = Tensor.of(1, 2, Float.NaN, 1f);
        Epoch epoch = (e, steps) -> steps.step(t -> sumOf(t, m)) + steps.step(t -> t.sum(t.mul(m.w, nan)));
        var ex = assertThrows(NonFiniteException.class, () -> Trainer.builder().optimizer(sgd).epochs(2).build()
                .fit(m, epoch, new Scripted(0.1, 0.1)));
        assertEquals("epoch 1, step 2: the loss is NaN (lower the learning rate?)", ex.getMessage());
        assertArrayEquals(new float[] {-0.1f, -0.1f}, m.w.toFloatArray());   // only step 1 was applied
    }

    @Test
    void aNonFiniteGradientNamesTheParameterAndTheElement() {
        Weights m = new Weights();
        m.w.copyFrom(new float[] {1f, 1e-25f});
        Sgd sgd = new Sgd(m.parameters(), 0.1);
        Tensor one = Tensor.of(1, 2, 1f, 1f);
        // loss Σ 1/w is finite (1e25), its gradient −1/w² overflows float32 at element 1
        var ex = assertThrows(NonFiniteException.class, () -> Trainer.builder().optimizer(sgd).epochs(1).build()
                .fit(m, t -> t.sum(t.div(one, m.w)), new Scripted(0.1)));
        assertEquals("epoch 1, step 1: the gradient of 'w' (1×2) is -Infinity at row 0, column 1", ex.getMessage());
        assertArrayEquals(new float[] {1f, 1e-25f}, m.w.toFloatArray());
    }

    @Test
    void clipsTheGradientNormBeforeTheUpdate() {
        Weights m = new Weights();
        Sgd sgd = new Sgd(m.parameters(), 1.0);
        Tensor big = Tensor.of(1, 2, 3f, 4f);   // gradient (3, 4), norm 5 → clipped to norm 1: (0.6, 0.8)
        Trainer.builder().optimizer(sgd).epochs(1).clipGradNorm(1.0).build()
                .fit(m, t -> t.sum(t.mul(m.w, big)), new Scripted(0.1));
        assertArrayEquals(new float[] {-0.6f, -0.8f}, m.w.toFloatArray(), 1e-5f);
    }

    @Test
    void rejectsBadSettingsAndAMissingMonitoredMetric() {
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().build());
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().epochs(0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().clipGradNorm(-1));
        Weights m = new Weights();
        Trainer t = Trainer.builder().optimizer(new Sgd(m.parameters(), 0.1)).epochs(1)
                .earlyStopping(EarlyStopping.Monitor.maximize("val_auc"), 0).build();
        var e = assertThrows(IllegalArgumentException.class, () -> t.fit(m, tape -> sumOf(tape, m),
                new Scripted(0.5)));
        assertTrue(e.getMessage().startsWith("early stopping monitors 'val_auc'"), e.getMessage());
    }
}
