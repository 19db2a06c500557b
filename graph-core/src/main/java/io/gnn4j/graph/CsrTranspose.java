package io.gnn4j.graph;

/** Builds the CSR form of Aᵀ from the CSR form of A by a counting sort over targets (rows stay sorted). */
final class CsrTranspose {
    private CsrTranspose() {}

    static Graph of(Graph a) {
        int n = a.numNodes();
        int[] rowPtr = a.rowPtr();
        int[] colIdx = a.colIdx();
        float[] w = a.weightsOrNull();
        int e = rowPtr[n];
        int[] tPtr = new int[n + 1];
        for (int k = 0; k < e; k++) {
            tPtr[colIdx[k] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            tPtr[v + 1] += tPtr[v];
        }
        int[] next = java.util.Arrays.copyOf(tPtr, n);
        int[] tCol = new int[e];
        float[] tW = w == null ? null : new float[e];
        // Visiting sources in ascending order keeps every transposed row sorted.
        for (int u = 0; u < n; u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int pos = next[colIdx[k]]++;
                tCol[pos] = u;
                if (tW != null) {
                    tW[pos] = w[k];
                }
            }
        }
        return new Graph(n, tPtr, tCol, tW, a.type());
    }
}
