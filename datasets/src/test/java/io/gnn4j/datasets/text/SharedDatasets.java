package io.gnn4j.datasets.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gnn4j.datasets.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: the real datasets in {@code <projectRoot>/../shared/datasets} (for a checkout in a nested worktree,
 * the nearest ancestor's {@code shared/datasets}, as {@link Datasets#sharedFolderAbove} finds it), skipping tests
 * when absent.
 */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    /** {@code <projectRoot>/../shared/datasets/<relative>}; the calling test is skipped when it does not exist. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), p + " absent, skipped");
        return p;
    }

    /** The shared datasets folder: {@link Datasets#sharedFolderAbove} the project root. */
    public static Path root() {
        return Datasets.sharedFolderAbove(Path.of(System.getProperty("gnn4j.projectRoot", ".")));
    }
}
