package io.gnn4j.recommend;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.layers.LayerFixtures;

/** A small user–item graph and dense reference arithmetic for the recommender tests. */
public final class RecommenderFixtures {
    /** Users 0..2, items 0..3 (nodes 3..6); item 3 has no interaction. */
    public static final int USERS = 3, ITEMS = 4;
    public static final int[] PTR = {0, 2, 3, 5};
    public static final int[] ITEMS_BY_USER = {0, 1, 1, 0, 2};

    private RecommenderFixtures() {
    }

    /** The bipartite graph of {@link #PTR}/{@link #ITEMS_BY_USER}. */
    public static Graph graph() {
        GraphBuilder b = GraphBuilder.undirected(USERS + ITEMS);
        for (int u = 0; u < USERS; u++) {
            for (int k = PTR[u]; k < PTR[u + 1]; k++) {
                b.addEdge(u, USERS + ITEMS_BY_USER[k]);
            }
        }
        return b.build();
    }

    /** The dense 0/1 adjacency of {@code g}. */
    public static double[][] adjacency(Graph g) {
        int n = g.numNodes();
        double[][] a = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                a[u][g.colIdx()[k]] = 1;
            }
        }
        return a;
    }

    /** D^{-1/2} A D^{-1/2} (isolated nodes get zero rows). */
    public static double[][] symmetric(double[][] a) {
        int n = a.length;
        double[] d = new double[n];
        for (int u = 0; u < n; u++) {
            for (double x : a[u]) {
                d[u] += x;
            }
        }
        double[][] s = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                s[u][v] = a[u][v] == 0 ? 0 : a[u][v] / Math.sqrt(d[u] * d[v]);
            }
        }
        return s;
    }

    /** {@code a·b}. */
    public static double[][] times(double[][] a, double[][] b) {
        return LayerFixtures.multiply(a, b);
    }

    /** The rows×cols values of a tensor-like accessor. */
    public static double[][] values(io.gnn4j.nn.Tensor t) {
        double[][] m = new double[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                m[i][j] = t.get(i, j);
            }
        }
        return m;
    }
}
