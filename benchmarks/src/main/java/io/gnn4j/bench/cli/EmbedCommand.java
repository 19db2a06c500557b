package io.gnn4j.bench.cli;

import io.gnn4j.bench.embed.LogisticRegressionParameters;
import io.gnn4j.bench.embed.MultiLabelEvaluation;
import io.gnn4j.bench.embed.MultiLabelF1;
import io.gnn4j.bench.eval.PeakMemory;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.ResultsTable;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.eval.TrainingHistory;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.MultiLabels;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.embed.FastRPResult;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.NodeTable;
import io.gnn4j.graph.arrow.ArrowGraphWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gnn4j embed}: FastRP node embeddings (Chen et al., "Fast and Accurate Network Embeddings via Very Sparse
 * Random Projection", CIKM 2019) of any node-level dataset, written as {@code embeddings.npy} (N×d float32, C order)
 * and {@code embeddings.arrow} (the node table of {@link io.gnn4j.graph.arrow.ArrowGraphSchema}: {@code id: int32}
 * and the embedding as {@code features: FixedSizeList<float32>[d]}). With {@code --evaluate} it then runs the
 * multi-label protocol of {@link MultiLabelEvaluation} (labelled fractions × shuffles) and reports micro/macro F1 as
 * the training commands report accuracy: a Markdown table, CSV/JSON and a PNG plot, in the output folder
 * ({@code results/embed-<dataset>} unless {@code -o} names one) that also holds the embedding files.
 */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "FastRP node embeddings of a dataset, written as .npy and Arrow; --evaluate scores them with "
                + "one-vs-rest logistic regression (micro/macro F1).",
        footer = {"", "Examples:", "  ./gnn4j embed --dataset cora --dim 128",
                "  ./gnn4j embed --dataset blogcatalog --evaluate --threads 2"})
final class EmbedCommand implements Callable<Integer> {
    @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME|PATH",
            description = "a known name (cora, blogcatalog, karate, …) or a dataset folder/file; format detected")
    String dataset;

    @Option(names = "--preset", defaultValue = "paper", paramLabel = "NAME",
            description = "paper: the authors' BlogCatalog settings (D⁻¹A, weights 0,0,1,6.67, β = −0.64, powers "
                    + "L2-normalised where combined, columns standardised); paper-alt: weights 1,1,7.81,45.28, "
                    + "β = −0.628; gds: Neo4j GDS's defaults (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--dim", defaultValue = "512", paramLabel = "D", description = "embedding dimension "
            + "(default: ${DEFAULT-VALUE})")
    int dimension;

    @Option(names = "--weights", split = ",", paramLabel = "A", description = "iteration weights α₁,…,α_q, "
            + "replacing the preset's (one per power of the operator)")
    List<Double> weights;

    @Option(names = "--beta", paramLabel = "B", description = "degree normalisation strength β, replacing the preset's")
    Double beta;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "seed of the random projection; shuffle i of --evaluate uses S + i "
                    + "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--evaluate", description = "score the embeddings with the multi-label protocol of "
            + "docs/results.md and write the tables (the dataset needs node labels)")
    boolean evaluate;

    @Option(names = "--fractions", split = ",", paramLabel = "F",
            defaultValue = "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9",
            description = "--evaluate: labelled fractions of the nodes that train (default: ${DEFAULT-VALUE})")
    double[] fractions;

    @Option(names = "--shuffles", defaultValue = "5", paramLabel = "N",
            description = "--evaluate: random permutations per fraction (default: ${DEFAULT-VALUE})")
    int shuffles;

    @Option(names = "--c", defaultValue = "0.1", paramLabel = "C",
            description = "--evaluate: inverse L2 regularisation of the logistic regression "
                    + "(default: ${DEFAULT-VALUE})")
    double c;

    @Spec
    CommandSpec spec;

    /** -o, --no-plots, -q, --threads as the training commands have them; their --config does not apply here. */
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (output.config != null) {
            throw new IllegalArgumentException("--config " + output.config + " names an experiment of the training "
                    + "commands; embed takes its FastRP settings from --preset, --dim, --weights and --beta");
        }
        FastRPParameters params = parameters();
        if (evaluate && shuffles < 1) {
            throw new IllegalArgumentException("--shuffles must be >= 1, got " + shuffles);
        }
        for (double f : evaluate ? fractions : new double[0]) {
            if (!(f > 0 && f < 1)) {
                throw new IllegalArgumentException("--fractions must each be in (0, 1), got " + f);
            }
        }
        LogisticRegressionParameters lr = evaluate ? LogisticRegressionParameters.of(c) : null;
        Datasets.Loaded loaded = DatasetArgument.load(dataset, false);
        NodeDataset data = DatasetArgument.node(loaded);
        MultiLabels labels = evaluate ? MultiLabelEvaluation.labelsOf(data) : null;
        ExecutionContext ctx = Reporting.context(output.threads);
        PrintWriter err = spec.commandLine().getErr();
        int n = data.graph().numNodes();
        err.printf(Locale.ROOT, "gnn4j embed: FastRP of %s (%d nodes, %d edges), %s%n", data.name(), n,
                data.graph().numEdges(), params);
        err.flush();
        long t0 = System.nanoTime();
        FastRPResult emb = new FastRP(data.graph(), params, ctx).compute();
        double seconds = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "gnn4j embed: %d×%d embedding in %.3f s (%d threads)%n", n, emb.dimension(), seconds,
                ctx.threads());

        Path dir = output.dir("embed", data.name());
        Files.createDirectories(dir);
        Path npy = dir.resolve("embeddings.npy"), arrow = dir.resolve("embeddings.arrow");
        NpyArray.ofFloats(npy, new long[] {n, emb.dimension()}, emb.embeddings()).write(npy);
        ArrowGraphWriter.writeNodes(new NodeTable(n, emb.dimension(), emb.embeddings(), null), arrow);
        err.println("gnn4j: wrote [" + npy.getFileName() + ", " + arrow.getFileName() + "] to " + dir);
        err.flush();
        if (!evaluate) {
            return 0;
        }

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", "embed");
        settings.put("dataset", data.name());
        settings.put("source", loaded.source());
        settings.put("preset", preset);
        settings.put("fastrp", params.toString());
        settings.put("embeddingSeconds", seconds);
        settings.put("threads", ctx.threads());
        settings.put("fractions", fractions);
        settings.put("shuffles", shuffles);
        settings.put("firstSeed", seed);
        settings.put("c", c);
        ResultsTable table = new ResultsTable();
        long rounds = (long) fractions.length * shuffles;
        try (Progress progress = Progress.start("embed " + data.name(), rounds, output.quiet)) {
            for (double fraction : fractions) {
                String protocol = String.format(Locale.ROOT, "labelled %.0f%%", fraction * 100);
                for (int s = 0; s < shuffles; s++) {
                    PeakMemory memory = PeakMemory.start();
                    MultiLabelF1 f1 = MultiLabelEvaluation.score(emb, labels,
                            MultiLabelEvaluation.permutation(n, seed + s), fraction, lr, ctx);
                    memory.sample();
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    metrics.put("micro_f1", f1.micro());
                    metrics.put("macro_f1", f1.macro());
                    table.add(new RunResult(data.name(), "fastrp", protocol, s, seed + s, metrics, 0, 0, Double.NaN,
                            memory.peakBytes(), new TrainingHistory()));
                    progress.step(String.format(Locale.ROOT, "%s micro-F1 %.4f", protocol, f1.micro()));
                }
            }
        }
        Reporting.report(table, settings, "micro_f1", dir, !output.noPlots, spec.commandLine().getOut(), err);
        return 0;
    }

    /** The preset named by {@code --preset} at {@code --dim} and {@code --seed}, with the overrides applied. */
    private FastRPParameters parameters() {
        FastRPParameters p = switch (preset) {
            case "paper" -> FastRPParameters.paperBlogCatalog(dimension, seed);
            case "paper-alt" -> FastRPParameters.paperBlogCatalog(dimension, seed).toBuilder()
                    .iterationWeights(1, 1, 7.81, 45.28).normalizationStrength(-0.628).build();
            case "gds" -> FastRPParameters.gdsDefaults(dimension, seed);
            default -> throw new IllegalArgumentException("--preset must be paper, paper-alt or gds, got '" + preset
                    + "'");
        };
        FastRPParameters.Builder b = p.toBuilder();
        if (weights != null) {
            b.iterationWeights(weights.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (beta != null) {
            b.normalizationStrength(beta);
        }
        return b.build();
    }
}
