package io.gnn4j.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The simple paths of one length ℓ starting at each node of an undirected graph — the k-path rooted subgraphs of Li
 * et al., "Revisiting Graph Neural Networks on Graph-level Tasks" (arXiv:2501.00773), §model, one length at a time —
 * with the chords among each path's nodes, for a path-encoding layer. A path p is the node sequence
 * {@code nodes[p·(ℓ+1) + i]}, i = 0..ℓ, from its root {@code nodes[p·(ℓ+1)]}, no node twice, consecutive nodes
 * adjacent. Its chords are the adjacencies of its non-consecutive positions (i, j), j ≥ i + 2, in the order
 * (0,2), (0,3), …, (0,ℓ), (1,3), …: {@code chords[p·C + c]} is 1 or 0, C = ℓ(ℓ−1)/2; chord (0, ℓ) says that the
 * path returns to its root and closes a cycle of length ℓ + 1.
 *
 * <p>Sampling rule for high-degree nodes: when a root has at most {@code maxPerRoot} paths of length ℓ, all of them
 * are listed in depth-first order (neighbours ascending), each with weight 1. Otherwise {@code maxPerRoot} paths are
 * drawn by Knuth's path-sampling estimator: from the root, step repeatedly to a uniform neighbour not yet on the path;
 * a completed path gets weight Π_i b_i / maxPerRoot, b_i the number of choices at step i, and a walk that gets stuck
 * is dropped. Σ weight·f(path) over the sample is then an unbiased estimate of Σ f over all the root's paths of
 * length ℓ, so sums such as cycle counts stay right in expectation. The draws come from a
 * {@link SplittableRandom} seeded by {@code seed} and the root, so equal arguments give equal paths.
 *
 * @param length  ℓ ≥ 1
 * @param nodes   P·(ℓ+1) node ids, path-major
 * @param chords  P·ℓ(ℓ−1)/2 flags, path-major
 * @param weights P weights (1 for enumerated paths)
 */
public record RootedPaths(int length, int[] nodes, float[] chords, float[] weights) {
    /** The number of paths P. */
    public int size() {
        return weights.length;
    }

    /** The number of chord flags per path, ℓ(ℓ−1)/2. */
    public int chordsPerPath() {
        return length * (length - 1) / 2;
    }

    /** The root (first node) of every path, a fresh array of length P. */
    public int[] roots() {
        int[] r = new int[size()];
        for (int p = 0; p < r.length; p++) {
            r[p] = nodes[p * (length + 1)];
        }
        return r;
    }

    /** The node at position {@code i} of every path, a fresh array of length P. */
    public int[] position(int i) {
        if (i < 0 || i > length) {
            throw new IllegalArgumentException("position " + i + " is outside 0.." + length);
        }
        int[] r = new int[size()];
        for (int p = 0; p < r.length; p++) {
            r[p] = nodes[p * (length + 1) + i];
        }
        return r;
    }

    /** Whether no path was sampled: every weight is 1. */
    public boolean exact() {
        for (float w : weights) {
            if (w != 1f) {
                return false;
            }
        }
        return true;
    }

    /** The paths of length {@code length} from every node of the undirected graph {@code g}, sampled as above. */
    public static RootedPaths of(Graph g, int length, int maxPerRoot, long seed) {
        if (length < 1 || maxPerRoot < 1) {
            throw new IllegalArgumentException("need length >= 1 and maxPerRoot >= 1, got length = " + length
                    + ", maxPerRoot = " + maxPerRoot);
        }
        if (g.isDirected()) {
            throw new IllegalArgumentException("rooted paths need an undirected graph, got a directed one with "
                    + g.numNodes() + " nodes");
        }
        Builder b = new Builder(g, length);
        int maxDegree = 0;
        for (int v = 0; v < g.numNodes(); v++) {
            maxDegree = Math.max(maxDegree, g.degree(v));
        }
        int[] choices = new int[maxDegree];
        int[] path = new int[length + 1];
        boolean[] onPath = new boolean[g.numNodes()];
        for (int v = 0; v < g.numNodes(); v++) {
            path[0] = v;
            onPath[v] = true;
            if (count(g, path, onPath, 1, length, maxPerRoot + 1L) <= maxPerRoot) {
                enumerate(g, path, onPath, 1, length, b);
            } else {
                sample(g, path, onPath, choices, length, maxPerRoot,
                        new SplittableRandom(seed * 0x9E3779B97F4A7C15L + v), b);
            }
            onPath[v] = false;
        }
        return b.build();
    }

    /** The number of completions of {@code path[0..depth)} to length ℓ, counting no further than {@code cap}. */
    private static long count(Graph g, int[] path, boolean[] onPath, int depth, int length, long cap) {
        if (depth > length) {
            return 1;
        }
        long total = 0;
        int u = path[depth - 1];
        for (int e = g.rowPtr()[u]; e < g.rowPtr()[u + 1] && total < cap; e++) {
            int w = g.colIdx()[e];
            if (!onPath[w]) {
                onPath[w] = true;
                path[depth] = w;
                total += count(g, path, onPath, depth + 1, length, cap - total);
                onPath[w] = false;
            }
        }
        return total;
    }

    private static void enumerate(Graph g, int[] path, boolean[] onPath, int depth, int length, Builder b) {
        if (depth > length) {
            b.add(path, 1f);
            return;
        }
        int u = path[depth - 1];
        for (int e = g.rowPtr()[u]; e < g.rowPtr()[u + 1]; e++) {
            int w = g.colIdx()[e];
            if (!onPath[w]) {
                onPath[w] = true;
                path[depth] = w;
                enumerate(g, path, onPath, depth + 1, length, b);
                onPath[w] = false;
            }
        }
    }

    private static void sample(Graph g, int[] path, boolean[] onPath, int[] choices, int length, int draws,
                               SplittableRandom r, Builder b) {
        for (int s = 0; s < draws; s++) {
            double weight = 1.0 / draws;
            int depth = 1;
            for (; depth <= length; depth++) {
                int u = path[depth - 1], n = 0;
                for (int e = g.rowPtr()[u]; e < g.rowPtr()[u + 1]; e++) {
                    if (!onPath[g.colIdx()[e]]) {
                        choices[n++] = g.colIdx()[e];
                    }
                }
                if (n == 0) {
                    break;
                }
                path[depth] = choices[r.nextInt(n)];
                onPath[path[depth]] = true;
                weight *= n;
            }
            if (depth > length) {
                b.add(path, (float) weight);
            }
            for (int i = 1; i < Math.min(depth, length + 1); i++) {
                onPath[path[i]] = false;
            }
        }
    }

    /** Collects paths with their chords. */
    private static final class Builder {
        private final Graph g;
        private final int length;
        private int[] nodes;
        private float[] chords;
        private float[] weights = new float[16];
        private int size;

        Builder(Graph g, int length) {
            this.g = g;
            this.length = length;
            this.nodes = new int[16 * (length + 1)];
            this.chords = new float[16 * length * (length - 1) / 2];
        }

        void add(int[] path, float weight) {
            int width = length + 1, c = length * (length - 1) / 2;
            if (size == weights.length) {
                weights = Arrays.copyOf(weights, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2 * width);
                chords = Arrays.copyOf(chords, size * 2 * c);
            }
            System.arraycopy(path, 0, nodes, size * width, width);
            int k = size * c;
            for (int i = 0; i <= length; i++) {
                for (int j = i + 2; j <= length; j++) {
                    chords[k++] = adjacent(path[i], path[j]) ? 1f : 0f;
                }
            }
            weights[size++] = weight;
        }

        private boolean adjacent(int u, int v) {
            return Arrays.binarySearch(g.colIdx(), g.rowPtr()[u], g.rowPtr()[u + 1], v) >= 0;
        }

        RootedPaths build() {
            int c = length * (length - 1) / 2;
            return new RootedPaths(length, Arrays.copyOf(nodes, size * (length + 1)), Arrays.copyOf(chords, size * c),
                    Arrays.copyOf(weights, size));
        }
    }
}
