package io.gnn4j.directed;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.SelfLoops;
import io.gnn4j.graph.SparseOps;
import io.gnn4j.graph.SparseProduct;
import java.lang.foreign.MemorySegment;

/**
 * A directed pattern P ({@link Pattern}) of a graph as a normalised operator {@code D^{r−1}·P'·D^{−r}}, applied to
 * N×F row-major features with one SpMM per factor ({@link TwoHop#FACTORED}, the default: faster in
 * {@code DirectedPatternBenchmark}, see docs/performance.md) or, for a two-hop pattern, with one SpMM by the product
 * materialised once by graph-core's {@link SparseProduct} ({@link TwoHop#MATERIALISED}). P' is P built on A
 * (or on A + I when {@code selfLoops}: every node gets one self loop of weight 1, an existing one is kept), with its
 * diagonal removed when {@code dropDiagonal}; d = P'·1 are its row sums (path counts), and a zero degree gives a zero
 * scale, as ADPA's official code maps d^x = ∞ to 0. r = ½ is the symmetric normalisation, r = 0 the random walk.
 */
public final class PatternOperator {
    private final Pattern pattern;
    private final Graph[] factors;
    private final float[] diagonal;
    private final float[] left;
    private final float[] right;

    private PatternOperator(Pattern pattern, Graph[] factors, float[] diagonal, float[] left, float[] right) {
        this.pattern = pattern;
        this.factors = factors;
        this.diagonal = diagonal;
        this.left = left;
        this.right = right;
    }

    /** How a two-hop pattern F₀·F₁ is applied. */
    public enum TwoHop {
        /** Two SpMMs, {@code F₀·(F₁·X)}, over A's CSR and its cached transpose; nothing is built. */
        FACTORED,
        /** The product F₀·F₁ built once by a sparse–sparse product, then one SpMM per application. */
        MATERIALISED
    }

    /** The default way of applying two-hop patterns (the faster one measured). */
    public static final TwoHop DEFAULT_TWO_HOP = TwoHop.FACTORED;

    /** The operator of pattern {@code p} on graph {@code a}, two-hop patterns applied the {@link #DEFAULT_TWO_HOP} way. */
    public static PatternOperator of(Graph a, Pattern p, boolean selfLoops, boolean dropDiagonal, double r,
                                     ExecutionContext ctx) {
        return of(a, p, selfLoops, dropDiagonal, r, DEFAULT_TWO_HOP, ctx);
    }

    /** The operator of pattern {@code p} on graph {@code a}, two-hop patterns applied as {@code twoHop} says. */
    public static PatternOperator of(Graph a, Pattern p, boolean selfLoops, boolean dropDiagonal, double r,
                                     TwoHop twoHop, ExecutionContext ctx) {
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("r must be finite, got " + r);
        }
        Graph base = selfLoops ? GraphBuilder.from(a).selfLoops(SelfLoops.ADD).build() : a;
        Graph[] factors = p.factors(base);
        if (factors.length == 2 && twoHop == TwoHop.MATERIALISED) {
            factors = new Graph[] {SparseProduct.multiply(factors[0], factors[1], ctx)};
        }
        int n = a.numNodes();
        float[] diagonal = dropDiagonal ? diagonal(factors) : null;
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        float[] d = product(factors, ones, 1, ctx);
        float[] left = new float[n], right = new float[n];
        for (int u = 0; u < n; u++) {
            double du = d[u] - (diagonal == null ? 0 : diagonal[u]);
            left[u] = du > 0 ? (float) Math.pow(du, r - 1) : 0f;
            right[u] = du > 0 ? (float) Math.pow(du, -r) : 0f;
        }
        return new PatternOperator(p, factors, diagonal, left, right);
    }

    /** The pattern. */
    public Pattern pattern() {
        return pattern;
    }

    /** The number of nodes. */
    public int numNodes() {
        return left.length;
    }

    /** {@code Y = D^{r−1}·P'·D^{−r}·X} for X with {@code f} columns (row-major), as a new array. */
    public float[] apply(float[] x, int f, ExecutionContext ctx) {
        int n = numNodes();
        if ((long) n * f != x.length) {
            throw new IllegalArgumentException("x holds " + x.length + " floats, expected " + n + "×" + f);
        }
        float[] t = new float[x.length];
        for (int u = 0; u < n; u++) {
            float s = right[u];
            for (int c = 0, o = u * f; c < f; c++) {
                t[o + c] = s * x[o + c];
            }
        }
        float[] y = product(factors, t, f, ctx);
        for (int u = 0; u < n; u++) {
            float dg = diagonal == null ? 0f : diagonal[u];
            float s = left[u];
            for (int c = 0, o = u * f; c < f; c++) {
                y[o + c] = s * (y[o + c] - dg * t[o + c]);
            }
        }
        return y;
    }

    /** F₀·(F₁·(…·X)). */
    private static float[] product(Graph[] factors, float[] x, int f, ExecutionContext ctx) {
        float[] cur = x;
        for (int i = factors.length - 1; i >= 0; i--) {
            float[] next = new float[x.length];
            SparseOps.spmm(factors[i], MemorySegment.ofArray(cur), MemorySegment.ofArray(next), f, ctx);
            cur = next;
        }
        return cur;
    }

    /** The diagonal of the product of the factors: {@code Σ_k F₀[u][k]·F₁[k][u]} (one factor: {@code F₀[u][u]}). */
    private static float[] diagonal(Graph[] factors) {
        Graph f0 = factors[0];
        int n = f0.numNodes();
        float[] diag = new float[n];
        int[] rp = f0.rowPtr(), ci = f0.colIdx();
        for (int u = 0; u < n; u++) {
            double s = 0;
            for (int e = rp[u]; e < rp[u + 1]; e++) {
                int k = ci[e];
                if (factors.length == 1) {
                    s += k == u ? f0.weight(e) : 0;
                } else {
                    s += f0.weight(e) * entry(factors[1], k, u);
                }
            }
            diag[u] = (float) s;
        }
        return diag;
    }

    /** The weight of the stored entry k→u (summed over duplicates), 0 when absent. */
    private static float entry(Graph g, int k, int u) {
        int[] rp = g.rowPtr(), ci = g.colIdx();
        int e = java.util.Arrays.binarySearch(ci, rp[k], rp[k + 1], u);
        if (e < 0) {
            return 0f;
        }
        while (e > rp[k] && ci[e - 1] == u) {
            e--;
        }
        float w = 0;
        for (; e < rp[k + 1] && ci[e] == u; e++) {
            w += g.weight(e);
        }
        return w;
    }
}
