package io.gnn4j.graph;

import java.util.Arrays;

/**
 * A scatter index ({@code index[i]} = segment of row i) regrouped by segment with one counting sort: segment s holds
 * the rows {@code members[ptr[s] .. ptr[s+1])} in ascending order. As a CSR matrix of numSegments rows, scatter
 * reductions become row reductions; regrouping a graph's targets gives its incoming edges (the transpose).
 *
 * @param ptr     numSegments+1 offsets into {@code members}
 * @param members the rows, grouped by segment, ascending within a segment
 */
public record SegmentIndex(int[] ptr, int[] members) {
    /**
     * The regrouping of {@code index} into {@code numSegments} segments.
     *
     * @throws IllegalArgumentException when numSegments is negative or an id is outside {@code [0, numSegments)}
     */
    public static SegmentIndex of(int[] index, int numSegments) {
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
        int[] next = Arrays.copyOf(ptr, numSegments);
        int[] members = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            members[next[index[i]]++] = i;
        }
        return new SegmentIndex(ptr, members);
    }

    /** Number of segments. */
    public int numSegments() {
        return ptr.length - 1;
    }

    /** Weight 1/|segment| per member, for the mean. */
    float[] inverseCounts() {
        float[] w = new float[members.length];
        for (int s = 0; s + 1 < ptr.length; s++) {
            Arrays.fill(w, ptr[s], ptr[s + 1], 1f / (ptr[s + 1] - ptr[s]));
        }
        return w;
    }
}
