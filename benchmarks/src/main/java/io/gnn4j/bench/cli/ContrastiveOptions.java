package io.gnn4j.bench.cli;

import io.gnn4j.bench.task.ContrastiveSettings;
import io.gnn4j.layers.GraphContrastiveLoss;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of {@code gnn4j graph}'s contrastive objective, auxiliary or pre-training ({@link ContrastiveSettings}). */
final class ContrastiveOptions {
    @Option(names = "--contrastive", defaultValue = "0", paramLabel = "W",
            description = {"classification: add W × NT-Xent between two augmented views (--augment) of each "
                    + "mini-batch to the loss (graph contrastive learning; 0 = off, runs are named MODEL+cl)"})
    double weight;

    @Option(names = "--contrastive-tau", defaultValue = "0.5", paramLabel = "T",
            description = "temperature of the contrastive loss (default 0.5)")
    float temperature;

    @Option(names = "--augment", defaultValue = "edges", paramLabel = "KIND", converter = AugmentationConverter.class,
            description = {"how a contrastive view is made: edges (adaptive edge dropping, low-degree edges first) "
                    + "or nodes (GraphCL's node dropping: nodes removed uniformly with their edges); default edges"})
    GraphContrastiveLoss.Augmentation augmentation;

    @Option(names = {"--drop-rate", "--edge-drop"}, defaultValue = "0.2", paramLabel = "P",
            description = "mean edge (or, with --augment nodes, node) drop rate of a contrastive view (default 0.2)")
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
        return new ContrastiveSettings(weight, temperature, augmentation, dropRate, maxDropProbability, pretrainEpochs);
    }

    /** {@code edges} or {@code nodes}. */
    static final class AugmentationConverter implements CommandLine.ITypeConverter<GraphContrastiveLoss.Augmentation> {
        @Override
        public GraphContrastiveLoss.Augmentation convert(String value) {
            return switch (value) {
                case "edges" -> GraphContrastiveLoss.Augmentation.EDGE_DROP;
                case "nodes" -> GraphContrastiveLoss.Augmentation.NODE_DROP;
                default -> throw new CommandLine.TypeConversionException("--augment must be edges or nodes, got '"
                        + value + "'");
            };
        }
    }
}
