package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import picocli.CommandLine.Option;

/** The run-count options of the commands whose runs are seeds ({@code node}, {@code link}). */
final class SeedOptions {
    @Option(names = "--seeds", paramLabel = "N", description = "runs per model, one seed each (default 10)")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "first seed; run i uses S + i")
    long seed;

    /** The number of runs: the option, else the configuration's, else 10. */
    int runs(ExperimentConfig cfg) {
        int runs = seeds != null ? seeds : cfg.seeds() != null ? cfg.seeds() : 10;
        if (runs < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + runs);
        }
        return runs;
    }
}
