package io.gnn4j.bench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where results go and how much is printed; shared by the training commands. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "folder for runs.csv, summary.csv, curves.csv, results.json and the PNG plots "
                    + "(default: results/<command>-<dataset>)")
    Path output;

    @Option(names = "--no-plots", description = "do not draw the PNG plots")
    boolean noPlots;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "threads for gnn4j's kernels and ND4J's native pools (default: all cores)")
    int threads;

    @Option(names = "--config", paramLabel = "FILE|NAME",
            description = "YAML/JSON experiment file, or a bundled paper configuration by name (e.g. gcn-cora)")
    String config;

    /** The output folder for {@code command} on {@code dataset}. */
    Path dir(String command, String dataset) {
        return output != null ? output
                : Path.of("results", command + "-" + dataset.toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9._-]+", "_"));
    }
}
