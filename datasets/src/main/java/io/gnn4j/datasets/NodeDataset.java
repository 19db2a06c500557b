package io.gnn4j.datasets;

import io.gnn4j.graph.Graph;
import java.util.List;

/**
 * A single-graph dataset for node-level tasks: the graph, a dense N×F float32 feature matrix (row-major), one
 * class label per node in {@code 0..numClasses-1} (−1 where a node is unlabelled), and zero or more splits.
 * Multi-label datasets (BlogCatalog) carry their label sets in {@code multiLabels} instead (null otherwise).
 */
public record NodeDataset(String name, Graph graph, int numFeatures, float[] features, int[] labels, int numClasses,
                          List<Split> splits, MultiLabels multiLabels) implements Dataset {
    public NodeDataset {
        int n = graph.numNodes();
        if ((long) n * numFeatures != features.length) {
            throw new IllegalArgumentException(name + ": features hold " + features.length + " floats, expected "
                    + n + "×" + numFeatures);
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + n + " nodes");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < -1 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of node " + i
                        + " is outside 0.." + (numClasses - 1));
            }
        }
        for (Split s : splits) {
            s.checkedAgainst(n);
        }
        splits = List.copyOf(splits);
    }

    /** The split with this name. */
    public Split split(String splitName) {
        return splits.stream().filter(s -> s.name().equals(splitName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException(name + " has no split '" + splitName + "'; it has "
                        + splits.stream().map(Split::name).toList()));
    }
}
