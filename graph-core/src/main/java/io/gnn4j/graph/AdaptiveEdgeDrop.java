package io.gnn4j.graph;

import java.util.random.RandomGenerator;

/**
 * Graph augmentation that removes unimportant edges more often than important ones, after the degree-centrality
 * scheme of Zhu et al., "Graph Contrastive Learning with Adaptive Augmentation" (GCA, WWW 2021, §4.2): an edge's
 * importance is {@code s = log φ} of the degree centrality φ of its endpoints, and it is dropped with probability
 * {@code p = min(rate · (s_max − s) / (s_max − μ_s), maxProbability)}, where s_max and μ_s are the maximum and the
 * mean of s over the graph's edges — so the mean drop probability is about {@code rate}, and edges between hubs are
 * kept. When every edge has the same importance (a regular graph), every edge is dropped with probability
 * {@code rate}.
 *
 * <p>On an undirected graph an edge u–v has {@code s = (log deg u + log deg v) / 2} (GCA scores a directed entry by
 * its target's in-degree alone; the mean of both ends makes the score symmetric) and is kept or dropped as a whole,
 * so the view stays undirected. On a directed graph each entry u→v is scored by {@code log indeg v}, as GCA does, and
 * drawn independently. Self loops are edges like any other. The view keeps every node (isolated ones included) and
 * the kept edges' weights; draws follow the graph's entry order, so a seed fixes the view.
 */
public final class AdaptiveEdgeDrop {
    private AdaptiveEdgeDrop() {
    }

    /**
     * The drop probability of every stored entry of {@code g}, in CSR order (both entries of an undirected edge get
     * the same value).
     *
     * @param rate           the mean drop rate p_e in [0, 1]
     * @param maxProbability the cut-off p_τ in [0, 1] (GCA uses 0.7), so that no edge is always removed
     */
    public static float[] dropProbabilities(Graph g, double rate, double maxProbability) {
        check("rate", rate);
        check("maxProbability", maxProbability);
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        int e = g.numEntries();
        double[] inDegree = new double[g.numNodes()];
        for (int k = 0; k < e; k++) {
            inDegree[colIdx[k]]++;
        }
        double[] s = new double[e];
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int v = colIdx[k];
                s[k] = g.isDirected() ? Math.log(inDegree[v]) : (Math.log(g.degree(u)) + Math.log(g.degree(v))) / 2;
                max = Math.max(max, s[k]);
                sum += s[k];
            }
        }
        double spread = max - sum / e;
        float[] p = new float[e];
        for (int k = 0; k < e; k++) {
            double weight = spread > 1e-12 ? (max - s[k]) / spread : 1;
            p[k] = (float) Math.min(rate * weight, maxProbability);
        }
        return p;
    }

    /** A view of {@code g} without the edges a draw from {@link #dropProbabilities} removes. */
    public static Graph apply(Graph g, double rate, double maxProbability, RandomGenerator rng) {
        float[] p = dropProbabilities(g, rate, maxProbability);
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        GraphBuilder view = g.isDirected() ? GraphBuilder.directed(g.numNodes()) : GraphBuilder.undirected(g.numNodes());
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int v = colIdx[k];
                if (!g.isDirected() && v < u) {
                    continue; // the pair was decided at its first entry u–v with u <= v
                }
                if (rng.nextDouble() >= p[k]) {
                    if (g.isWeighted()) {
                        view.addEdge(u, v, g.weight(k));
                    } else {
                        view.addEdge(u, v);
                    }
                }
            }
        }
        return view.build();
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }
}
