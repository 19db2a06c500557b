package io.gnn4j.bench.embed;

import java.util.Arrays;

/**
 * A trained one-vs-rest linear classifier over L labels: the decision value of label c for a row x is
 * {@code w_c·x + b_c}. Labels that had no positive (or no negative) training example score −∞ (+∞), as
 * scikit-learn's constant predictor does. Immutable; {@link #predictTopK} ranks labels as the DeepWalk/FastRP scoring
 * script does (each node gets its k highest-scoring labels, k its true number of labels).
 *
 * @param numFeatures F
 * @param numLabels   L
 * @param weights     L×F row-major, no copy
 * @param bias        L intercepts (±∞ for constant labels)
 */
public record OneVsRestModel(int numFeatures, int numLabels, double[] weights, double[] bias) {
    /** Checks the shapes. */
    public OneVsRestModel {
        if ((long) numFeatures * numLabels != weights.length || bias.length != numLabels) {
            throw new IllegalArgumentException("weights hold " + weights.length + " and bias " + bias.length
                    + " values, expected " + numLabels + "×" + numFeatures + " and " + numLabels);
        }
    }

    /** Decision values for the given rows of a row-major N×F matrix: a rows.length×L matrix, row-major. */
    public double[] scores(float[] x, int[] rows) {
        int f = numFeatures;
        double[] out = new double[rows.length * numLabels];
        double[] row = new double[f];
        for (int i = 0; i < rows.length; i++) {
            int off = rows[i] * f;
            for (int j = 0; j < f; j++) {
                row[j] = x[off + j];
            }
            for (int c = 0; c < numLabels; c++) {
                double b = bias[c];
                if (Double.isInfinite(b)) {
                    out[i * numLabels + c] = b;
                    continue;
                }
                double s = 0;
                int w = c * f;
                for (int j = 0; j < f; j++) {
                    s += weights[w + j] * row[j];
                }
                out[i * numLabels + c] = s + b;
            }
        }
        return out;
    }

    /**
     * For each given row the {@code k[i]} labels with the highest decision values (ties: the lower label first),
     * returned in CSR form {@code [offsets(rows.length+1), labels]} with each row's labels sorted ascending.
     */
    public int[][] predictTopK(float[] x, int[] rows, int[] k) {
        if (k.length != rows.length) {
            throw new IllegalArgumentException("k has " + k.length + " entries for " + rows.length + " rows");
        }
        double[] s = scores(x, rows);
        int[] offsets = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            if (k[i] < 0 || k[i] > numLabels) {
                throw new IllegalArgumentException("k[" + i + "] = " + k[i] + " is outside 0.." + numLabels);
            }
            offsets[i + 1] = offsets[i] + k[i];
        }
        int[] labels = new int[offsets[rows.length]];
        boolean[] taken = new boolean[numLabels];
        for (int i = 0; i < rows.length; i++) {
            Arrays.fill(taken, false);
            for (int t = 0; t < k[i]; t++) {
                int best = -1;
                for (int c = 0; c < numLabels; c++) {
                    if (!taken[c] && (best < 0 || s[i * numLabels + c] > s[i * numLabels + best])) {
                        best = c;
                    }
                }
                taken[best] = true;
                labels[offsets[i] + t] = best;
            }
            Arrays.sort(labels, offsets[i], offsets[i + 1]);
        }
        return new int[][] {offsets, labels};
    }
}
