package io.gnn4j.graph;

/**
 * The entries of a CSR pattern regrouped by column, for products with the transpose of a block operator: row v of
 * this structure lists, in ascending source order, the sources u ({@code colIdx}) of the entries u→v and their
 * positions k in the original CSR order ({@code entry}), so that block k can be read transposed.
 */
record BlockTranspose(int[] rowPtr, int[] colIdx, int[] entry) {
    static final Derived<BlockTranspose> KEY = Derived.of("block-transpose", BlockTranspose::of);

    static BlockTranspose of(Graph g) {
        int n = g.numNodes(), e = g.numEntries();
        int[] rowPtr = new int[n + 1];
        int[] col = g.colIdx(), ptr = g.rowPtr();
        for (int k = 0; k < e; k++) {
            rowPtr[col[k] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            rowPtr[v + 1] += rowPtr[v];
        }
        int[] next = rowPtr.clone();
        int[] sources = new int[e], entry = new int[e];
        for (int u = 0; u < n; u++) {
            for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                int at = next[col[k]]++;
                sources[at] = u;
                entry[at] = k;
            }
        }
        return new BlockTranspose(rowPtr, sources, entry);
    }
}
