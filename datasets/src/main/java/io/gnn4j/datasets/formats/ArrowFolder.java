package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.Dataset;
import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.split.NodeSplitOptions;
import io.gnn4j.datasets.split.Splits;
import io.gnn4j.graph.NodeTable;
import io.gnn4j.graph.arrow.ArrowFormatException;
import io.gnn4j.graph.arrow.ArrowGraphReader;
import io.gnn4j.graph.arrow.ArrowGraphSchema;
import io.gnn4j.graph.arrow.ArrowGraphWriter;
import io.gnn4j.graph.arrow.GraphTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A node dataset as a folder holding {@code nodes.arrow} and {@code edges.arrow} in the schema of
 * {@link ArrowGraphSchema} (read by {@link ArrowGraphReader}; gnn4j's schema metadata is optional, so files written
 * by pyarrow or arrow-js load). Labels give node classification: the split is the node table's {@code split} column
 * (train/val/test, null = in no set), named {@value #SPLIT_NAME}; without that column a labelled table gets the
 * seeded stratified split {@link Splits#stratifiedRatio} 0.6/0.2, seed 0. {@link #write} is the reverse: features,
 * labels (−1 as null) and the dataset's first split as the {@code split} column.
 */
public final class ArrowFolder {
    /** Name of the split read from a {@code split} column. */
    public static final String SPLIT_NAME = "split";

    private ArrowFolder() {}

    /** Whether {@code dir} holds both Arrow tables. */
    public static boolean isArrowFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(ArrowGraphSchema.NODES_FILE))
                && Files.isRegularFile(dir.resolve(ArrowGraphSchema.EDGES_FILE));
    }

    /** Loads the folder, named after it. */
    public static NodeDataset load(Path dir) throws IOException {
        GraphTables t;
        try {
            t = ArrowGraphReader.read(dir);
        } catch (ArrowFormatException e) {
            String column = e.column() == null ? "file" : "column '" + e.column() + "'";
            String where = e.row() == ArrowFormatException.NO_ROW ? column : column + ", row " + e.row();
            throw new DatasetFormatException(e.file(), where, e.problem(), e);
        }
        NodeTable nodes = t.nodes();
        int n = nodes.numNodes();
        int[] labels = nodes.hasLabels() ? nodes.labels() : filled(n, -1);
        int numClasses = LoaderSupport.maxPlusOne(labels);
        Path nodesFile = dir.resolve(ArrowGraphSchema.NODES_FILE);
        List<Split> splits = List.of();
        if (t.split() != null) {
            splits = List.of(LoaderSupport.split(nodesFile, "column 'split'", SPLIT_NAME, members(t.split(), "train"),
                    members(t.split(), "val"), members(t.split(), "test"), n));
        } else if (numClasses > 0) {
            splits = List.of(Splits.stratifiedRatio(labels, numClasses, NodeSplitOptions.DEFAULT_TRAIN,
                    NodeSplitOptions.DEFAULT_VAL, 0));
        }
        String name = String.valueOf(dir.toAbsolutePath().normalize().getFileName());
        return LoaderSupport.dataset(nodesFile, name, t.graph(), nodes.numFeatures(), nodes.features(), labels,
                numClasses, splits, null);
    }

    /**
     * Writes a node dataset as {@code dir/nodes.arrow} and {@code dir/edges.arrow} (directed flag in the edge
     * schema metadata), creating {@code dir}.
     *
     * @throws IllegalArgumentException for what one Arrow node table cannot hold: a graph-level or ratings dataset,
     *                                  or multi-label classes
     */
    public static void write(Dataset dataset, Path dir) throws IOException {
        if (!(dataset instanceof NodeDataset d)) {
            throw new IllegalArgumentException(dataset.name() + " is a " + dataset.getClass().getSimpleName()
                    + ": the Arrow dataset schema holds one graph with node labels; only node datasets convert");
        }
        if (d.multiLabels() != null) {
            throw new IllegalArgumentException(d.name() + " is multi-label: the Arrow schema's label column holds one "
                    + "class per node");
        }
        int n = d.graph().numNodes();
        boolean labelled = Arrays.stream(d.labels()).anyMatch(y -> y >= 0);
        NodeTable nodes = new NodeTable(n, d.numFeatures(), d.features(), labelled ? d.labels() : null);
        String[] split = null;
        if (!d.splits().isEmpty()) {
            Split s = d.splits().getFirst();
            split = new String[n];
            mark(split, s.train(), "train");
            mark(split, s.val(), "val");
            mark(split, s.test(), "test");
        }
        ArrowGraphWriter.write(new GraphTables(d.graph(), nodes, split), dir);
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private static int[] members(String[] split, String set) {
        return IntStream.range(0, split.length).filter(u -> set.equals(split[u])).toArray();
    }

    private static void mark(String[] split, int[] nodes, String set) {
        for (int u : nodes) {
            split[u] = set;
        }
    }
}
