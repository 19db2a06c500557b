package io.gnn4j.nn;

import io.gnn4j.graph.SegmentIndex;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * {@link SegmentIndex} regroupings cached by the identity of the index array (layers pass the same edge arrays every
 * step), so per-step reductions by segment need no sorting and no allocation.
 */
final class Grouping {
    private static final Map<int[], SegmentIndex> CACHE = new WeakHashMap<>();

    private Grouping() {}

    /** The regrouping of {@code index} into {@code numSegments} segments, validating every id once. */
    static SegmentIndex of(int[] index, int numSegments) {
        synchronized (CACHE) {
            SegmentIndex g = CACHE.get(index);
            if (g != null && g.numSegments() == numSegments) {
                return g;
            }
        }
        SegmentIndex g = SegmentIndex.of(index, numSegments);
        synchronized (CACHE) {
            CACHE.put(index, g);
        }
        return g;
    }
}
