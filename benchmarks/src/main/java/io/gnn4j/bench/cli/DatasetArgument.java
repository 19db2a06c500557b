package io.gnn4j.bench.cli;

import io.gnn4j.datasets.Dataset;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.Featureless;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.ReadOptions;
import io.gnn4j.datasets.cache.DataDirectory;
import io.gnn4j.datasets.tu.TuFeatures;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@code --dataset NAME|PATH} names, read by {@link Datasets}: names are searched in
 * {@link Datasets#searchRoots(Path)} of the project root (system property {@code gnn4j.projectRoot}, else the working
 * directory), so a checkout finds the {@code shared/datasets} collection next to it before the bundled copies; a name
 * found nowhere is downloaded into {@code GNN4J_DATA} (with {@code GNN4J_OFFLINE=true} it is not, and the error says
 * which file to put where). TU datasets get one-hot node labels, plus the node attributes when asked. A dataset of
 * the wrong kind for the command is an error naming the command that fits.
 */
final class DatasetArgument {
    private DatasetArgument() {
    }

    /** The dataset {@code arg} names and where it was read. */
    static Datasets.Loaded load(String arg, boolean tuAttributes) throws IOException {
        return load(arg, tuAttributes, false);
    }

    /** The dataset {@code arg} names and where it was read, edge and adjacency lists read as arcs if asked. */
    static Datasets.Loaded load(String arg, boolean tuAttributes, boolean edgesAsArcs) throws IOException {
        Path projectRoot = Path.of(System.getProperty("gnn4j.projectRoot", System.getProperty("user.dir")));
        ReadOptions options = ReadOptions.DEFAULT.withEdgesAsArcs(edgesAsArcs)
                .withTuFeatures(tuAttributes ? TuFeatures.ATTRIBUTES_AND_LABELS : TuFeatures.LABELS_ONLY);
        return Datasets.loadWithSource(arg, Datasets.searchRoots(projectRoot), options,
                DataDirectory.fromEnvironment());
    }

    /** The node-level dataset loaded, as read, or an error pointing to {@code gnn4j graph}. */
    static NodeDataset node(Datasets.Loaded loaded) {
        if (loaded.dataset() instanceof NodeDataset n) {
            return n;
        }
        throw wrongKind(loaded, loaded.dataset() instanceof GraphDataset ? "use 'gnn4j graph' for graph classification"
                : "use 'gnn4j recommend' for a ratings dataset");
    }

    /**
     * The graph-level dataset loaded — with one-hot degree node features when it has none ({@link Featureless#DEGREE},
     * e.g. IMDB-BINARY) — or an error pointing to {@code gnn4j node} and {@code gnn4j link}.
     */
    static GraphDataset graph(Datasets.Loaded loaded) {
        if (loaded.dataset() instanceof GraphDataset g) {
            return Featureless.DEGREE.apply(g);
        }
        throw wrongKind(loaded, loaded.dataset() instanceof NodeDataset ? "use 'gnn4j node' or 'gnn4j link'"
                : "use 'gnn4j recommend' for a ratings dataset");
    }

    private static IllegalArgumentException wrongKind(Datasets.Loaded loaded, String hint) {
        Dataset d = loaded.dataset();
        String kind = switch (d) {
            case NodeDataset n -> "node-level (one graph)";
            case GraphDataset g -> "graph-level (many graphs)";
            default -> d.getClass().getSimpleName();
        };
        return new IllegalArgumentException(d.name() + " is a " + kind + " dataset (" + loaded.source() + "); " + hint);
    }
}
