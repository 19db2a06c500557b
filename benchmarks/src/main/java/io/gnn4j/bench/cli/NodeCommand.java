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
import io.gnn4j.datasets.split.Splits;
import io.gnn4j.graph.ExecutionContext;
import java.util.ArrayList;
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
 * {@code gnn4j node}: node classification, dataset × models × seeds → a table of test accuracy (at the best
 * validation epoch) as mean ± std, with CSV/JSON/PNG output. Split protocols: the Planetoid public split (same split,
 * different seeds), random per-class splits (one per seed) and the ten Geom-GCN splits (seed i uses split i mod 10).
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
            description = "public (Planetoid), random (per-class, one per seed) or geom-gcn (the 10 splits); "
                    + "default: public when the dataset has it, else geom-gcn")
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
        NodeDataset data = DatasetArgument.node(loaded);
        boolean raw = rawFeatures || "raw".equals(cfg.features());
        if (!raw) {
            data = FeatureNormalization.rowNormalized(data);
        }
        String proto = protocol != null ? protocol : cfg.protocol() != null ? cfg.protocol()
                : hasSplit(data, "public") ? "public" : "geom-gcn";
        List<Split> splits = splits(data, proto.toLowerCase(Locale.ROOT), runs);
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
                    table.add(NodeClassification.run(info.name(), splits.get(run).name(), run, s,
                            info.factory().create(data, hp, s), data, splits.get(run), hp, ctx, progress));
                }
            }
        }
        Reporting.report(table, settings, "test_acc", output.dir("node", data.name()), !output.noPlots,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    private static boolean hasSplit(NodeDataset d, String name) {
        return d.splits().stream().anyMatch(s -> s.name().equals(name));
    }

    private List<Split> splits(NodeDataset data, String proto, int runs) {
        List<Split> out = new ArrayList<>(runs);
        switch (proto) {
            case "public" -> {
                Split s = data.split("public");
                for (int i = 0; i < runs; i++) {
                    out.add(s);
                }
            }
            case "random" -> {
                for (int i = 0; i < runs; i++) {
                    out.add(Splits.perClass(data.labels(), data.numClasses(), trainPerClass, valSize, testSize,
                            seed + i));
                }
            }
            case "geom-gcn" -> {
                List<Split> geom = data.splits().stream().filter(s -> s.name().startsWith("geom-gcn-")).toList();
                if (geom.isEmpty()) {
                    throw new IllegalArgumentException(data.name() + " has no Geom-GCN splits; its splits are "
                            + data.splits().stream().map(Split::name).toList());
                }
                for (int i = 0; i < runs; i++) {
                    out.add(geom.get(i % geom.size()));
                }
            }
            default -> throw new IllegalArgumentException("unknown split protocol '" + proto
                    + "': use public, random or geom-gcn");
        }
        return out;
    }
}
