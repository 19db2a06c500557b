package io.gnn4j.bench.data;

import java.nio.file.Path;

/**
 * A dataset found on disk (or in the bundled resources): its format, the file or folder to hand to the loader, and
 * the dataset name the loader expects (e.g. "cora" for {@code ind.cora.*}, "MUTAG" for {@code MUTAG_A.txt}).
 *
 * @param path    the folder or file; null for a bundled dataset read from the classpath
 * @param extraSplits a folder of Geom-GCN split files that belongs to this dataset, or null
 */
public record DatasetLocation(DatasetFormat format, Path path, String name, Path extraSplits) {
    /** Where it comes from, for messages. */
    public String describe() {
        return format.description() + " at " + (path == null ? "bundled resources" : path.toString());
    }
}
