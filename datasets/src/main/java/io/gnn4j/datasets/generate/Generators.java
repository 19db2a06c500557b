package io.gnn4j.datasets.generate;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.SelfLoops;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic graphs: the PyG peer's planted partition, stochastic block models (plain and contextual, with a
 * chosen homophily), Erdős–Rényi G(n, p) and G(n, m), random d-regular graphs, Barabási–Albert preferential
 * attachment and uniform random directed graphs; the FastRP anchor graph is {@link FastRpAnchorGraph}. Every generator draws from one
 * {@link SplittableRandom} seeded by the caller, so equal arguments give equal graphs. Undirected results have no
 * self loops and no multi-edges.
 */
public final class Generators {
    private Generators() {
    }

    /**
     * The planted-partition graph of {@code make_planted_partition} + {@code load_synthetic_pyg} (PyG peer scripts),
     * with the same rules: every node gets a class uniform in [0, C); each of E draws picks a uniform source, and
     * with probability p_in a target uniform among the nodes of the source's class, otherwise a uniform target; the
     * draws are then made undirected without self loops (duplicates merged); x = signal·μ[y] + N(0, 1) with
     * μ ~ N(0, 1)^(C×F); one split "random-50-25-25" (a random permutation: first N/2 train, next N/4 val, rest
     * test). The random numbers come from {@link SplittableRandom}, not numpy's PCG64, so the graph has the same
     * distribution as the peer's but is not bit-identical to it.
     */
    public static NodeDataset plantedPartition(PlantedPartition p) {
        SplittableRandom r = new SplittableRandom(p.seed());
        int n = p.numNodes(), c = p.numClasses(), f = p.numFeatures();
        int[] y = new int[n];
        int[] counts = new int[c];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(c);
            counts[y[i]]++;
        }
        int[] offs = new int[c + 1];
        for (int k = 0; k < c; k++) {
            offs[k + 1] = offs[k] + counts[k];
        }
        int[] order = new int[n]; // stable argsort of y: class members in ascending id order
        int[] fill = Arrays.copyOf(offs, c);
        for (int i = 0; i < n; i++) {
            order[fill[y[i]]++] = i;
        }
        GraphBuilder b = GraphBuilder.undirected(n).selfLoops(SelfLoops.REMOVE);
        for (int e = 0; e < p.numDraws(); e++) {
            int src = r.nextInt(n);
            int dst;
            if (r.nextDouble() < p.pIntra()) {
                int cls = y[src];
                dst = order[offs[cls] + (int) (r.nextDouble() * counts[cls])];
            } else {
                dst = r.nextInt(n);
            }
            b.addEdge(src, dst);
        }
        Graph g = b.build();
        float[] mu = new float[c * f];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = (float) r.nextGaussian();
        }
        float[] x = new float[n * f];
        float s = (float) p.featureSignal();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                x[i * f + j] = s * mu[y[i] * f + j] + (float) r.nextGaussian();
            }
        }
        int[] perm = permutation(n, r);
        Split split = new Split("random-50-25-25", Arrays.copyOfRange(perm, 0, n / 2),
                Arrays.copyOfRange(perm, n / 2, 3 * n / 4), Arrays.copyOfRange(perm, 3 * n / 4, n));
        return new NodeDataset("planted-partition", g, f, x, y, c, List.of(split), null);
    }

    /**
     * A stochastic block model (Holland et al. 1983): blocks of the given sizes occupy consecutive ids, and each
     * unordered pair (u, v), u ≠ v, in blocks (a, b) is an edge independently with probability {@code p[a][b]}
     * (symmetric). Pairs are visited by geometric skipping, so the cost is O(N + E). Labels are the block indices.
     */
    public static NodeDataset stochasticBlockModel(int[] sizes, double[][] p, long seed) {
        int k = sizes.length;
        if (p.length != k) {
            throw new IllegalArgumentException("p has " + p.length + " rows for " + k + " blocks");
        }
        int[] start = new int[k + 1];
        for (int a = 0; a < k; a++) {
            if (sizes[a] < 0) {
                throw new IllegalArgumentException("block " + a + " has negative size " + sizes[a]);
            }
            if (p[a].length != k) {
                throw new IllegalArgumentException("p row " + a + " has " + p[a].length + " entries for " + k + " blocks");
            }
            start[a + 1] = Math.addExact(start[a], sizes[a]);
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                if (!(p[a][b] >= 0 && p[a][b] <= 1) || p[a][b] != p[b][a]) {
                    throw new IllegalArgumentException("p[" + a + "][" + b + "] = " + p[a][b]
                            + " must be in [0, 1] and equal p[" + b + "][" + a + "] = " + p[b][a]);
                }
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        int n = start[k];
        GraphBuilder g = GraphBuilder.undirected(n);
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                double q = p[a][b];
                if (q == 0) {
                    continue;
                }
                if (a == b) {
                    samplePairsWithin(g, start[a], sizes[a], q, r);
                } else {
                    sampleGrid(g, start[a], sizes[a], start[b], sizes[b], q, r);
                }
            }
        }
        int[] labels = new int[n];
        for (int a = 0; a < k; a++) {
            Arrays.fill(labels, start[a], start[a + 1], a);
        }
        return new NodeDataset("sbm", g.build(), 0, new float[0], labels, k, List.of(), null);
    }

    /**
     * A contextual SBM with the chosen expected edge homophily (see {@link ContextualSbm}); classes are balanced
     * consecutive blocks, features Gaussian around per-class means.
     */
    public static NodeDataset contextualSbm(ContextualSbm p) {
        int c = p.numClasses(), n = p.numNodes(), f = p.numFeatures();
        double pin = p.pIn(), pout = p.pOut();
        if (pin > 1 || pout > 1) {
            throw new IllegalArgumentException("avgDegree " + p.avgDegree() + " with homophily " + p.homophily()
                    + " needs p_in = " + pin + ", p_out = " + pout + ": both must be <= 1");
        }
        int[] sizes = new int[c];
        for (int k = 0; k < c; k++) {
            sizes[k] = n / c + (k < n % c ? 1 : 0);
        }
        double[][] prob = new double[c][c];
        for (double[] row : prob) {
            Arrays.fill(row, pout);
        }
        for (int k = 0; k < c; k++) {
            prob[k][k] = pin;
        }
        NodeDataset sbm = stochasticBlockModel(sizes, prob, p.seed());
        SplittableRandom r = new SplittableRandom(p.seed() ^ 0x5DEECE66DL);
        float[] mu = new float[c * f];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = (float) r.nextGaussian();
        }
        float s = (float) p.featureSignal();
        float[] x = new float[n * f];
        int[] y = sbm.labels();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                x[i * f + j] = s * mu[y[i] * f + j] + (float) r.nextGaussian();
            }
        }
        return new NodeDataset("csbm-h" + p.homophily(), sbm.graph(), f, x, y, c, List.of(), null);
    }

    /** Erdős–Rényi G(n, p): every unordered pair independently with probability p (geometric skipping, O(N + E)). */
    public static Graph erdosRenyi(int n, double p, long seed) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("need n >= 0 and p in [0, 1], got n = " + n + ", p = " + p);
        }
        GraphBuilder g = GraphBuilder.undirected(n);
        if (p > 0) {
            samplePairsWithin(g, 0, n, p, new SplittableRandom(seed));
        }
        return g.build();
    }

    /** Erdős–Rényi G(n, m): exactly m distinct undirected edges, uniform among all such graphs (rejection sampling). */
    public static Graph erdosRenyiM(int n, long m, long seed) {
        long max = (long) n * (n - 1) / 2;
        if (n < 0 || m < 0 || m > max) {
            throw new IllegalArgumentException("m = " + m + " is outside [0, " + max + "] for n = " + n);
        }
        long[] keys = distinctKeys(n, m, false, false, new SplittableRandom(seed));
        GraphBuilder g = GraphBuilder.undirected(n);
        for (long key : keys) {
            g.addEdge((int) (key / n), (int) (key % n));
        }
        return g.build();
    }

    /**
     * A uniform random directed graph with exactly m distinct arcs u→v (self loops only when allowed): the directed
     * G(n, m).
     */
    public static Graph randomDirected(int n, long m, boolean selfLoops, long seed) {
        long max = (long) n * (selfLoops ? n : n - 1);
        if (n < 0 || m < 0 || m > max) {
            throw new IllegalArgumentException("m = " + m + " is outside [0, " + max + "] for n = " + n);
        }
        long[] keys = distinctKeys(n, m, true, selfLoops, new SplittableRandom(seed));
        GraphBuilder g = GraphBuilder.directed(n);
        for (long key : keys) {
            g.addEdge((int) (key / n), (int) (key % n));
        }
        return g.build();
    }

    /**
     * A random simple d-regular graph on n nodes by the pairing algorithm of Steger &amp; Wormald (1999), as networkx's
     * {@code random_regular_graph}: n·d points (d per node) are paired at random, a pair is kept only when it makes no
     * self loop and no repeated edge, and when no valid pair is left the attempt starts over. Needs 0 ≤ d &lt; n and
     * n·d even.
     */
    public static Graph randomRegular(int n, int d, long seed) {
        if (d < 0 || d >= n || ((long) n * d) % 2 != 0) {
            throw new IllegalArgumentException("a d-regular graph on n nodes needs 0 <= d < n and n·d even, got n = " + n
                    + ", d = " + d);
        }
        SplittableRandom r = new SplittableRandom(seed);
        while (true) {
            LongOpenHashSet edges = pairing(n, d, r);
            if (edges != null) {
                GraphBuilder g = GraphBuilder.undirected(n);
                long[] keys = edges.toLongArray();
                Arrays.sort(keys);
                for (long key : keys) {
                    g.addEdge((int) (key / n), (int) (key % n));
                }
                return g.build();
            }
        }
    }

    /** One attempt of the pairing algorithm: the edges (keys min·n + max), or null when it got stuck. */
    private static LongOpenHashSet pairing(int n, int d, SplittableRandom r) {
        LongOpenHashSet edges = new LongOpenHashSet();
        IntArrayList points = new IntArrayList();
        for (int v = 0; v < n; v++) {
            for (int k = 0; k < d; k++) {
                points.add(v);
            }
        }
        while (!points.isEmpty()) {
            IntArrayList left = new IntArrayList();
            int[] p = points.toIntArray();
            for (int i = p.length - 1; i > 0; i--) { // shuffle, then pair neighbours in the shuffled order
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            for (int i = 0; i + 1 < p.length; i += 2) {
                int u = Math.min(p[i], p[i + 1]), v = Math.max(p[i], p[i + 1]);
                if (u != v && edges.add((long) u * n + v)) {
                    continue;
                }
                left.add(p[i]);
                left.add(p[i + 1]);
            }
            if (left.size() == points.size() && !canPair(left, edges, n)) {
                return null;
            }
            points = left;
        }
        return edges;
    }

    /** Whether some two of the remaining points still form a new edge. */
    private static boolean canPair(IntArrayList points, LongOpenHashSet edges, int n) {
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                int u = Math.min(points.getInt(i), points.getInt(j)), v = Math.max(points.getInt(i), points.getInt(j));
                if (u != v && !edges.contains((long) u * n + v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Barabási–Albert preferential attachment (Barabási & Albert, Science 1999), with networkx's rules: start from a
     * star on m+1 nodes; each further node attaches to m distinct earlier nodes drawn with probability proportional
     * to degree. N nodes, m·(N − m) edges.
     */
    public static Graph barabasiAlbert(int n, int m, long seed) {
        if (m < 1 || m >= n) {
            throw new IllegalArgumentException("need 1 <= m < n, got m = " + m + ", n = " + n);
        }
        SplittableRandom r = new SplittableRandom(seed);
        GraphBuilder g = GraphBuilder.undirected(n);
        IntArrayList repeated = new IntArrayList();
        for (int v = 1; v <= m; v++) {
            g.addEdge(0, v);
            repeated.add(0);
            repeated.add(v);
        }
        IntOpenHashSet targets = new IntOpenHashSet();
        int[] chosen = new int[m];
        for (int source = m + 1; source < n; source++) {
            targets.clear();
            int k = 0;
            while (k < m) {
                int t = repeated.getInt(r.nextInt(repeated.size()));
                if (targets.add(t)) {
                    chosen[k++] = t;
                }
            }
            for (int t : chosen) {
                g.addEdge(source, t);
                repeated.add(t);
                repeated.add(source);
            }
        }
        return g.build();
    }

    /** A uniform random permutation of 0..n−1 (Fisher–Yates). */
    static int[] permutation(int n, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static long[] distinctKeys(int n, long m, boolean ordered, boolean loops, SplittableRandom r) {
        if (m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("m = " + m + " edges exceed the CSR limit");
        }
        LongOpenHashSet set = new LongOpenHashSet((int) m);
        while (set.size() < m) {
            int u = r.nextInt(n), v = r.nextInt(n);
            if (u == v && !loops) {
                continue;
            }
            set.add(ordered ? (long) u * n + v : (long) Math.min(u, v) * n + Math.max(u, v));
        }
        long[] keys = set.toLongArray();
        Arrays.sort(keys);
        return keys;
    }

    /** Geometric number of failures before a success: floor(log(U) / log(1 − p)). */
    private static long skip(double logQ, SplittableRandom r) {
        if (logQ == Double.NEGATIVE_INFINITY) {
            return 0; // p == 1
        }
        double u = 1.0 - r.nextDouble(); // in (0, 1]
        double s = Math.floor(Math.log(u) / logQ);
        return s >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) s;
    }

    /** Pairs i < j inside [base, base+size), each with probability p (Batagelj & Brandes 2005). */
    private static void samplePairsWithin(GraphBuilder g, int base, int size, double p, SplittableRandom r) {
        double logQ = Math.log1p(-p);
        long total = (long) size * (size - 1) / 2;
        long k = -1;
        while (true) {
            k += 1 + skip(logQ, r);
            if (k >= total || k < 0) {
                return;
            }
            // Row j holds pairs (j, 0..j-1) at linear indices j(j-1)/2 .. j(j+1)/2 - 1.
            long j = (long) ((1 + Math.sqrt(1 + 8.0 * k)) / 2);
            while (j * (j - 1) / 2 > k) {
                j--;
            }
            while ((j + 1) * j / 2 <= k) {
                j++;
            }
            long i = k - j * (j - 1) / 2;
            g.addEdge(base + (int) j, base + (int) i);
        }
    }

    /** Pairs (a, b) in [baseA, baseA+sizeA) × [baseB, baseB+sizeB), each with probability p. */
    private static void sampleGrid(GraphBuilder g, int baseA, int sizeA, int baseB, int sizeB, double p, SplittableRandom r) {
        double logQ = Math.log1p(-p);
        long total = (long) sizeA * sizeB;
        long k = -1;
        while (true) {
            k += 1 + skip(logQ, r);
            if (k >= total || k < 0) {
                return;
            }
            g.addEdge(baseA + (int) (k / sizeB), baseB + (int) (k % sizeB));
        }
    }
}
