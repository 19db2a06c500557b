package io.gnn4j.graph;

/**
 * The per-node data that travels with a {@link Graph}: N nodes, each with F float32 features stored as one dense
 * row-major N×F array ({@code features[u * F + j]} is feature j of node u), and optionally one class label per node
 * ({@code -1} marks an unlabelled node). The arrays are handed over, not copied, and must not be modified afterwards.
 *
 * @param numNodes    N, at least 0
 * @param numFeatures F, at least 0 (0: the nodes carry no features)
 * @param features    N×F floats, row-major, no copy
 * @param labels      N labels, each ≥ −1, or {@code null} when the nodes carry no labels
 */
public record NodeTable(int numNodes, int numFeatures, float[] features, int[] labels) {
    public NodeTable {
        if (numNodes < 0) {
            throw new IllegalArgumentException("numNodes must be >= 0, got " + numNodes);
        }
        if (numFeatures < 0) {
            throw new IllegalArgumentException("numFeatures must be >= 0, got " + numFeatures);
        }
        if (features == null) {
            throw new IllegalArgumentException("features must not be null (use an empty array when F = 0)");
        }
        if ((long) numNodes * numFeatures != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " floats, expected N×F = "
                    + numNodes + "×" + numFeatures + " = " + (long) numNodes * numFeatures);
        }
        if (labels != null) {
            if (labels.length != numNodes) {
                throw new IllegalArgumentException(labels.length + " labels for " + numNodes + " nodes");
            }
            for (int u = 0; u < numNodes; u++) {
                if (labels[u] < -1) {
                    throw new IllegalArgumentException("label " + labels[u] + " of node " + u
                            + " is below -1 (the mark of an unlabelled node)");
                }
            }
        }
    }

    /** A table of N nodes with no features and no labels. */
    public static NodeTable empty(int numNodes) {
        return new NodeTable(numNodes, 0, new float[0], null);
    }

    /** Whether the nodes carry labels. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Feature j of node u. */
    public float feature(int u, int j) {
        checkNode(u);
        if (j < 0 || j >= numFeatures) {
            throw new IllegalArgumentException("feature index " + j + " is out of range [0, " + numFeatures + ")");
        }
        return features[u * numFeatures + j];
    }

    /**
     * The label of node u (−1 when unlabelled).
     *
     * @throws IllegalStateException when the table has no labels
     */
    public int label(int u) {
        checkNode(u);
        if (labels == null) {
            throw new IllegalStateException("this node table has no labels");
        }
        return labels[u];
    }

    private void checkNode(int u) {
        if (u < 0 || u >= numNodes) {
            throw new IllegalArgumentException("node id " + u + " is out of range [0, " + numNodes + ")");
        }
    }

    @Override
    public String toString() {
        return "NodeTable(nodes=" + numNodes + ", features=" + numFeatures + (labels != null ? ", labelled" : "") + ")";
    }
}
