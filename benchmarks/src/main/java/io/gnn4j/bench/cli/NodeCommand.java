package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.data.FeatureNormalization;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.ResultsTable;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.models.ModelRegistry;
import io.gnn4j.bench.models.Models;
import io.gnn4j.bench.models.NodeModelFactory;
import io.gnn4j.bench.task.NodeClassification;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.split.NodeSplitOptions;
import io.gnn4j.graph.ExecutionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gnn4j node}: node classification, dataset × models × seeds → a table of test accuracy (at the best
 * validation epoch) as mean ± std, with CSV/JSON/PNG output. Split protocols: the Planetoid public split (same split,
 * different seeds), random splits (one per seed; per class or stratified by ratio), the ten Geom-GCN splits (seed i
 * uses split i mod 10) and the dataset's own splits; see {@link io.gnn4j.datasets.split.NodeSplitOptions}.
 */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Node classification: train models over seeds on a dataset and print mean ± std test accuracy.",
        footer = {"", "Examples:", "  ./gnn4j node --dataset cora --model gcn --seeds 10",
                "  ./gnn4j node --config gat-cora", "  ./gnn4j node --dataset texas --model gcn,mlp --split geom-gcn"})
final class NodeCommand implements Callable<Integer> {
    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|PATH",
            description = "a known name (cora, citeseer, texas, …) or a dataset folder/file; format detected")
    String dataset;

    @Option(names = {"-m", "--model"}, split = ",", paramLabel = "MODEL",
            description = "one or more of: mlp, gcn, gat, sgc, appnp, sage, dgmlp (comma-separated)")
    List<String> models;

    @Option(names = "--split", paramLabel = "PROTOCOL",
            description = "public (Planetoid), random (one per seed: stratified by --train/--val ratio, else "
                    + "per class), geom-gcn (the 10 splits) or stored (the dataset's own); default: public, else "
                    + "geom-gcn, else stored, else random 0.6/0.2 by ratio")
    String protocol;

    @Option(names = "--seeds", paramLabel = "N", description = "runs per model (default 10)")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "first seed; run i uses S + i")
    long seed;

    @Option(names = "--train-per-class", defaultValue = "20", description = "random split: training nodes per class")
    int trainPerClass;

    @Option(names = "--val-size", defaultValue = "500", description = "random split: validation nodes")
    int valSize;

    @Option(names = "--test-size", defaultValue = "1000", description = "random split: test nodes")
    int testSize;

    @Option(names = "--train", paramLabel = "F", description = "random split by ratio: training share per class")
    Double trainFraction;

    @Option(names = "--val", paramLabel = "F", description = "random split by ratio: validation share per class "
            + "(default: half of the rest)")
    Double valFraction;

    @Option(names = "--featureless", paramLabel = "KIND", defaultValue = "one-hot-ids",
            description = "features for a dataset without any: one-hot-ids (identity) or degree (one-hot degree); "
                    + "default: ${DEFAULT-VALUE}")
    String featureless;

    @Option(names = "--raw-features", description = "do not row-normalise the features (default: row-normalise, "
            + "as the GCN/GAT reference code does)")
    boolean rawFeatures;

    @Spec
    CommandSpec spec;

    @Mixin
    HyperParameterOptions hyper;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        ExperimentRequest request = ExperimentRequest.resolve(output, dataset, models);
        ExperimentConfig cfg = request.config();
        String datasetArg = request.dataset();
        int runs = seeds != null ? seeds : cfg.seeds() != null ? cfg.seeds() : 10;
        if (runs < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + runs);
        }
        ModelRegistry<NodeModelFactory> registry = Models.node();
        List<ModelInfo<NodeModelFactory>> infos = request.models(registry);
        Datasets.Loaded loaded = DatasetArgument.load(datasetArg, false);
        NodeDataset data = DatasetArgument.node(loaded, featureless);
        boolean raw = rawFeatures || "raw".equals(cfg.features());
        if (!raw) {
            data = FeatureNormalization.rowNormalized(data);
        }
        NodeSplitOptions splitOptions = NodeSplitOptions.builder()
                .protocol(protocol != null ? protocol : cfg.protocol())
                .perClass(trainPerClass, valSize, testSize).ratio(trainFraction, valFraction).build();
        String proto = splitOptions.resolvedProtocol(data);
        List<Split> splits = splitOptions.splits(data, runs, seed);
        ExecutionContext ctx = Reporting.context(output.threads);

        ResultsTable table = new ResultsTable();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", "node");
        settings.put("dataset", data.name());
        settings.put("source", loaded.source());
        settings.put("protocol", proto);
        settings.put("seeds", runs);
        settings.put("firstSeed", seed);
        settings.put("rowNormalizedFeatures", !raw);
        settings.put("threads", ctx.threads());
        if (output.config != null) {
            settings.put("config", output.config);
        }
        Map<String, Object> hps = new LinkedHashMap<>();
        settings.put("hyperParameters", hps);
        List<HyperParameters> resolved = new ArrayList<>();
        long totalEpochs = 0;
        for (ModelInfo<NodeModelFactory> info : infos) {
            HyperParameters hp = HyperParameters.DEFAULTS.with(info.defaults().then(cfg.hyperParameters())
                    .then(hyper.overrides()));
            resolved.add(hp);
            hps.put(info.name(), hp.toMap());
            totalEpochs += (long) hp.epochs() * runs;
        }
        try (Progress progress = Progress.start("node " + data.name(), totalEpochs, output.quiet)) {
            for (int m = 0; m < infos.size(); m++) {
                ModelInfo<NodeModelFactory> info = infos.get(m);
                HyperParameters hp = resolved.get(m);
                for (int run = 0; run < runs; run++) {
                    long s = seed + run;
                    var model = info.factory().create(data, hp, s, ctx);
                    table.add(NodeClassification.run(data.name(), info.name(), splits.get(run).name(), run, s, model,
                            data.labels(), data.numClasses(), splits.get(run), hp, progress));
                }
            }
        }
        Reporting.report(table, settings, "test_acc", output.dir("node", data.name()), !output.noPlots,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
