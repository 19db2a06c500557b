package io.gnn4j.datasets.split;

import io.gnn4j.datasets.Split;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, deterministic splits: random per-class node splits (Planetoid-style "20 per class + 500 + 1000"), ratio
 * splits, stratified k-fold for graph classification (the protocol of Xu et al., "How Powerful are Graph Neural
 * Networks?", ICLR 2019: scikit-learn's {@code StratifiedKFold(10, shuffle=True)}), link-prediction edge splits
 * with negative sampling, and leave-k-out splits for recommendation. Every method draws from one
 * {@link SplittableRandom} built from the seed, so the same arguments always give the same split (the random
 * streams are not numpy's, so indices differ from the Python tools' for the same seed).
 */
public final class Splits {
    private Splits() {
    }

    /**
     * Per class c, {@code trainPerClass} nodes drawn at random from the nodes labelled c; then {@code numVal} and
     * {@code numTest} nodes drawn at random from the remaining labelled nodes (label ≥ 0). Named
     * "per-class-{trainPerClass}-seed-{seed}".
     *
     * @throws IllegalArgumentException when a class has fewer than trainPerClass nodes or too few nodes remain
     */
    public static Split perClass(int[] labels, int numClasses, int trainPerClass, int numVal, int numTest, long seed) {
        if (trainPerClass < 0 || numVal < 0 || numTest < 0) {
            throw new IllegalArgumentException("sizes must be >= 0, got " + trainPerClass + "/" + numVal + "/" + numTest);
        }
        int[][] byClass = membersByClass(labels, numClasses);
        SplittableRandom r = new SplittableRandom(seed);
        IntArrayList train = new IntArrayList(), rest = new IntArrayList();
        for (int c = 0; c < numClasses; c++) {
            int[] m = byClass[c];
            if (m.length < trainPerClass) {
                throw new IllegalArgumentException("class " + c + " has " + m.length + " nodes, fewer than trainPerClass = "
                        + trainPerClass);
            }
            shuffle(m, r);
            train.addElements(train.size(), m, 0, trainPerClass);
            rest.addElements(rest.size(), m, trainPerClass, m.length - trainPerClass);
        }
        int[] remaining = rest.toIntArray();
        Arrays.sort(remaining);
        if ((long) numVal + numTest > remaining.length) {
            throw new IllegalArgumentException("numVal + numTest = " + ((long) numVal + numTest) + " exceeds the "
                    + remaining.length + " labelled nodes left after training");
        }
        shuffle(remaining, r);
        return new Split("per-class-" + trainPerClass + "-seed-" + seed, train.toIntArray(),
                Arrays.copyOfRange(remaining, 0, numVal), Arrays.copyOfRange(remaining, numVal, numVal + numTest));
    }

    /**
     * The node split of PyTorch Geometric Signed Directed's {@code node_class_split}, which the official ADPA code
     * (xkLi-Allen/AMUD-ADPA, {@code datasets/node_split.py}) uses for Cora-ML and CiteSeer, rebuilt with numpy's
     * legacy {@code RandomState(seed)} ({@link NumpyRandomState}) so that the node ids are the Python code's: for each
     * class c in order, {@code choice(nodes labelled c in ascending order, trainPerClass, replace=False)}; then
     * {@code choice(every other node in ascending order, numVal, replace=False)}; the test set is every node left.
     * Unlabelled nodes (label &lt; 0), which PyGSD's datasets do not have, are left out of validation and test. Named
     * "pygsd-{seed}".
     *
     * @throws IllegalArgumentException when a class has fewer than trainPerClass nodes or too few nodes remain
     */
    public static Split pygsd(int[] labels, int numClasses, int trainPerClass, int numVal, long seed) {
        int[][] byClass = membersByClass(labels, numClasses);
        NumpyRandomState r = new NumpyRandomState(seed);
        IntArrayList train = new IntArrayList();
        boolean[] taken = new boolean[labels.length];
        for (int c = 0; c < numClasses; c++) {
            if (byClass[c].length < trainPerClass) {
                throw new IllegalArgumentException("class " + c + " has " + byClass[c].length + " nodes, fewer than "
                        + "trainPerClass = " + trainPerClass);
            }
            for (int v : r.choice(byClass[c], trainPerClass)) {
                train.add(v);
                taken[v] = true;
            }
        }
        IntArrayList rest = new IntArrayList();
        for (int v = 0; v < labels.length; v++) {
            if (!taken[v] && labels[v] >= 0) {
                rest.add(v);
            }
        }
        if (numVal > rest.size()) {
            throw new IllegalArgumentException("numVal = " + numVal + " exceeds the " + rest.size()
                    + " labelled nodes left after training");
        }
        int[] val = r.choice(rest.toIntArray(), numVal);
        for (int v : val) {
            taken[v] = true;
        }
        IntArrayList test = new IntArrayList();
        for (int v = 0; v < labels.length; v++) {
            if (!taken[v] && labels[v] >= 0) {
                test.add(v);
            }
        }
        return new Split("pygsd-" + seed, train.toIntArray(), val, test.toIntArray());
    }

    /**
     * A random split of items 0..n−1: ⌊n·trainFraction⌋ train, ⌊n·valFraction⌋ validation, the rest test. Named
     * "ratio-{train}-{val}-seed-{seed}".
     */
    public static Split ratio(int n, double trainFraction, double valFraction, long seed) {
        if (n < 0 || !(trainFraction >= 0) || !(valFraction >= 0) || trainFraction + valFraction > 1) {
            throw new IllegalArgumentException("need n >= 0 and fractions >= 0 with train + val <= 1, got n = " + n
                    + ", train = " + trainFraction + ", val = " + valFraction);
        }
        int[] perm = permutation(n, new SplittableRandom(seed));
        int nt = (int) Math.floor(n * trainFraction), nv = (int) Math.floor(n * valFraction);
        return new Split("ratio-" + trainFraction + "-" + valFraction + "-seed-" + seed, Arrays.copyOfRange(perm, 0, nt),
                Arrays.copyOfRange(perm, nt, nt + nv), Arrays.copyOfRange(perm, nt + nv, n));
    }

    /**
     * {@code split} with a seeded random ⌊|train|·fraction⌋ of its training indices moved to validation (added to
     * any it has), test unchanged: a validation set for a split published without one (MovieLens' ua/ub), as
     * RecBole and the LightGCN code carve one from the training ratings. Named "{name}-val-{fraction}-seed-{seed}".
     */
    public static Split holdOutFromTrain(Split split, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be in [0, 1), got " + fraction);
        }
        int[] train = split.train().clone();
        shuffle(train, new SplittableRandom(seed));
        int nv = (int) Math.floor(train.length * fraction);
        int[] val = Arrays.copyOf(split.val(), split.val().length + nv);
        System.arraycopy(train, 0, val, split.val().length, nv);
        return new Split(split.name() + "-val-" + fraction + "-seed-" + seed,
                Arrays.copyOfRange(train, nv, train.length), val, split.test());
    }

    /**
     * A stratified random split by ratio: within each class c (labels ≥ 0; unlabelled nodes are in no set; for
     * ratings, the class of a rating is its user), its n_c members are shuffled and the first ⌊n_c·trainFraction⌋
     * go to train, the next ⌊n_c·valFraction⌋ to validation, the rest to test, so every set keeps the class
     * proportions. Named "random-{train}-{val}-seed-{seed}".
     */
    public static Split stratifiedRatio(int[] labels, int numClasses, double trainFraction, double valFraction,
                                        long seed) {
        if (!(trainFraction >= 0) || !(valFraction >= 0) || trainFraction + valFraction > 1) {
            throw new IllegalArgumentException("need fractions >= 0 with train + val <= 1, got train = "
                    + trainFraction + ", val = " + valFraction);
        }
        SplittableRandom r = new SplittableRandom(seed);
        IntArrayList train = new IntArrayList(), val = new IntArrayList(), test = new IntArrayList();
        for (int[] m : membersByClass(labels, numClasses)) {
            shuffle(m, r);
            int nt = (int) Math.floor(m.length * trainFraction), nv = (int) Math.floor(m.length * valFraction);
            train.addElements(train.size(), m, 0, nt);
            val.addElements(val.size(), m, nt, nv);
            test.addElements(test.size(), m, nt + nv, m.length - nt - nv);
        }
        return new Split("random-" + trainFraction + "-" + valFraction + "-seed-" + seed, train.toIntArray(),
                val.toIntArray(), test.toIntArray());
    }

    /**
     * Stratified k-fold over items with the given labels, by scikit-learn's {@code StratifiedKFold(shuffle=True)}
     * rules: the items sorted by label are dealt round-robin to the folds, which fixes how many items of each class
     * every fold receives (sizes differ by at most one per class); within each class, which items go to which fold
     * is a random permutation. Fold i is the split "fold-i" with test = fold i, train = the rest, no validation set
     * (as in the GIN protocol, which reports the mean ± std of test accuracy over the 10 folds).
     */
    public static List<Split> stratifiedKFold(int[] labels, int k, long seed) {
        int n = labels.length;
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("k = " + k + " must be in [2, " + n + "] (the number of items)");
        }
        int numClasses = 0;
        for (int y : labels) {
            if (y < 0) {
                throw new IllegalArgumentException("label " + y + " is negative; k-fold needs every item labelled");
            }
            numClasses = Math.max(numClasses, y + 1);
        }
        int[][] byClass = membersByClass(labels, numClasses);
        // allocation[f][c] = how many of the label-sorted items at positions f, f+k, f+2k, ... have class c.
        int[][] allocation = new int[k][numClasses];
        int pos = 0;
        for (int c = 0; c < numClasses; c++) {
            for (int j = 0; j < byClass[c].length; j++, pos++) {
                allocation[pos % k][c]++;
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] foldOf = new int[n];
        for (int c = 0; c < numClasses; c++) {
            int[] folds = new int[byClass[c].length];
            int p = 0;
            for (int f = 0; f < k; f++) {
                for (int j = 0; j < allocation[f][c]; j++) {
                    folds[p++] = f;
                }
            }
            shuffle(folds, r);
            for (int j = 0; j < folds.length; j++) {
                foldOf[byClass[c][j]] = folds[j];
            }
        }
        List<Split> out = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            IntArrayList train = new IntArrayList(), test = new IntArrayList();
            for (int i = 0; i < n; i++) {
                (foldOf[i] == f ? test : train).add(i);
            }
            out.add(new Split("fold-" + f, train.toIntArray(), new int[0], test.toIntArray()));
        }
        return out;
    }

    /**
     * A link-prediction split: the non-loop edges of {@code g} (undirected: each pair once) are shuffled; the first
     * ⌊E·valFraction⌋ are validation positives, the next ⌊E·testFraction⌋ test positives, the rest train (they and
     * the self loops form {@link EdgeSplit#trainGraph()}). Val and test get as many negatives as positives, drawn
     * uniformly from pairs u ≠ v that are not edges of g, with no pair drawn twice.
     */
    public static EdgeSplit edges(Graph g, double valFraction, double testFraction, long seed) {
        if (!(valFraction >= 0) || !(testFraction >= 0) || valFraction + testFraction > 1) {
            throw new IllegalArgumentException("fractions must be >= 0 with val + test <= 1, got " + valFraction + ", "
                    + testFraction);
        }
        int n = g.numNodes();
        boolean directed = g.isDirected();
        int[] rp = g.rowPtr(), ci = g.colIdx();
        IntArrayList us = new IntArrayList(), vs = new IntArrayList(), loops = new IntArrayList();
        for (int u = 0; u < n; u++) {
            for (int e = rp[u]; e < rp[u + 1]; e++) {
                int v = ci[e];
                if (u == v) {
                    loops.add(u);
                } else if (directed || u < v) {
                    us.add(u);
                    vs.add(v);
                }
            }
        }
        int m = us.size();
        SplittableRandom r = new SplittableRandom(seed);
        int[] perm = permutation(m, r);
        int nv = (int) Math.floor(m * valFraction), nt = (int) Math.floor(m * testFraction);
        EdgePairs valPos = pick(us, vs, perm, 0, nv), testPos = pick(us, vs, perm, nv, nv + nt);
        EdgePairs train = pick(us, vs, perm, nv + nt, m);
        long possible = directed ? (long) n * (n - 1) : (long) n * (n - 1) / 2;
        if ((long) nv + nt > possible - m) {
            throw new IllegalArgumentException("need " + ((long) nv + nt) + " negative pairs but the graph has only "
                    + (possible - m) + " non-edges");
        }
        LongOpenHashSet drawn = new LongOpenHashSet();
        EdgePairs valNeg = negatives(g, nv, drawn, r), testNeg = negatives(g, nt, drawn, r);
        GraphBuilder b = directed ? GraphBuilder.directed(n) : GraphBuilder.undirected(n);
        b.addEdges(train.src(), train.dst());
        for (int i = 0; i < loops.size(); i++) {
            b.addEdge(loops.getInt(i), loops.getInt(i));
        }
        return new EdgeSplit(b.build(), train, valPos, valNeg, testPos, testNeg);
    }

    /**
     * Leave-k-out for recommendation over interactions (user[i], timestamp[i]): for every user, the
     * {@code kTest} latest interactions go to test and the next {@code kVal} latest to validation (ties by
     * timestamp broken by the larger index, i.e. the later line); with {@code latest = false} they are chosen at
     * random instead. Users with at most kTest + kVal interactions keep all of them in train. Indices refer to the
     * interaction arrays; named "leave-{kTest}-{kVal}-out-{latest|random}".
     */
    public static Split leaveKOut(int[] users, long[] timestamps, int kTest, int kVal, boolean latest, long seed) {
        int n = users.length;
        if (timestamps.length != n) {
            throw new IllegalArgumentException(n + " users but " + timestamps.length + " timestamps");
        }
        if (kTest < 0 || kVal < 0) {
            throw new IllegalArgumentException("kTest " + kTest + " and kVal " + kVal + " must be >= 0");
        }
        int numUsers = 0;
        for (int u : users) {
            if (u < 0) {
                throw new IllegalArgumentException("user id " + u + " is negative");
            }
            numUsers = Math.max(numUsers, u + 1);
        }
        int[][] byUser = membersByClass(users, numUsers);
        SplittableRandom r = new SplittableRandom(seed);
        IntArrayList train = new IntArrayList(), val = new IntArrayList(), test = new IntArrayList();
        for (int[] items : byUser) {
            if (items.length <= kTest + kVal) {
                train.addElements(train.size(), items);
                continue;
            }
            if (latest) {
                // Sort by (timestamp, index) descending: the latest first.
                int[] order = items.clone();
                it.unimi.dsi.fastutil.ints.IntArrays.quickSort(order, (a, b) -> {
                    int c = Long.compare(timestamps[b], timestamps[a]);
                    return c != 0 ? c : Integer.compare(b, a);
                });
                items = order;
            } else {
                shuffle(items, r);
            }
            test.addElements(test.size(), items, 0, kTest);
            val.addElements(val.size(), items, kTest, kVal);
            train.addElements(train.size(), items, kTest + kVal, items.length - kTest - kVal);
        }
        return new Split("leave-" + kTest + "-" + kVal + "-out-" + (latest ? "latest" : "random"), train.toIntArray(),
                val.toIntArray(), test.toIntArray());
    }

    private static EdgePairs negatives(Graph g, int count, LongOpenHashSet drawn, SplittableRandom r) {
        int n = g.numNodes();
        boolean directed = g.isDirected();
        int[] s = new int[count], d = new int[count];
        int k = 0;
        while (k < count) {
            int u = r.nextInt(n), v = r.nextInt(n);
            if (u == v) {
                continue;
            }
            if (!directed && u > v) {
                int t = u;
                u = v;
                v = t;
            }
            if (g.hasEdge(u, v) || !drawn.add((long) u * n + v)) {
                continue;
            }
            s[k] = u;
            d[k] = v;
            k++;
        }
        return new EdgePairs(s, d);
    }

    private static EdgePairs pick(IntArrayList us, IntArrayList vs, int[] perm, int from, int to) {
        int[] s = new int[to - from], d = new int[to - from];
        for (int i = from; i < to; i++) {
            s[i - from] = us.getInt(perm[i]);
            d[i - from] = vs.getInt(perm[i]);
        }
        return new EdgePairs(s, d);
    }

    /** Item ids of each class in ascending order; labels < 0 are skipped, labels ≥ numClasses rejected. */
    static int[][] membersByClass(int[] labels, int numClasses) {
        int[] counts = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y >= numClasses) {
                throw new IllegalArgumentException("label " + y + " of item " + i + " is outside 0.." + (numClasses - 1));
            }
            if (y >= 0) {
                counts[y]++;
            }
        }
        int[][] out = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            out[c] = new int[counts[c]];
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                out[labels[i]][fill[labels[i]]++] = i;
            }
        }
        return out;
    }

    static int[] permutation(int n, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a, r);
        return a;
    }

    /** Fisher–Yates shuffle in place. */
    static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
