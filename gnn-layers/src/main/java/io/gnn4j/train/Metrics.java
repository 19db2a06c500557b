package io.gnn4j.train;

import java.util.Arrays;

/**
 * Evaluation metrics computed from a model's raw outputs (by the {@link Trainer}'s evaluations and the harness), so every model is scored by the same
 * code: accuracy and mean cross-entropy of row-major logits, the regression errors MAE, RMSE and R², ROC-AUC (Mann–Whitney U with average ranks for ties)
 * and Hits@K as defined by the Open Graph Benchmark (fraction of positives scored strictly above the K-th best
 * negative).
 */
public final class Metrics {
    private Metrics() {
    }

    /** Row argmax of the {@code rows×classes} row-major {@code logits} for every index in {@code idx}. */
    public static int[] argmax(float[] logits, int classes, int[] idx) {
        checkShape(logits, classes);
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            int base = idx[i] * classes;
            int best = 0;
            float bestV = logits[base];
            for (int c = 1; c < classes; c++) {
                if (logits[base + c] > bestV) {
                    bestV = logits[base + c];
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * Fraction of rows {@code idx[i]} whose argmax equals {@code labels[idx[i]]}; NaN when {@code idx} is empty.
     */
    public static double accuracy(float[] logits, int classes, int[] labels, int[] idx) {
        if (idx.length == 0) {
            return Double.NaN;
        }
        int[] pred = argmax(logits, classes, idx);
        int correct = 0;
        for (int i = 0; i < idx.length; i++) {
            if (pred[i] == labels[idx[i]]) {
                correct++;
            }
        }
        return correct / (double) idx.length;
    }

    /**
     * Mean over {@code idx} of {@code −log softmax(logits[i])[labels[i]]}, computed stably (log-sum-exp with the row
     * maximum subtracted); NaN when {@code idx} is empty.
     */
    public static double crossEntropy(float[] logits, int classes, int[] labels, int[] idx) {
        checkShape(logits, classes);
        if (idx.length == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (int i : idx) {
            int base = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[base + c] - max);
            }
            total += max + Math.log(sum) - logits[base + labels[i]];
        }
        return total / idx.length;
    }

    /** Mean absolute error {@code mean|p − t|} of equally long predictions and targets; NaN when empty. */
    public static double mae(float[] predicted, float[] target) {
        checkPaired(predicted, target);
        double total = 0;
        for (int i = 0; i < target.length; i++) {
            total += Math.abs((double) predicted[i] - target[i]);
        }
        return target.length == 0 ? Double.NaN : total / target.length;
    }

    /** Root mean squared error {@code sqrt(mean (p − t)²)}; NaN when empty. */
    public static double rmse(float[] predicted, float[] target) {
        checkPaired(predicted, target);
        double total = 0;
        for (int i = 0; i < target.length; i++) {
            double d = (double) predicted[i] - target[i];
            total += d * d;
        }
        return target.length == 0 ? Double.NaN : Math.sqrt(total / target.length);
    }

    /**
     * Coefficient of determination {@code 1 − Σ(t − p)² / Σ(t − mean t)²} (scikit-learn's {@code r2_score}): 1 for a
     * perfect fit, 0 for predicting the targets' mean; NaN when empty or when the targets are all equal.
     */
    public static double r2(float[] predicted, float[] target) {
        checkPaired(predicted, target);
        double mean = 0;
        for (float t : target) {
            mean += t;
        }
        mean /= target.length;
        double residual = 0, total = 0;
        for (int i = 0; i < target.length; i++) {
            double d = (double) target[i] - predicted[i], c = target[i] - mean;
            residual += d * d;
            total += c * c;
        }
        return total == 0 ? Double.NaN : 1 - residual / total;
    }

    private static void checkPaired(float[] predicted, float[] target) {
        if (predicted.length != target.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + target.length + " targets");
        }
    }

    /**
     * Area under the ROC curve for scores of positive and negative examples: the probability that a random positive
     * outscores a random negative, ties counting one half. O((P+N) log(P+N)).
     */
    public static double rocAuc(float[] positive, float[] negative) {
        if (positive.length == 0 || negative.length == 0) {
            throw new IllegalArgumentException("ROC-AUC needs both classes: " + positive.length + " positives, "
                    + negative.length + " negatives");
        }
        int n = positive.length + negative.length;
        float[] all = new float[n];
        System.arraycopy(positive, 0, all, 0, positive.length);
        System.arraycopy(negative, 0, all, positive.length, negative.length);
        Integer[] order = new Integer[n];   // not a hot path: once per evaluation
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(all[a], all[b]));
        double rankSumPos = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;   // ranks are 1-based; ties share their average rank
            for (int k = i; k <= j; k++) {
                if (order[k] < positive.length) {
                    rankSumPos += avgRank;
                }
            }
            i = j + 1;
        }
        double p = positive.length, q = negative.length;
        return (rankSumPos - p * (p + 1) / 2) / (p * q);
    }

    /**
     * Hits@K (OGB link-prediction definition): the fraction of positive scores strictly greater than the K-th
     * largest negative score; 1 when there are fewer than K negatives.
     */
    public static double hitsAtK(float[] positive, float[] negative, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("K must be >= 1, got " + k);
        }
        if (positive.length == 0) {
            throw new IllegalArgumentException("Hits@" + k + " needs at least one positive score");
        }
        if (negative.length < k) {
            return 1.0;
        }
        float[] neg = negative.clone();
        Arrays.sort(neg);
        float threshold = neg[neg.length - k];
        int hits = 0;
        for (float s : positive) {
            if (s > threshold) {
                hits++;
            }
        }
        return hits / (double) positive.length;
    }

    private static void checkShape(float[] logits, int classes) {
        if (classes < 1 || logits.length % classes != 0) {
            throw new IllegalArgumentException("logits of length " + logits.length + " are not rows×" + classes);
        }
    }
}
