package io.gnn4j.bench.protocol;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded transformations of a training set that turn a standard evaluation into the harder scenarios of the unified
 * evaluation of "Revisiting GNNs on graph-level tasks": a stratified validation hold-out, label noise (a fraction
 * of training labels flipped to another class), class imbalance (the smallest class down-sampled to a ratio of the
 * largest) and few-shot (k items per class). Only training items are touched;
 * validation and test keep their true labels. Returned index arrays are sorted.
 */
public final class Scenarios {
    private Scenarios() {
    }

    /** The two halves of a hold-out: {@code train} keeps the rest, {@code val} the held-out items. */
    public record HoldOut(int[] train, int[] val) {
    }

    /**
     * Per class c, ⌊n_c·fraction⌉ of {@code items} (rounded half up) go to validation, chosen at random; the rest stay
     * in training. Every class keeps at least one training item.
     */
    public static HoldOut stratifiedHoldOut(int[] items, int[] labels, int numClasses, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
        }
        int[][] byClass = byClass(items, labels, numClasses);
        SplittableRandom r = new SplittableRandom(seed);
        IntArrayList train = new IntArrayList(), val = new IntArrayList();
        for (int[] members : byClass) {
            shuffle(members, r);
            int nv = (int) Math.min(Math.floor(members.length * fraction + 0.5), Math.max(0, members.length - 1));
            val.addElements(val.size(), members, 0, nv);
            train.addElements(train.size(), members, nv, members.length - nv);
        }
        return new HoldOut(sorted(train), sorted(val));
    }

    /**
     * A copy of {@code labels} in which round(fraction·|train|) training items, chosen at random, carry a label drawn
     * uniformly from the other classes.
     */
    public static int[] noisyLabels(int[] labels, int[] train, int numClasses, double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("noise fraction must be in [0, 1], got " + fraction);
        }
        if (numClasses < 2 && fraction > 0) {
            throw new IllegalArgumentException("flipping labels needs >= 2 classes, got " + numClasses);
        }
        int[] out = labels.clone();
        int[] order = train.clone();
        SplittableRandom r = new SplittableRandom(seed);
        shuffle(order, r);
        int flips = (int) Math.round(fraction * order.length);
        for (int i = 0; i < flips; i++) {
            int u = order[i];
            int other = r.nextInt(numClasses - 1);
            out[u] = other >= labels[u] ? other + 1 : other;   // uniform over the classes != labels[u]
        }
        return out;
    }

    /**
     * The training items with the smallest class (fewest items; the lowest id on ties) down-sampled at random to
     * max(1, round(ratio·n_max)) items, n_max being the largest class's count; unchanged when it already has fewer.
     */
    public static int[] imbalance(int[] train, int[] labels, int numClasses, double ratio, long seed) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("imbalance ratio must be in (0, 1], got " + ratio);
        }
        int[][] byClass = byClass(train, labels, numClasses);
        int min = -1, max = 0;
        for (int c = 0; c < numClasses; c++) {
            if (byClass[c].length == 0) {
                continue;
            }
            if (min < 0 || byClass[c].length < byClass[min].length) {
                min = c;
            }
            max = Math.max(max, byClass[c].length);
        }
        if (min < 0) {
            return train.clone();
        }
        int keep = (int) Math.max(1, Math.round(ratio * max));
        SplittableRandom r = new SplittableRandom(seed);
        IntArrayList out = new IntArrayList();
        for (int c = 0; c < numClasses; c++) {
            int[] m = byClass[c];
            if (c == min && m.length > keep) {
                shuffle(m, r);
                m = Arrays.copyOf(m, keep);
            }
            out.addElements(out.size(), m);
        }
        return sorted(out);
    }

    /** k training items of every class, chosen at random; a class with fewer than k items is an error. */
    public static int[] fewShot(int[] train, int[] labels, int numClasses, int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("few-shot k must be >= 1, got " + k);
        }
        int[][] byClass = byClass(train, labels, numClasses);
        SplittableRandom r = new SplittableRandom(seed);
        IntArrayList out = new IntArrayList();
        for (int c = 0; c < numClasses; c++) {
            if (byClass[c].length < k) {
                throw new IllegalArgumentException("few-shot k = " + k + " exceeds the " + byClass[c].length
                        + " training items of class " + c);
            }
            shuffle(byClass[c], r);
            out.addElements(out.size(), byClass[c], 0, k);
        }
        return sorted(out);
    }

    private static int[][] byClass(int[] items, int[] labels, int numClasses) {
        int[] count = new int[numClasses];
        for (int i : items) {
            int y = labels[i];
            if (y < 0 || y >= numClasses) {
                throw new IllegalArgumentException("label " + y + " of item " + i + " is outside 0.." + (numClasses - 1));
            }
            count[y]++;
        }
        int[][] out = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            out[c] = new int[count[c]];
        }
        int[] fill = new int[numClasses];
        int[] sortedItems = items.clone();
        Arrays.sort(sortedItems);   // the result must not depend on the caller's order
        for (int i : sortedItems) {
            out[labels[i]][fill[labels[i]]++] = i;
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] sorted(IntArrayList l) {
        int[] a = l.toIntArray();
        Arrays.sort(a);
        return a;
    }
}
