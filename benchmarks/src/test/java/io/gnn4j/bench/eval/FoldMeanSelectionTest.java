package io.gnn4j.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldMeanSelectionTest {
    private static RunResult fold(int run, double... accuracyPerEpoch) {
        TrainingHistory h = new TrainingHistory();
        for (double a : accuracyPerEpoch) {
            h.add(0.5, 0.9, 0.4, a, 0.01);
        }
        return new RunResult("D", "gin", "standard", run, run, Map.of("test_acc", 0.0, "val_acc", 0.0), 1,
                accuracyPerEpoch.length, 0.01, 1, h);
    }

    @Test
    void picksTheEpochOfHighestMeanAccuracyForEveryFold() {
        // Fold means per epoch: 0.6, 0.75, 0.7. Fold 0 alone peaks at epoch 3, fold 1 at epoch 2.
        List<RunResult> out = FoldMeanSelection.select(List.of(fold(0, 0.5, 0.7, 0.9), fold(1, 0.7, 0.8, 0.5)));
        assertEquals(2, out.getFirst().bestEpoch());
        assertEquals(0.7, out.get(0).metric("test_acc"));
        assertEquals(0.8, out.get(1).metric("test_acc"));
        assertTrue(Double.isNaN(out.get(0).metric("val_acc")), "the hold-out metric does not apply");
        assertEquals(3, out.get(1).epochs());
    }

    @Test
    void tiesGoToTheEarliestEpoch() {
        List<RunResult> out = FoldMeanSelection.select(List.of(fold(0, 0.5, 0.6, 0.6), fold(1, 0.5, 0.6, 0.6)));
        assertEquals(2, out.getFirst().bestEpoch());
    }

    @Test
    void curvesOfDifferentLengthsAreRejectedNamingTheFolds() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FoldMeanSelection.select(List.of(fold(0, 0.5, 0.6), fold(3, 0.5))));
        assertEquals("fold-mean selection needs every fold to run the same epochs (no early stopping): fold 3 ran 1, "
                + "fold 0 ran 2", e.getMessage());
    }
}
