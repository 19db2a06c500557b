package io.gnn4j.datasets.generate;

import io.gnn4j.graph.Graph;

/**
 * Exact (non-induced) substructure counts of a small undirected simple graph from powers of its adjacency matrix A,
 * as the counting benchmark of Chen et al., "Can Graph Neural Networks Count Substructures?", NeurIPS 2020, defines
 * its targets (d_i is the degree of node i):
 * <ul>
 *   <li>triangles: trace(A³)/6;</li>
 *   <li>tailed triangles (a triangle with one pendant edge at a corner): Σ_i (A³_ii/2)(d_i − 2), since A³_ii/2
 *       triangles meet at i and each takes any of i's d_i − 2 other edges as its tail;</li>
 *   <li>3-stars: Σ_i C(d_i, 3), a centre with any three of its neighbours;</li>
 *   <li>4-cycles: (trace(A⁴) + trace(A²) − 2·sum(A²))/8. This is exact: the closed 4-walks from i are the d_i²
 *       walks i-j-i-k-i, the Σ_{j∈N(i)} (d_j − 1) walks i-j-k-j-i with k ≠ i and 2 per 4-cycle through i, so
 *       trace(A⁴) = 8·C₄ + 2·Σ d_i² − Σ d_i, with Σ d_i = trace(A²) and Σ d_i² = sum(A²).</li>
 * </ul>
 * Dense O(n³) products in long arithmetic: meant for the benchmark's graphs of at most a few hundred nodes.
 */
public final class SubstructureCounts {
    /** The counted substructures, in the order of {@link #of(Graph)}'s result. */
    public static final java.util.List<String> NAMES = java.util.List.of("triangle", "tailed-triangle", "star",
            "4-cycle");

    private SubstructureCounts() {
    }

    /** {triangles, tailed triangles, 3-stars, 4-cycles} of the undirected simple graph {@code g}. */
    public static long[] of(Graph g) {
        int n = g.numNodes();
        long[][] a = new long[n][n];
        int[] rp = g.rowPtr(), ci = g.colIdx();
        for (int u = 0; u < n; u++) {
            for (int e = rp[u]; e < rp[u + 1]; e++) {
                int v = ci[e];
                if (v == u) {
                    throw new IllegalArgumentException("substructure counts need a simple graph: node " + u
                            + " has a self loop");
                }
                a[u][v] = 1;
            }
        }
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (a[u][v] != a[v][u]) {
                    throw new IllegalArgumentException("substructure counts need an undirected graph: edge " + u + "→"
                            + v + " has no reverse " + v + "→" + u);
                }
            }
        }
        long[][] a2 = multiply(a, a), a3 = multiply(a2, a);
        long trace2 = 0, trace3 = 0, trace4 = 0, sum2 = 0, tailed = 0, stars = 0;
        for (int i = 0; i < n; i++) {
            long d = a2[i][i];
            trace2 += d;
            trace3 += a3[i][i];
            tailed += a3[i][i] / 2 * (d - 2);
            stars += d * (d - 1) * (d - 2) / 6;
            for (int j = 0; j < n; j++) {
                sum2 += a2[i][j];
                trace4 += a2[i][j] * a2[j][i];
            }
        }
        return new long[] {trace3 / 6, tailed, stars, (trace4 + trace2 - 2 * sum2) / 8};
    }

    private static long[][] multiply(long[][] x, long[][] y) {
        int n = x.length;
        long[][] out = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                long v = x[i][k];
                if (v != 0) {
                    for (int j = 0; j < n; j++) {
                        out[i][j] += v * y[k][j];
                    }
                }
            }
        }
        return out;
    }
}
