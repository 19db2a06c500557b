package io.gnn4j.graph;

import java.lang.foreign.MemorySegment;

/**
 * A scatter index ({@code index[i]} = segment of source row i) regrouped as a CSR matrix of numSegments rows whose
 * row s lists, in ascending order, the source rows of segment s: scatter reductions are then row reductions.
 *
 * @param rowPtr  numSegments+1 offsets into {@code sources}
 * @param sources the source rows, grouped by segment
 */
record SegmentIndex(int[] rowPtr, int[] sources) {
    static SegmentIndex of(int[] index, int numSegments, MemorySegment src, MemorySegment out, int f) {
        if (numSegments < 0) {
            throw new IllegalArgumentException("numSegments must be >= 0, got " + numSegments);
        }
        SparseOps.requireBytes("src", src, index.length, f);
        SparseOps.requireBytes("out", out, numSegments, f);
        int[] rowPtr = new int[numSegments + 1];
        for (int i = 0; i < index.length; i++) {
            int s = index[i];
            if (s < 0 || s >= numSegments) {
                throw new IllegalArgumentException("index[" + i + "] = " + s + " is out of range [0, " + numSegments + ")");
            }
            rowPtr[s + 1]++;
        }
        for (int s = 0; s < numSegments; s++) {
            rowPtr[s + 1] += rowPtr[s];
        }
        int[] next = java.util.Arrays.copyOf(rowPtr, numSegments);
        int[] sources = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            sources[next[index[i]]++] = i;
        }
        return new SegmentIndex(rowPtr, sources);
    }

    /** Weight 1/|segment| per entry, for the mean. */
    float[] inverseCounts() {
        float[] w = new float[sources.length];
        for (int s = 0; s + 1 < rowPtr.length; s++) {
            java.util.Arrays.fill(w, rowPtr[s], rowPtr[s + 1], 1f / (rowPtr[s + 1] - rowPtr[s]));
        }
        return w;
    }
}
