package io.gnn4j.bench.eval;

/**
 * Mean and sample standard deviation (divisor n − 1; 0 for a single value) of one metric over the runs (seeds or
 * folds) of one model on one dataset, ignoring NaN values.
 */
public record Summary(double mean, double std, int n) {
    /** Summarises {@code values}, skipping NaNs; an all-NaN or empty input gives NaN ± NaN with n = 0. */
    public static Summary of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Summary(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0, n);
    }

    /** "mean ± std" with {@code decimals} digits after the point, scaled by {@code scale} (100 for percentages). */
    public String format(double scale, int decimals) {
        if (n == 0) {
            return "n/a";
        }
        String f = "%." + decimals + "f";
        return String.format(java.util.Locale.ROOT, f + " ± " + f, mean * scale, std * scale);
    }
}
