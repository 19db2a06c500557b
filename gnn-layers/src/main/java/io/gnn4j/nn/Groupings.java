package io.gnn4j.nn;

import io.gnn4j.graph.SegmentIndex;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One tape's {@link SegmentIndex} regroupings of the index arrays passed to it, by array identity: layers pass the same
 * edge arrays (those of a graph's {@link EdgeIndex}) every step, so per-step reductions by segment need no sorting
 * and no allocation. An entry lives while both the tape and its index array do: the keys are weak, so the arrays of
 * a transient mini-batch graph are dropped with the graph, and nothing outlives the tape. Confined, like the tape,
 * to one thread at a time.
 */
final class Groupings {
    private final Map<int[], SegmentIndex> byIndex = new WeakHashMap<>();

    /** The regrouping of {@code index} into {@code numSegments} segments, validating every id once. */
    SegmentIndex of(int[] index, int numSegments) {
        SegmentIndex g = byIndex.get(index);
        if (g == null || g.numSegments() != numSegments) {
            g = SegmentIndex.of(index, numSegments);
            byIndex.put(index, g);
        }
        return g;
    }
}
