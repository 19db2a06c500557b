package io.gnn4j.graph;

/**
 * Degree-normalised operators, returned as weighted graphs that share the CSR structure of their input (build
 * once, reuse for every SpMM). Degrees are weighted row sums {@code d_u = Σ_v A[u][v]}, except in {@link #gcn}, which
 * follows PyG's {@code gcn_norm} and uses in-degrees (column sums; the same on undirected graphs); a zero degree
 * gives a zero scale (as {@code gcn_norm} maps 1/0 to 0).
 */
public final class Normalization {
    private Normalization() {}

    /** Weighted out-degrees (row sums of A), as doubles. */
    public static double[] degrees(Graph a) {
        double[] d = new double[a.numNodes()];
        int[] rowPtr = a.rowPtr();
        for (int u = 0; u < d.length; u++) {
            double s = 0;
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                s += a.weight(k);
            }
            d[u] = s;
        }
        return d;
    }

    /** Weighted in-degrees (column sums of A), as doubles; for a symmetric A the same as {@link #degrees}. */
    public static double[] inDegrees(Graph a) {
        double[] d = new double[a.numNodes()];
        int[] colIdx = a.colIdx();
        for (int k = 0; k < colIdx.length; k++) {
            d[colIdx[k]] += a.weight(k);
        }
        return d;
    }

    /**
     * The GCN operator of Kipf &amp; Welling (2017), {@code Â = D̃^{-1/2} (A + I) D̃^{-1/2}}; nodes that already have
     * a self loop keep it (PyG's "remaining" self loops). Same as {@code gcn(a, true)}.
     */
    public static Graph gcn(Graph a) {
        return gcn(a, true);
    }

    /**
     * PyG's {@code gcn_norm}: entry u→v of A (+ I when {@code addSelfLoops}) becomes
     * {@code d_u^{-1/2} · A[u][v] · d_v^{-1/2}} with d the weighted <em>in</em>-degrees (column sums) of that matrix
     * at both ends, and 0 for a zero degree. For an undirected graph in- and out-degrees coincide (Kipf &amp;
     * Welling's D̃); for a directed one this is what PyG computes when it aggregates along the arcs (x'_v = Σ_{u→v}
     * Â[u][v] x_u, i.e. Âᵀ·X), so gnn4j layers built on it give PyG's numbers on directed graphs too.
     */
    public static Graph gcn(Graph a, boolean addSelfLoops) {
        Graph m = addSelfLoops ? GraphBuilder.from(a).selfLoops(SelfLoops.ADD).build() : a;
        double[] d = inDegrees(m);
        double[] s = new double[d.length];
        for (int u = 0; u < d.length; u++) {
            s[u] = d[u] > 0 ? 1 / Math.sqrt(d[u]) : 0;
        }
        return scaled(m, s, s, m.isDirected());
    }

    /** The random-walk (row-stochastic) operator {@code D^{-1} A}. */
    public static Graph randomWalk(Graph a) {
        return generalized(a, 0);
    }

    /** The symmetric operator {@code D^{-1/2} A D^{-1/2}} without added self loops. */
    public static Graph symmetric(Graph a) {
        return generalized(a, 0.5);
    }

    /**
     * The generalised operator {@code D^{r-1} A D^{-r}} used by directed models (ADPA; r = 1/2 is symmetric,
     * r = 0 the random walk {@code D^{-1}A}, r = 1 {@code A D^{-1}}, column-stochastic when A is symmetric): entry
     * u→v becomes {@code d_u^{r-1} · A[u][v] · d_v^{-r}}, with d the row sums of A. Unless r = 1/2 the result is
     * not symmetric even when A is, so it is typed directed (its transpose is then computed, not assumed).
     */
    public static Graph generalized(Graph a, double r) {
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("r must be finite, got " + r);
        }
        double[] d = degrees(a);
        double[] left = new double[d.length];
        double[] right = new double[d.length];
        for (int u = 0; u < d.length; u++) {
            left[u] = d[u] > 0 ? Math.pow(d[u], r - 1) : 0;
            right[u] = d[u] > 0 ? Math.pow(d[u], -r) : (r == 0 ? 1 : 0); // d^0 = 1 even for d = 0: D^-1 A scales rows only
        }
        return scaled(a, left, right, a.isDirected() || r != 0.5);
    }

    /** The entries of a scaled to {@code left[u] · A[u][v] · right[v]}, sharing a's structure, typed as given. */
    private static Graph scaled(Graph a, double[] left, double[] right, boolean directed) {
        int[] rowPtr = a.rowPtr(), colIdx = a.colIdx();
        float[] w = new float[a.numEntries()];
        for (int u = 0; u < a.numNodes(); u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                w[k] = (float) (left[u] * a.weight(k) * right[colIdx[k]]);
            }
        }
        GraphType t = a.type();
        return new Graph(a.numNodes(), rowPtr, colIdx, w, new GraphType(directed, true, t.selfLoops(), t.multiEdges()));
    }
}
