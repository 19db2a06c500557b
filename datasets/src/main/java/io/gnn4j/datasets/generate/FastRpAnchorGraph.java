package io.gnn4j.datasets.generate;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The random undirected graph of the FastRP speed anchor (gnn4j issue #6), reproduced exactly: with
 * {@code java.util.SplittableRandom(seed)} (seed 42 in the anchor) draw u = nextInt(N), then v = nextInt(N); skip
 * the pair if u == v; otherwise its key is min(u,v)·N + max(u,v). After M accepted pairs, sort and deduplicate the
 * keys; while fewer than M unique keys remain, draw as many further accepted pairs as are missing from the same
 * generator, then sort and deduplicate again. The edges are the M unique keys in ascending order. (A skipped
 * self-loop draw does not count towards M.)
 */
public final class FastRpAnchorGraph {
    /** The anchor's seed. */
    public static final long SEED = 42;

    private FastRpAnchorGraph() {
    }

    /** The M unique keys min·N+max, ascending. */
    public static long[] keys(int n, int m, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2 for a graph without self loops, got " + n);
        }
        long maxEdges = (long) n * (n - 1) / 2;
        if (m < 0 || m > maxEdges) {
            throw new IllegalArgumentException("m = " + m + " is outside [0, " + maxEdges + "] for n = " + n);
        }
        SplittableRandom r = new SplittableRandom(seed);
        long[] keys = new long[m];
        int filled = 0;
        while (true) {
            while (filled < m) {
                int u = r.nextInt(n);
                int v = r.nextInt(n);
                if (u == v) {
                    continue;
                }
                keys[filled++] = (long) Math.min(u, v) * n + Math.max(u, v);
            }
            Arrays.sort(keys, 0, m);
            int k = 0;
            for (int i = 0; i < m; i++) {
                if (k == 0 || keys[i] != keys[k - 1]) {
                    keys[k++] = keys[i];
                }
            }
            filled = k;
            if (k == m) {
                return keys;
            }
        }
    }

    /** The anchor graph itself: N nodes, M undirected edges, no self loops. */
    public static Graph graph(int n, int m, long seed) {
        long[] keys = keys(n, m, seed);
        GraphBuilder b = GraphBuilder.undirected(n);
        for (long key : keys) {
            b.addEdge((int) (key / n), (int) (key % n));
        }
        return b.build();
    }
}
