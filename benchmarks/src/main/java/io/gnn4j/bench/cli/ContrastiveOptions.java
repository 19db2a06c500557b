package io.gnn4j.bench.cli;

import io.gnn4j.bench.task.ContrastiveSettings;
import picocli.CommandLine.Option;

/** The options of {@code gnn4j graph}'s contrastive objective, auxiliary or pre-training ({@link ContrastiveSettings}). */
final class ContrastiveOptions {
    @Option(names = "--contrastive", defaultValue = "0", paramLabel = "W",
            description = {"classification: add W × NT-Xent between two adaptively edge-dropped views of each "
                    + "mini-batch to the loss (graph contrastive learning; 0 = off, runs are named MODEL+cl)"})
    double weight;

    @Option(names = "--contrastive-tau", defaultValue = "0.5", paramLabel = "T",
            description = "temperature of the contrastive loss (default 0.5)")
    float temperature;

    @Option(names = "--edge-drop", defaultValue = "0.2", paramLabel = "P",
            description = "mean edge drop rate of a contrastive view; low-degree edges go first (default 0.2)")
    double dropRate;

    @Option(names = "--edge-drop-max", defaultValue = "0.7", paramLabel = "P",
            description = "no edge is dropped with a higher probability than this (default 0.7)")
    double maxDropProbability;

    @Option(names = "--contrastive-pretrain", defaultValue = "0", paramLabel = "N",
            description = {"classification: first train the network on NT-Xent alone for N epochs over the fold's "
                    + "training graphs, labels unused (GraphCL's pre-training), then on the task (0 = off; runs are "
                    + "named MODEL+pretrain, or MODEL+pretrain+cl with --contrastive)"})
    int pretrainEpochs;

    ContrastiveSettings settings() {
        return new ContrastiveSettings(weight, temperature, dropRate, maxDropProbability, pretrainEpochs);
    }
}
