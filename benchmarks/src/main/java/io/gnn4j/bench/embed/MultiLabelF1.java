package io.gnn4j.bench.embed;

/**
 * Micro- and macro-averaged F1 of multi-label predictions, as scikit-learn's {@code f1_score} computes them over all
 * L labels: micro {@code 2ΣTP / (2ΣTP + ΣFP + ΣFN)}, macro the mean over labels of
 * {@code 2TP_c / (2TP_c + FP_c + FN_c)} (0 for a label that is neither true nor predicted anywhere).
 */
public record MultiLabelF1(double micro, double macro) {
    /**
     * Compares true and predicted label sets of the same items, both in CSR form (offsets of length items+1, labels
     * in 0..numLabels−1, no duplicates within an item).
     */
    public static MultiLabelF1 of(int[] trueOffsets, int[] trueLabels, int[] predOffsets, int[] predLabels,
                                  int numLabels) {
        if (trueOffsets.length != predOffsets.length) {
            throw new IllegalArgumentException("true labels cover " + (trueOffsets.length - 1)
                    + " items but predictions " + (predOffsets.length - 1));
        }
        long[] tp = new long[numLabels], fp = new long[numLabels], fn = new long[numLabels];
        boolean[] truth = new boolean[numLabels];
        for (int i = 0; i + 1 < trueOffsets.length; i++) {
            for (int t = trueOffsets[i]; t < trueOffsets[i + 1]; t++) {
                truth[check(trueLabels[t], numLabels)] = true;
            }
            for (int t = predOffsets[i]; t < predOffsets[i + 1]; t++) {
                int c = check(predLabels[t], numLabels);
                if (truth[c]) {
                    tp[c]++;
                    truth[c] = false;
                } else {
                    fp[c]++;
                }
            }
            for (int t = trueOffsets[i]; t < trueOffsets[i + 1]; t++) {
                if (truth[trueLabels[t]]) {
                    fn[trueLabels[t]]++;
                    truth[trueLabels[t]] = false;
                }
            }
        }
        long stp = 0, sfp = 0, sfn = 0;
        double macro = 0;
        for (int c = 0; c < numLabels; c++) {
            stp += tp[c];
            sfp += fp[c];
            sfn += fn[c];
            long den = 2 * tp[c] + fp[c] + fn[c];
            macro += den == 0 ? 0 : 2.0 * tp[c] / den;
        }
        long den = 2 * stp + sfp + sfn;
        return new MultiLabelF1(den == 0 ? 0 : 2.0 * stp / den, numLabels == 0 ? 0 : macro / numLabels);
    }

    private static int check(int c, int numLabels) {
        if (c < 0 || c >= numLabels) {
            throw new IllegalArgumentException("label " + c + " is outside 0.." + (numLabels - 1));
        }
        return c;
    }
}
