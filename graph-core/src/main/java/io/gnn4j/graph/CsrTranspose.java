package io.gnn4j.graph;

/**
 * Builds the CSR form of Aᵀ from the CSR form of A: the entries regrouped by target ({@link SegmentIndex}), each
 * target's entries in ascending entry order, i.e. ascending source, so rows stay sorted.
 */
final class CsrTranspose {
    private CsrTranspose() {}

    static Graph of(Graph a) {
        int n = a.numNodes();
        int[] rowPtr = a.rowPtr();
        float[] w = a.weightsOrNull();
        SegmentIndex byTarget = SegmentIndex.of(a.colIdx(), n);
        int[] entries = byTarget.members();
        int e = entries.length;
        int[] src = new int[e];
        for (int u = 0; u < n; u++) {
            java.util.Arrays.fill(src, rowPtr[u], rowPtr[u + 1], u);
        }
        int[] tCol = new int[e];
        float[] tW = w == null ? null : new float[e];
        for (int p = 0; p < e; p++) {
            int k = entries[p];
            tCol[p] = src[k];
            if (tW != null) {
                tW[p] = w[k];
            }
        }
        return new Graph(n, byTarget.ptr(), tCol, tW, a.type());
    }
}
