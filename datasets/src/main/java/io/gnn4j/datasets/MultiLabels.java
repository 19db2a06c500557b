package io.gnn4j.datasets;

/**
 * Label sets of a multi-label dataset in CSR form: node u has labels {@code labels[offsets[u] .. offsets[u+1])},
 * sorted ascending, each in {@code 0..numLabels-1}.
 */
public record MultiLabels(int numLabels, int[] offsets, int[] labels) {
    /** Whether node u carries label c. */
    public boolean has(int u, int c) {
        return java.util.Arrays.binarySearch(labels, offsets[u], offsets[u + 1], c) >= 0;
    }
}
