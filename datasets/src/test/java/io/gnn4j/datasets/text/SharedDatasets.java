package io.gnn4j.datasets.text;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gnn4j.datasets.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: the real datasets in {@code <projectRoot>/../shared/datasets} (for a checkout in a nested worktree,
 * the nearest ancestor's {@code shared/datasets}, as {@link Datasets#sharedFolderAbove} finds it). A newcomer without
 * them gets the tests that need them skipped with a message; under {@code CI=true} a missing file fails the test
 * instead, so a CI run cannot pass by skipping the tests on real data.
 */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    /**
     * {@code <projectRoot>/../shared/datasets/<relative>}; when it does not exist the calling test is skipped, or
     * failed under {@code CI=true}.
     */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p) && "true".equals(System.getenv("CI"))) {
            fail(p + " absent: CI must run with the shared datasets beside the checkout (../shared/datasets)");
        }
        assumeTrue(Files.exists(p), p + " absent, skipped");
        return p;
    }

    /** The shared datasets folder: {@link Datasets#sharedFolderAbove} the project root. */
    public static Path root() {
        return Datasets.sharedFolderAbove(Path.of(System.getProperty("gnn4j.projectRoot", ".")));
    }
}
