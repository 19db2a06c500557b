package io.gnn4j.bench.embed;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, "Numerical Optimization", 2nd ed., Algorithm 7.4/7.5) with a backtracking
 * Armijo line search, for smooth convex objectives in double precision. Deterministic: no randomness, fixed order.
 */
final class Lbfgs {
    /** A differentiable objective: returns f(x) and writes ∇f(x) into {@code grad}. */
    interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    /** The outcome: iterations run, final value, final and initial gradient norms. */
    record Outcome(int iterations, double value, double gradientNorm, double initialGradientNorm, boolean converged) {}

    private Lbfgs() {}

    /**
     * Minimises {@code f} from {@code x} (updated in place) until {@code ‖∇f‖₂ ≤ tolerance·max(1, ‖∇f(x₀)‖₂)} or
     * {@code maxIterations}.
     */
    static Outcome minimize(Objective f, double[] x, int history, int maxIterations, double tolerance) {
        int n = x.length;
        double[][] s = new double[history][n];
        double[][] y = new double[history][n];
        double[] rho = new double[history];
        double[] alpha = new double[history];
        double[] g = new double[n];
        double[] gNew = new double[n];
        double[] dir = new double[n];
        double[] xNew = new double[n];
        double fx = f.evaluate(x, g);
        double g0 = norm(g);
        double target = tolerance * Math.max(1, g0);
        int stored = 0, head = 0;
        int it = 0;
        double gn = g0;
        while (gn > target && it < maxIterations) {
            // Two-loop recursion: dir = −H·g.
            System.arraycopy(g, 0, dir, 0, n);
            for (int j = 0; j < stored; j++) {
                int k = Math.floorMod(head - 1 - j, history);
                alpha[k] = rho[k] * dot(s[k], dir);
                axpy(-alpha[k], y[k], dir);
            }
            double gamma = 1;
            if (stored > 0) {
                int k = Math.floorMod(head - 1, history);
                gamma = dot(s[k], y[k]) / dot(y[k], y[k]);
            } else if (gn > 0) {
                gamma = 1 / gn;
            }
            scale(gamma, dir);
            for (int j = stored - 1; j >= 0; j--) {
                int k = Math.floorMod(head - 1 - j, history);
                double beta = rho[k] * dot(y[k], dir);
                axpy(alpha[k] - beta, s[k], dir);
            }
            scale(-1, dir);
            double slope = dot(g, dir);
            if (slope >= 0) {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                stored = 0;
                for (int i = 0; i < n; i++) {
                    dir[i] = -g[i] / Math.max(gn, 1e-300);
                }
                slope = dot(g, dir);
            }
            double step = 1;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * dir[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || ++tries > 50) {
                    break;
                }
                step *= 0.5;
            }
            if (!(fNew <= fx)) {
                return new Outcome(it, fx, gn, g0, false);
            }
            int k = head;
            double sy = 0, yy = 0;
            for (int i = 0; i < n; i++) {
                s[k][i] = xNew[i] - x[i];
                y[k][i] = gNew[i] - g[i];
                sy += s[k][i] * y[k][i];
                yy += y[k][i] * y[k][i];
            }
            if (sy > 1e-12 * yy) {
                rho[k] = 1 / sy;
                head = (head + 1) % history;
                stored = Math.min(stored + 1, history);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            gn = norm(g);
            it++;
        }
        return new Outcome(it, fx, gn, g0, gn <= target);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
