package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.text.SharedDatasets;
import java.nio.file.Path;

/**
 * Test helper for the format loaders: the shared datasets (located by {@link SharedDatasets}) and a few statistics
 * the dataset README states.
 */
final class SharedData {
    private SharedData() {}

    /** The path of {@code relative} under the shared datasets folder; skips the calling test when absent. */
    static Path require(String relative) {
        return SharedDatasets.require(relative);
    }

    static Path root() {
        return SharedDatasets.root();
    }

    /** Per-class label counts (unlabelled −1 entries ignored). */
    static int[] classCounts(NodeDataset d) {
        int[] c = new int[d.numClasses()];
        for (int y : d.labels()) {
            if (y >= 0) {
                c[y]++;
            }
        }
        return c;
    }

    /** Number of self loops u→u stored. */
    static int selfLoops(io.gnn4j.graph.Graph g) {
        int s = 0;
        for (int u = 0; u < g.numNodes(); u++) {
            s += g.hasEdge(u, u) ? 1 : 0;
        }
        return s;
    }

    /** Sum of all feature values, in double. */
    static double featureSum(NodeDataset d) {
        double s = 0;
        for (float v : d.features()) {
            s += v;
        }
        return s;
    }
}
