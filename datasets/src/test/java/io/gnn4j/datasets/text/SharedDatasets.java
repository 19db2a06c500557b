package io.gnn4j.datasets.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: the real datasets in {@code <projectRoot>/../shared/datasets} (for a checkout in a nested worktree,
 * the nearest ancestor's {@code shared/datasets}), skipping tests when absent.
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

    /** The shared datasets folder: the first {@code shared/datasets} found walking up from the project root. */
    public static Path root() {
        Path start = Path.of(System.getProperty("gnn4j.projectRoot", ".")).toAbsolutePath().normalize();
        for (Path p = start.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return start.resolveSibling("shared").resolve("datasets");
    }
}
