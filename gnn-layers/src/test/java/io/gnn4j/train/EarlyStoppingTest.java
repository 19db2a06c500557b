package io.gnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    private static Map<String, Double> metrics(double valLoss, double valAcc) {
        return Map.of("val_loss", valLoss, "val_acc", valAcc);
    }

    /** Feeds the epochs until the stopper says stop; returns the number of epochs run. */
    private static int run(EarlyStopping es, double[] loss, double[] acc) {
        for (int e = 0; e < loss.length; e++) {
            es.observe(e + 1, metrics(loss[e], acc[e]));
            if (es.shouldStop()) {
                return e + 1;
            }
        }
        return loss.length;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutLowerValidationLoss() {
        EarlyStopping es = new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 3);
        double[] loss = {1.0, 0.8, 0.9, 0.85, 0.81, 0.7};
        int ran = run(es, loss, new double[loss.length]);
        assertEquals(5, ran);            // epochs 3, 4, 5 did not beat 0.8
        assertEquals(2, es.bestEpoch());
    }

    @Test
    void accuracyMonitorBreaksTiesByLowerLoss() {
        EarlyStopping es = new EarlyStopping(EarlyStopping.Monitor.VAL_ACC, 2);
        assertTrue(es.observe(1, metrics(1.0, 0.5)));
        assertTrue(es.observe(2, metrics(0.9, 0.5)));    // same accuracy, lower loss: better
        assertFalse(es.observe(3, metrics(0.95, 0.5)));  // same accuracy, higher loss: not better
        assertTrue(es.observe(4, metrics(2.0, 0.6)));    // higher accuracy wins whatever the loss
        assertEquals(4, es.bestEpoch());
        assertFalse(es.shouldStop());
    }

    @Test
    void zeroPatienceNeverStopsButTracksTheBestEpoch() {
        EarlyStopping es = new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0);
        double[] loss = {0.5, 0.6, 0.7, 0.8, 0.9};
        assertEquals(5, run(es, loss, new double[5]));
        assertEquals(1, es.bestEpoch());
    }

    @Test
    void firstEpochIsBestEvenWhenItsLossIsNaN() {
        EarlyStopping es = new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 1);
        assertTrue(es.observe(1, metrics(Double.NaN, Double.NaN)));
        assertEquals(1, es.bestEpoch());
    }

    @Test
    void parsesMonitorNamesAndRejectsOthers() {
        assertEquals(EarlyStopping.Monitor.VAL_ACC, EarlyStopping.Monitor.parse("val-acc"));
        assertEquals(EarlyStopping.Monitor.VAL_LOSS, EarlyStopping.Monitor.parse("LOSS"));
        var e = assertThrows(IllegalArgumentException.class, () -> EarlyStopping.Monitor.parse("f1"));
        assertEquals("unknown early-stopping monitor 'f1': use val_loss or val_acc", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, -1));
    }

    @Test
    void monitorsAnyNamedMetricAndNamesAMissingOne() {
        EarlyStopping es = new EarlyStopping(EarlyStopping.Monitor.maximize("val_auc"), 1);
        assertTrue(es.observe(1, Map.of("val_auc", 0.7)));
        assertTrue(es.observe(2, Map.of("val_auc", 0.8)));
        assertFalse(es.observe(3, Map.of("val_auc", 0.75)));
        assertTrue(es.shouldStop());
        assertEquals(2, es.bestEpoch());
        var e = assertThrows(IllegalArgumentException.class, () -> es.observe(4, Map.of("val_acc", 0.9)));
        assertEquals("early stopping monitors 'val_auc' but the evaluation gave only [val_acc]", e.getMessage());
    }
}
