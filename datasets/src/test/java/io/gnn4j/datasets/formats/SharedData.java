package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gnn4j.datasets.NodeDataset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: the real datasets in {@code <projectRoot>/../shared/datasets} (the nearest ancestor's
 * {@code shared/datasets}, so nested worktrees find it too); a test that needs an absent file is skipped.
 */
final class SharedData {
    private SharedData() {}

    /** The path of {@code relative} under the shared datasets folder; skips the calling test when absent. */
    static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), p + " absent, skipped");
        return p;
    }

    static Path root() {
        Path start = Path.of(System.getProperty("gnn4j.projectRoot", ".")).toAbsolutePath().normalize();
        for (Path p = start.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return start.resolveSibling("shared").resolve("datasets");
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
