package io.gnn4j.graph;

/**
 * The entries of a CSR pattern regrouped by column, for products with the transpose of an operator whose entries
 * carry data (a d×d block, per-head attention weights): row v of this structure lists, in ascending source order,
 * the sources u ({@code colIdx}) of the entries u→v and their positions k in the original CSR order ({@code entry}),
 * so that entry k's data is read where it is stored.
 */
record EntryTranspose(int[] rowPtr, int[] colIdx, int[] entry) {
    static final Derived<EntryTranspose> KEY = Derived.of("entry-transpose", EntryTranspose::of);

    static EntryTranspose of(Graph g) {
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
        return new EntryTranspose(rowPtr, sources, entry);
    }
}
