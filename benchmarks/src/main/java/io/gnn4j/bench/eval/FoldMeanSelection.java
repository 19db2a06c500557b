package io.gnn4j.bench.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model selection of Xu et al., "How Powerful are Graph Neural Networks?" (ICLR 2019), §7: every fold trains for
 * the same number of epochs with its test fold as the per-epoch evaluation set, and one epoch, the same for all folds,
 * is chosen as the one whose accuracy averaged over the folds is highest; the folds' accuracies at that epoch are the
 * result. It selects on the test folds and is therefore optimistic; it exists to compare with the paper's numbers.
 * The hold-out protocol ({@code --selection holdout}) is the unbiased one.
 */
public final class FoldMeanSelection {
    private FoldMeanSelection() {
    }

    /**
     * The folds' results re-scored at the epoch of highest mean evaluation accuracy (ties: the earliest epoch). Each
     * fold's curve {@link TrainingHistory#valAcc()} must hold its test-fold accuracy per epoch, all curves of one
     * length; the returned results carry {@code test_acc} at the chosen epoch and that epoch as the best one.
     *
     * @throws IllegalArgumentException when there are no folds or the curves differ in length (early stopping on)
     */
    public static List<RunResult> select(List<RunResult> folds) {
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("fold-mean selection needs at least one fold");
        }
        int epochs = folds.getFirst().history().epochs();
        double[] mean = new double[epochs];
        for (RunResult fold : folds) {
            double[] acc = fold.history().valAcc();
            if (acc.length != epochs) {
                throw new IllegalArgumentException("fold-mean selection needs every fold to run the same epochs (no "
                        + "early stopping): fold " + fold.run() + " ran " + acc.length + ", fold "
                        + folds.getFirst().run() + " ran " + epochs);
            }
            for (int e = 0; e < epochs; e++) {
                mean[e] += acc[e];
            }
        }
        int best = 0;
        for (int e = 1; e < epochs; e++) {
            if (mean[e] > mean[best]) {
                best = e;
            }
        }
        List<RunResult> out = new ArrayList<>(folds.size());
        for (RunResult fold : folds) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("test_acc", fold.history().valAcc()[best]);
            out.add(new RunResult(fold.dataset(), fold.model(), fold.protocol(), fold.run(), fold.seed(), metrics,
                    best + 1, fold.epochs(), fold.secondsPerEpoch(), fold.peakMemory(), fold.history()));
        }
        return out;
    }
}
