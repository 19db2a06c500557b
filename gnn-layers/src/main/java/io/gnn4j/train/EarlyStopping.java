package io.gnn4j.train;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Patience-based early stopping on a validation metric. After each epoch the {@link Trainer} calls
 * {@link #observe(int, Map)} with the epoch's validation metrics; the epoch becomes the best one when it improves the
 * monitored metric (ties on a higher-is-better metric are broken by a lower {@code val_loss}, when present), and
 * training stops once {@code patience} epochs in a row have not improved it. A patience of 0 disables stopping; the
 * best epoch is still tracked, so the caller can report the test metric of {@link #bestEpoch()}.
 */
public final class EarlyStopping {
    /**
     * What "better" means: a lower or a higher value of the metric named {@code metric}.
     *
     * @param metric         the key of the validation metric, e.g. {@code val_loss}
     * @param higherIsBetter whether larger values are better (accuracy, AUC) or smaller ones (a loss)
     */
    public record Monitor(String metric, boolean higherIsBetter) {
        /** Lower validation loss ({@code val_loss}) is better. */
        public static final Monitor VAL_LOSS = new Monitor("val_loss", false);
        /** Higher validation accuracy ({@code val_acc}) is better; equal accuracy with lower loss is better too. */
        public static final Monitor VAL_ACC = new Monitor("val_acc", true);

        public Monitor {
            Objects.requireNonNull(metric, "metric");
        }

        /** Higher values of {@code metric} are better. */
        public static Monitor maximize(String metric) {
            return new Monitor(metric, true);
        }

        /** Lower values of {@code metric} are better. */
        public static Monitor minimize(String metric) {
            return new Monitor(metric, false);
        }

        /** Parses "val_loss"/"loss" or "val_acc"/"acc"/"accuracy", case-insensitively. */
        public static Monitor parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT).replace('-', '_')) {
                case "val_loss", "loss" -> VAL_LOSS;
                case "val_acc", "acc", "accuracy", "val_accuracy" -> VAL_ACC;
                default -> throw new IllegalArgumentException("unknown early-stopping monitor '" + s
                        + "': use val_loss or val_acc");
            };
        }

        @Override
        public String toString() {
            return metric;
        }
    }

    private final Monitor monitor;
    private final int patience;
    private int bestEpoch = -1;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double bestScore;
    private int sinceBest;

    /** @param patience epochs without improvement before stopping; 0 = never stop early */
    public EarlyStopping(Monitor monitor, int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.patience = patience;
    }

    /**
     * Records one epoch's validation metrics; returns whether this epoch is the new best.
     *
     * @throws IllegalArgumentException when {@code metrics} lacks the monitored metric
     */
    public boolean observe(int epoch, Map<String, Double> metrics) {
        Double value = metrics.get(monitor.metric());
        if (value == null) {
            throw new IllegalArgumentException("early stopping monitors '" + monitor.metric()
                    + "' but the evaluation gave only " + metrics.keySet());
        }
        double score = value;
        double loss = metrics.getOrDefault("val_loss", Double.NaN);
        boolean better = monitor.higherIsBetter()
                ? score > bestScore || (score == bestScore && loss < bestLoss)
                : score < bestScore;
        if (better || bestEpoch < 0) {
            bestEpoch = epoch;
            bestScore = score;
            bestLoss = loss;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    /** Whether {@code patience} consecutive epochs have passed without improvement. */
    public boolean shouldStop() {
        return patience > 0 && sinceBest >= patience;
    }

    /** The best epoch so far (−1 before the first observation). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The monitored metric. */
    public Monitor monitor() {
        return monitor;
    }

    /** The configured patience. */
    public int patience() {
        return patience;
    }
}
