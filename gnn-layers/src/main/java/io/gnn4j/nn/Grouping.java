package io.gnn4j.nn;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * A scatter index ({@code index[i]} = segment of row i) regrouped by segment: segment s holds the rows
 * {@code members[ptr[s] .. ptr[s+1])} in ascending order. Cached by the identity of the index array (layers pass
 * the same edge arrays every step), so per-step reductions by segment need no sorting and no allocation.
 */
final class Grouping {
    private static final Map<int[], Grouping> CACHE = new WeakHashMap<>();

    final int[] ptr;
    final int[] members;

    private Grouping(int[] ptr, int[] members) {
        this.ptr = ptr;
        this.members = members;
    }

    /** The grouping of {@code index} into {@code numSegments} segments, validating every id once. */
    static Grouping of(int[] index, int numSegments) {
        synchronized (CACHE) {
            Grouping g = CACHE.get(index);
            if (g != null && g.ptr.length == numSegments + 1) {
                return g;
            }
        }
        if (numSegments < 0) {
            throw new IllegalArgumentException("numSegments must be >= 0, got " + numSegments);
        }
        int[] ptr = new int[numSegments + 1];
        for (int i = 0; i < index.length; i++) {
            int s = index[i];
            if (s < 0 || s >= numSegments) {
                throw new IllegalArgumentException("index[" + i + "] = " + s + " is out of range [0, " + numSegments + ")");
            }
            ptr[s + 1]++;
        }
        for (int s = 0; s < numSegments; s++) {
            ptr[s + 1] += ptr[s];
        }
        int[] next = java.util.Arrays.copyOf(ptr, numSegments);
        int[] members = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            members[next[index[i]]++] = i;
        }
        Grouping g = new Grouping(ptr, members);
        synchronized (CACHE) {
            CACHE.put(index, g);
        }
        return g;
    }

    int numSegments() {
        return ptr.length - 1;
    }
}
