package io.gnn4j.bench.eval;

/**
 * Patience-based early stopping on a validation quantity. After each epoch the trainer calls
 * {@link #observe(int, double, double)}; the epoch becomes the best one when it improves the monitored quantity
 * (lower validation loss, or higher validation accuracy with ties broken by lower loss), and training stops once
 * {@code patience} epochs in a row have not improved it. The caller reports the test metric of {@link #bestEpoch()}.
 * A patience of 0 disables stopping; the best epoch is still tracked.
 */
public final class EarlyStopping {
    /** What "better" means. */
    public enum Monitor {
        /** Lower validation loss is better. */
        VAL_LOSS,
        /** Higher validation accuracy is better; equal accuracy with lower loss is better too. */
        VAL_ACC;

        /** Parses "val_loss"/"loss" or "val_acc"/"acc"/"accuracy", case-insensitively. */
        public static Monitor parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT).replace('-', '_')) {
                case "val_loss", "loss" -> VAL_LOSS;
                case "val_acc", "acc", "accuracy", "val_accuracy" -> VAL_ACC;
                default -> throw new IllegalArgumentException("unknown early-stopping monitor '" + s
                        + "': use val_loss or val_acc");
            };
        }
    }

    private final Monitor monitor;
    private final int patience;
    private int bestEpoch = -1;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double bestAcc = Double.NEGATIVE_INFINITY;
    private int sinceBest;

    /** @param patience epochs without improvement before stopping; 0 = never stop early */
    public EarlyStopping(Monitor monitor, int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.monitor = monitor;
        this.patience = patience;
    }

    /** Records one epoch's validation loss and accuracy; returns whether this epoch is the new best. */
    public boolean observe(int epoch, double valLoss, double valAcc) {
        boolean better = switch (monitor) {
            case VAL_LOSS -> valLoss < bestLoss;
            case VAL_ACC -> valAcc > bestAcc || (valAcc == bestAcc && valLoss < bestLoss);
        };
        if (better || bestEpoch < 0) {
            bestEpoch = epoch;
            bestLoss = valLoss;
            bestAcc = valAcc;
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

    /** The monitored setting. */
    public Monitor monitor() {
        return monitor;
    }

    /** The configured patience. */
    public int patience() {
        return patience;
    }
}
