package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.data.FeatureNormalization;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.Featureless;
import io.gnn4j.datasets.NodeDataset;
import picocli.CommandLine.Option;

/** How the node features are prepared by the commands on one graph ({@code node}, {@code link}). */
final class FeatureOptions {
    @Option(names = "--featureless", paramLabel = "KIND", defaultValue = "one-hot-ids",
            description = "features for a dataset without any: one-hot-ids (identity) or degree (one-hot degree); "
                    + "default: ${DEFAULT-VALUE}")
    String featureless;

    @Option(names = "--raw-features", description = "do not row-normalise the features (default: row-normalise, "
            + "as the GCN/GAT reference code does)")
    boolean rawFeatures;

    /** Whether the features stay as read: the option, or {@code features: raw} in the configuration. */
    boolean raw(ExperimentConfig cfg) {
        return rawFeatures || "raw".equals(cfg.features());
    }

    /**
     * The node dataset loaded, with the featureless default when it has no features, and its features
     * row-normalised unless {@link #raw} says otherwise.
     */
    NodeDataset nodes(Datasets.Loaded loaded, ExperimentConfig cfg) {
        NodeDataset data = Featureless.of(featureless).apply(DatasetArgument.node(loaded));
        return raw(cfg) ? data : FeatureNormalization.rowNormalized(data);
    }
}
