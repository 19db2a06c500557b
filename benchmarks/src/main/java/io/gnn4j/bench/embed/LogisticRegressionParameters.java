package io.gnn4j.bench.embed;

/**
 * Options of {@link LogisticRegression}: the inverse regularisation strength C of scikit-learn
 * ({@code ½‖w‖² + C·Σᵢ log(1 + exp(−yᵢ(w·xᵢ + b)))} per class), whether the intercept is penalised like a weight
 * (liblinear, scikit-learn's default solver before 0.22, with intercept scaling 1) or free (lbfgs), and the L-BFGS stopping rule.
 *
 * @param c                   C &gt; 0 (0.1 in the FastRP authors' BlogCatalog run)
 * @param penalizeIntercept   whether b enters the penalty as ½b²
 * @param maxIterations       L-BFGS iteration limit (≥ 1)
 * @param tolerance           stop when ‖∇f‖₂ ≤ tolerance·max(1, ‖∇f(0)‖₂), in (0, 1)
 */
public record LogisticRegressionParameters(double c, boolean penalizeIntercept, int maxIterations, double tolerance) {
    /** Validates the ranges. */
    public LogisticRegressionParameters {
        if (!(c > 0 && Double.isFinite(c))) {
            throw new IllegalArgumentException("c must be > 0 and finite, got " + c);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
    }

    /** C as given, intercept penalised as liblinear does, at most 1000 iterations, tolerance 1e-4 (sklearn's tol). */
    public static LogisticRegressionParameters of(double c) {
        return new LogisticRegressionParameters(c, true, 1000, 1e-4);
    }
}
