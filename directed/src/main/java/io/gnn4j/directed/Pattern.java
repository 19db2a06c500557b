package io.gnn4j.directed;

import io.gnn4j.graph.Graph;

/**
 * The directed neighbourhood patterns of ADPA/AMUD (Sun et al., ICDE 2024): with A the adjacency (A[u][v] = 1 for
 * the arc u→v, so row u of {@code A·X} sums u's out-neighbours), the one-hop patterns A (out-neighbours) and Aᵀ
 * (in-neighbours) and the two-hop products AA, AᵀAᵀ, AAᵀ (nodes sharing a target with u) and AᵀA (nodes sharing a
 * source). {@link PatternOperator} applies each as one or two SpMMs over A's CSR and its cached transpose, or the
 * two-hop ones through their materialised product.
 */
public enum Pattern {
    /** A: out-neighbours. */
    A(false),
    /** Aᵀ: in-neighbours. */
    AT(true),
    /** AA: out-neighbours of out-neighbours. */
    AA(false, false),
    /** AᵀAᵀ: in-neighbours of in-neighbours. */
    ATAT(true, true),
    /** AAᵀ: nodes with an arc into a common target. */
    AAT(false, true),
    /** AᵀA: nodes with an arc from a common source. */
    ATA(true, false);

    private final boolean[] transposed;

    Pattern(boolean... transposed) {
        this.transposed = transposed;
    }

    /** Whether the pattern is a two-hop product. */
    public boolean twoHop() {
        return transposed.length == 2;
    }

    /**
     * The factors whose product is the pattern, left to right, taken from {@code a} (one-hop: the given graph
     * itself or its transpose; two-hop: two of A and Aᵀ). {@code P·X = F₀·(F₁·X)}.
     */
    Graph[] factors(Graph a) {
        Graph[] f = new Graph[transposed.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = transposed[i] ? a.transpose() : a;
        }
        return f;
    }
}
