package io.gnn4j.graph;

/**
 * Splits the rows of a CSR matrix into contiguous blocks of roughly equal cost, where a row costs its number of
 * entries plus one (the write of its output row), so that a single huge-degree row does not starve the others.
 * The way every row-parallel loop of gnn4j is split over an {@link ExecutionContext}.
 */
public final class RowPartition {
    private RowPartition() {}

    /** Block boundaries {@code b[0]=0 ≤ b[1] ≤ … ≤ b[blocks]=n}; block i is rows {@code [b[i], b[i+1])}. */
    public static int[] balanced(int[] rowPtr, int n, int blocks) {
        int[] bounds = new int[blocks + 1];
        long total = (long) rowPtr[n] + n;
        for (int i = 1; i < blocks; i++) {
            long target = total * i / blocks;
            // First row r with rowPtr[r] + r >= target.
            int lo = bounds[i - 1], hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if ((long) rowPtr[mid] + mid < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            bounds[i] = lo;
        }
        bounds[blocks] = n;
        return bounds;
    }
}
