package io.gnn4j.bench;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gnn4j.datasets.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: a file of the real datasets in {@code ../shared/datasets} beside the checkout. A newcomer without them
 * gets the test skipped with a message; under {@code CI=true} a missing file fails it, so CI cannot pass by skipping.
 */
public final class SharedData {
    private SharedData() {
    }

    /** {@code <shared/datasets>/<relative>}; skips the calling test when absent, or fails it on CI. */
    public static Path require(String relative) {
        Path root = Datasets.sharedFolderAbove(Path.of(System.getProperty("gnn4j.projectRoot", ".")));
        Path p = root.resolve(relative);
        if (!Files.exists(p) && "true".equals(System.getenv("CI"))) {
            fail(p + " absent: CI must run with the shared datasets beside the checkout (../shared/datasets)");
        }
        assumeTrue(Files.exists(p), p + " absent, skipped");
        return p;
    }
}
