package io.gnn4j.graph.arrow;

import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.NodeTable;
import java.util.SplittableRandom;

/** Random graphs and node tables for the Arrow tests, with awkward float values mixed in. */
final class RandomGraphs {
    private static final float[] ODD_FLOATS = {0f, -0f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, 1e-38f,
            Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};

    private RandomGraphs() {}

    /** A random graph; {@code multi} keeps duplicate edges (an undirected builder merges them otherwise). */
    static Graph graph(long seed, int n, int m, boolean directed, boolean weighted, boolean multi) {
        SplittableRandom rnd = new SplittableRandom(seed);
        GraphBuilder b = directed ? GraphBuilder.directed(n) : GraphBuilder.undirected(n);
        if (multi) {
            b.duplicates(DuplicateEdges.KEEP);
        }
        for (int e = 0; n > 0 && e < m; e++) {
            int u = rnd.nextInt(n);
            // Leave the last node isolated when there are a few nodes, so isolated nodes always occur.
            int v = rnd.nextInt(n > 2 ? n - 1 : n);
            u = n > 2 ? Math.min(u, n - 2) : u;
            if (weighted) {
                float w = rnd.nextInt(10) == 0 ? ODD_FLOATS[rnd.nextInt(6)] : (float) (rnd.nextDouble() * 4 - 2);
                b.addEdge(u, v, w);
            } else {
                b.addEdge(u, v);
            }
        }
        return b.build();
    }

    /** A random node table of n nodes with f features (NaN and ±∞ included) and, if asked, labels (some −1). */
    static NodeTable nodes(long seed, int n, int f, boolean labelled) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[] x = new float[n * f];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextInt(8) == 0 ? ODD_FLOATS[rnd.nextInt(ODD_FLOATS.length)] : (float) rnd.nextGaussian();
        }
        int[] labels = null;
        if (labelled) {
            labels = new int[n];
            for (int u = 0; u < n; u++) {
                labels[u] = rnd.nextInt(6) - 1;
            }
        }
        return new NodeTable(n, f, x, labels);
    }
}
