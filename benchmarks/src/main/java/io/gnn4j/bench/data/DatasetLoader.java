package io.gnn4j.bench.data;

import io.gnn4j.datasets.Dataset;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.formats.BundledCora;
import io.gnn4j.datasets.formats.GeomGcn;
import io.gnn4j.datasets.formats.GnnBenchmarkNpz;
import io.gnn4j.datasets.formats.HeterophilousNpz;
import io.gnn4j.datasets.formats.Linqs;
import io.gnn4j.datasets.formats.Planetoid;
import io.gnn4j.datasets.tu.TuFeatures;
import io.gnn4j.datasets.tu.TuFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a {@link DatasetLocation} with the loader of its format (the datasets module's), adding the Geom-GCN splits
 * that sit next to a Planetoid folder, and checks that the dataset suits the task asked for.
 */
public final class DatasetLoader {
    private DatasetLoader() {
    }

    /** Loads whatever is at {@code loc}; TU datasets get one-hot node labels, plus attributes when asked. */
    public static Dataset load(DatasetLocation loc, boolean tuAttributes) throws IOException {
        TuFeatures tu = tuAttributes ? TuFeatures.ATTRIBUTES_AND_LABELS : TuFeatures.LABELS_ONLY;
        return switch (loc.format()) {
            case PLANETOID -> {
                NodeDataset d = loc.path() == null ? BundledCora.planetoid() : Planetoid.load(loc.path(), loc.name());
                yield loc.extraSplits() == null ? d : withSplits(d,
                        GeomGcn.loadSplits(loc.extraSplits(), loc.name(), d.graph().numNodes()));
            }
            case GNN_BENCHMARK_NPZ -> GnnBenchmarkNpz.load(loc.path());
            case HETEROPHILOUS_NPZ -> HeterophilousNpz.load(loc.path());
            case GEOM_GCN -> GeomGcn.load(loc.path(), loc.name());
            case LINQS -> Linqs.load(loc.path(), loc.name());
            case TU -> (loc.path() == null ? TuFormat.loadBundled(loc.name(), tu) : TuFormat.load(loc.path(), loc.name(), tu))
                    .dataset();
        };
    }

    /** Loads a node-classification dataset, or explains which command fits instead. */
    public static NodeDataset node(DatasetLocation loc) throws IOException {
        Dataset d = load(loc, false);
        if (d instanceof NodeDataset n) {
            return n;
        }
        throw new IllegalArgumentException(loc.name() + " is a " + kind(d) + " dataset (" + loc.describe()
                + "); use 'gnn4j graph' for graph classification");
    }

    /** Loads a graph-classification dataset, or explains which command fits instead. */
    public static GraphDataset graph(DatasetLocation loc, boolean tuAttributes) throws IOException {
        Dataset d = load(loc, tuAttributes);
        if (d instanceof GraphDataset g) {
            return g;
        }
        throw new IllegalArgumentException(loc.name() + " is a " + kind(d) + " dataset (" + loc.describe()
                + "); use 'gnn4j node' or 'gnn4j link'");
    }

    private static String kind(Dataset d) {
        return switch (d) {
            case NodeDataset n -> "node-level (one graph)";
            case GraphDataset g -> "graph-level (many graphs)";
            default -> d.getClass().getSimpleName();
        };
    }

    /** {@code d} with {@code extra} splits appended (those whose names it already has are skipped). */
    static NodeDataset withSplits(NodeDataset d, List<Split> extra) {
        List<Split> all = new ArrayList<>(d.splits());
        for (Split s : extra) {
            if (all.stream().noneMatch(x -> x.name().equals(s.name()))) {
                all.add(s);
            }
        }
        return new NodeDataset(d.name(), d.graph(), d.numFeatures(), d.features(), d.labels(), d.numClasses(), all,
                d.multiLabels());
    }

    /**
     * Row-normalised features (each row divided by its L1 norm; all-zero rows stay zero), as PyG's
     * {@code NormalizeFeatures} and the GCN/GAT reference code do for the citation datasets.
     */
    public static NodeDataset rowNormalized(NodeDataset d) {
        int n = d.graph().numNodes(), f = d.numFeatures();
        float[] x = d.features().clone();
        for (int u = 0; u < n; u++) {
            double sum = 0;
            for (int j = 0; j < f; j++) {
                sum += Math.abs(x[u * f + j]);
            }
            if (sum > 0) {
                float inv = (float) (1.0 / sum);
                for (int j = 0; j < f; j++) {
                    x[u * f + j] *= inv;
                }
            }
        }
        return new NodeDataset(d.name(), d.graph(), f, x, d.labels(), d.numClasses(), d.splits(), d.multiLabels());
    }
}
