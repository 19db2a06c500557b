package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gnn4j node}: node classification, dataset × models × seeds → a table of test accuracy (at the best
 * validation epoch) as mean ± std, with CSV/JSON/PNG output. Split protocols: the Planetoid public split (same split,
 * different seeds), random per-class splits (one per seed) and the ten Geom-GCN splits (seed i uses split i mod 10).
 */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Node classification: train models over seeds on a dataset and print mean ± std test accuracy.",
        footer = {"", "Examples:", "  ./gnn4j node --dataset cora --model gcn --seeds 10",
                "  ./gnn4j node --config gat-cora", "  ./gnn4j node --dataset texas --model gcn,mlp --split geom-gcn"})
final class NodeCommand extends ExperimentCommand<NodeModelFactory> {
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

    @Mixin
    SeedOptions seeds;

    @Option(names = "--train-per-class", defaultValue = "20", description = "random split: training nodes per class")
    int trainPerClass;

    @Option(names = "--val-size", defaultValue = "500", description = "random split: validation nodes")
    int valSize;

    @Option(names = "--test-size", defaultValue = "1000", description = "random split: test nodes")
    int testSize;

    @Mixin
    FeatureOptions features;

    @Override
    String name() {
        return "node";
    }

    @Override
    ModelRegistry<NodeModelFactory> registry() {
        return Models.node();
    }

    @Override
    String barMetric() {
        return "test_acc";
    }

    @Override
    String datasetOption() {
        return dataset;
    }

    @Override
    List<String> modelOption() {
        return models;
    }

    @Override
    Plan<NodeModelFactory> plan(ExperimentRequest request, ExecutionContext ctx) throws IOException {
        ExperimentConfig cfg = request.config();
        int runs = seeds.runs(cfg);
        Datasets.Loaded loaded = DatasetArgument.load(request.dataset(), false);
        boolean raw = features.raw(cfg);
        NodeDataset data = features.apply(DatasetArgument.node(loaded), cfg);
        String proto = protocol != null ? protocol : cfg.protocol() != null ? cfg.protocol()
                : hasSplit(data, "public") ? "public" : "geom-gcn";
        List<Split> splits = splits(data, proto.toLowerCase(Locale.ROOT), runs);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("source", loaded.source());
        settings.put("protocol", proto);
        settings.put("seeds", runs);
        settings.put("firstSeed", seeds.seed);
        settings.put("rowNormalizedFeatures", !raw);
        return new Plan<>() {
            @Override
            public String dataset() {
                return data.name();
            }

            @Override
            public int runsPerModel() {
                return runs;
            }

            @Override
            public Map<String, Object> settings() {
                return settings;
            }

            @Override
            public List<RunResult> run(ModelInfo<NodeModelFactory> info, HyperParameters hp, Progress progress) {
                List<RunResult> results = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long s = seeds.seed + run;
                    results.add(NodeClassification.run(info.name(), splits.get(run).name(), run, s,
                            info.factory().create(data, hp, s), data, splits.get(run), hp, ctx, progress));
                }
                return results;
            }
        };
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
                            seeds.seed + i));
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
