package io.gnn4j.bench.eval;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;

/**
 * The per-epoch curves of one run: training loss and accuracy, validation loss and accuracy, and wall time of the
 * epoch in seconds (training step plus evaluation). Values a model does not produce are NaN.
 */
public final class TrainingHistory {
    private final DoubleArrayList trainLoss = new DoubleArrayList();
    private final DoubleArrayList trainAcc = new DoubleArrayList();
    private final DoubleArrayList valLoss = new DoubleArrayList();
    private final DoubleArrayList valAcc = new DoubleArrayList();
    private final DoubleArrayList seconds = new DoubleArrayList();

    /** Appends one epoch. */
    public void add(double trainLossValue, double trainAccValue, double valLossValue, double valAccValue,
                    double secondsValue) {
        trainLoss.add(trainLossValue);
        trainAcc.add(trainAccValue);
        valLoss.add(valLossValue);
        valAcc.add(valAccValue);
        seconds.add(secondsValue);
    }

    /** Number of recorded epochs. */
    public int epochs() {
        return trainLoss.size();
    }

    /** Training loss per epoch (a copy). */
    public double[] trainLoss() {
        return trainLoss.toDoubleArray();
    }

    /** Training accuracy per epoch (a copy). */
    public double[] trainAcc() {
        return trainAcc.toDoubleArray();
    }

    /** Validation loss per epoch (a copy). */
    public double[] valLoss() {
        return valLoss.toDoubleArray();
    }

    /** Validation accuracy per epoch (a copy). */
    public double[] valAcc() {
        return valAcc.toDoubleArray();
    }

    /** Seconds per epoch (a copy). */
    public double[] seconds() {
        return seconds.toDoubleArray();
    }

    /** Mean seconds per epoch, NaN when empty. */
    public double meanSecondsPerEpoch() {
        if (seconds.isEmpty()) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < seconds.size(); i++) {
            s += seconds.getDouble(i);
        }
        return s / seconds.size();
    }
}
