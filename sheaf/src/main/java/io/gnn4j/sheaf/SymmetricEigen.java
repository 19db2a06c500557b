package io.gnn4j.sheaf;

/**
 * The eigen-decomposition A = U·diag(λ)·Uᵀ of a small symmetric matrix by cyclic Jacobi rotations (Golub &amp; Van
 * Loan, "Matrix Computations", 4th ed., Section 8.5), in double precision: the d×d node blocks of a sheaf Laplacian
 * (d ≤ a handful), for their inverse square roots and the derivative of those.
 */
final class SymmetricEigen {
    /** Eigenvalues, length d. */
    final double[] values;
    /** Eigenvectors as columns, row-major d×d. */
    final double[] vectors;

    private SymmetricEigen(double[] values, double[] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes the symmetric row-major d×d matrix {@code a} (not modified). */
    static SymmetricEigen of(double[] a, int d) {
        double[] m = a.clone();
        double[] u = new double[d * d];
        for (int i = 0; i < d; i++) {
            u[i * d + i] = 1;
        }
        for (int sweep = 0; sweep < 64; sweep++) {
            double off = 0, scale = 0;
            for (int p = 0; p < d; p++) {
                scale += m[p * d + p] * m[p * d + p];
                for (int q = p + 1; q < d; q++) {
                    off += m[p * d + q] * m[p * d + q];
                }
            }
            if (off <= 1e-30 * Math.max(scale, 1e-300)) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = m[p * d + q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (m[q * d + q] - m[p * d + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < d; k++) {            // M ← M·J
                        double mkp = m[k * d + p], mkq = m[k * d + q];
                        m[k * d + p] = c * mkp - s * mkq;
                        m[k * d + q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < d; k++) {            // M ← Jᵀ·M
                        double mpk = m[p * d + k], mqk = m[q * d + k];
                        m[p * d + k] = c * mpk - s * mqk;
                        m[q * d + k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < d; k++) {            // U ← U·J
                        double ukp = u[k * d + p], ukq = u[k * d + q];
                        u[k * d + p] = c * ukp - s * ukq;
                        u[k * d + q] = s * ukp + c * ukq;
                    }
                }
            }
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = m[i * d + i];
        }
        return new SymmetricEigen(values, u);
    }
}
