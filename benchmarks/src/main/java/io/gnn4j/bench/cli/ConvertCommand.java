package io.gnn4j.bench.cli;

import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.formats.ArrowFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gnn4j convert}: writes a loadable node dataset in another format (Arrow IPC, {@link ArrowFolder}). */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a node dataset as Arrow: OUT/nodes.arrow (id, features, label, split) and OUT/edges.arrow.",
        footer = {"", "The first split of the dataset (e.g. Planetoid's public one) becomes the split column.", "",
                "Examples:", "  ./gnn4j convert --dataset cora --to arrow out/cora",
                "  ./gnn4j info --dataset out/cora"})
final class ConvertCommand implements Callable<Integer> {
    @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME|PATH",
            description = "a known name or a dataset folder/file; format detected")
    String dataset;

    @Mixin
    EdgeReading edges;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "output format: arrow")
    String format;

    @Parameters(index = "0", paramLabel = "OUT", description = "output folder (created; files in it are replaced)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equalsIgnoreCase("arrow")) {
            throw new IllegalArgumentException("unknown format '" + format + "': use arrow");
        }
        Datasets.Loaded loaded = DatasetArgument.load(dataset, false, edges.edgesAsArcs);
        ArrowFolder.write(loaded.dataset(), out);
        NodeDataset d = (NodeDataset) loaded.dataset();
        spec.commandLine().getOut().printf("wrote %s: %d nodes, %d edges (%s), %d features, %s%n",
                out.toAbsolutePath().normalize(), d.graph().numNodes(), d.graph().numEdges(),
                d.graph().isDirected() ? "directed" : "undirected", d.numFeatures(),
                d.splits().isEmpty() ? "no split" : "split '" + d.splits().getFirst().name() + "'");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
