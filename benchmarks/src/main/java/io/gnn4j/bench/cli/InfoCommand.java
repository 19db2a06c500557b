package io.gnn4j.bench.cli;

import io.gnn4j.datasets.Dataset;
import io.gnn4j.datasets.DatasetSummary;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.bench.data.DirectedModelling;
import io.gnn4j.directed.Amud;
import io.gnn4j.directed.DirectedStatistics;
import io.gnn4j.directed.Pattern;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gnn4j info}: where a dataset was read and its summary (counts, degrees, homophily, splits); for a node
 * dataset also the label and direction statistics of {@link DirectedStatistics} (node and class-insensitive
 * homophily, reciprocity, in/out degrees, weakly/strongly connected components) and AMUD's scores and decision with
 * all labels, both on the natural directed graph ({@link DirectedModelling#natural}).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Summarise a dataset: source, graphs, nodes, edges, features, classes, splits.",
        footer = {"", "Examples:", "  ./gnn4j info --dataset cora", "  ./gnn4j info --dataset path/to/MUTAG"})
final class InfoCommand implements Callable<Integer> {
    @Option(names = {"-d", "--dataset"}, required = true, split = ",", paramLabel = "NAME|PATH",
            description = "known names (" + "cora, citeseer, mutag, …) or paths; several comma-separated")
    List<String> datasets;

    @Spec
    CommandSpec spec;

    @Option(names = "--node-attributes", description = "TU: include node attributes in the features")
    boolean nodeAttributes;

    @Mixin
    EdgeReading edges;

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter out = spec.commandLine().getOut();
        for (String name : datasets) {
            Datasets.Loaded loaded = DatasetArgument.load(name, nodeAttributes, edges.edgesAsArcs);
            Dataset d = loaded.dataset();
            out.printf("%-15s %s%n", "source", loaded.source());
            out.print(DatasetSummary.of(d));
            switch (d) {
                case NodeDataset n -> {
                    out.printf("%-15s %s%n", "class sizes", classSizes(n.labels(), n.numClasses()));
                    Graph natural = DirectedModelling.natural(loaded, n);
                    if (natural != n.graph()) {
                        out.printf("%-15s %s%n", "natural graph", String.format(Locale.ROOT,
                                "%,d arcs as the edge file directs them (statistics below)", natural.numEntries()));
                    }
                    out.print(DirectedStatistics.of(natural, n.labels()));
                    if (java.util.Arrays.stream(n.labels()).anyMatch(y -> y >= 0)) {
                        out.print(amud(Amud.of(natural, n.labels(), ExecutionContext.withThreads(1))));
                    }
                    for (Split s : n.splits()) {
                        out.printf("%-15s %s: %d train / %d val / %d test%n", "split", s.name(), s.train().length,
                                s.val().length, s.test().length);
                    }
                }
                case GraphDataset g -> out.printf("%-15s %s%n", "class sizes",
                        classSizes(g.labels(), g.numClasses()));
                default -> {
                }
            }
            out.println();
        }
        out.flush();
        return 0;
    }

    /** AMUD's scores (all labels: a property of the dataset) and decision as two lines. */
    private static String amud(Amud a) {
        StringBuilder scores = new StringBuilder();
        for (Pattern p : Pattern.values()) {
            scores.append(String.format(Locale.ROOT, "%s %.4f, ", p.name(), a.scores().get(p)));
        }
        scores.append(String.format(Locale.ROOT, "U %.4f, UU %.4f", a.undirected(), a.undirectedTwoHop()));
        return String.format(Locale.ROOT, "%-15s %s%n%-15s %s (margin %.2f)%n", "amud scores", scores, "amud",
                a.directed() ? "directed" : "undirected", a.margin());
    }

    private static String classSizes(int[] labels, int classes) {
        int[] c = new int[classes];
        int unlabelled = 0;
        for (int y : labels) {
            if (y < 0) {
                unlabelled++;
            } else {
                c[y]++;
            }
        }
        return java.util.Arrays.toString(c) + (unlabelled > 0 ? " (+" + unlabelled + " unlabelled)" : "");
    }
}
