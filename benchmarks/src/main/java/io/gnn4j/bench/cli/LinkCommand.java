package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.data.FeatureNormalization;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.ResultsTable;
import io.gnn4j.bench.models.LinkModelFactory;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.models.ModelRegistry;
import io.gnn4j.bench.models.Models;
import io.gnn4j.bench.task.LinkPrediction;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.split.EdgeSplit;
import io.gnn4j.datasets.split.Splits;
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
 * {@code gnn4j link}: link prediction on held-out edges. Each seed draws its own split (validation and test edges
 * removed from the training graph, each with as many sampled non-edges) and trains a fresh model; the table gives
 * test ROC-AUC and Hits@K at the best validation epoch as mean ± std over seeds.
 */
@Command(name = "link", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Link prediction: held-out edges with sampled negatives; test ROC-AUC and Hits@K over seeds.",
        footer = {"", "Examples:", "  ./gnn4j link --dataset cora --model gcn --seeds 5"})
final class LinkCommand implements Callable<Integer> {
    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|PATH", description = "a node dataset: known name or path")
    String dataset;

    @Option(names = {"-m", "--model"}, split = ",", paramLabel = "MODEL", description = "one or more of: gcn (GAE)")
    List<String> models;

    @Option(names = "--seeds", paramLabel = "N", description = "runs (one edge split each; default 10)")
    Integer seeds;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "first seed; run i uses S + i")
    long seed;

    @Option(names = "--val-fraction", defaultValue = "0.05", paramLabel = "F", description = "edges held out for validation")
    double valFraction;

    @Option(names = "--test-fraction", defaultValue = "0.1", paramLabel = "F", description = "edges held out for test")
    double testFraction;

    @Option(names = "--hits", split = ",", defaultValue = "10,50,100", paramLabel = "K",
            description = "K values of Hits@K (default: ${DEFAULT-VALUE})")
    int[] hits;

    @Option(names = "--raw-features", description = "do not row-normalise the features")
    boolean rawFeatures;

    @Option(names = "--featureless", paramLabel = "KIND", defaultValue = "one-hot-ids",
            description = "features for a dataset without any: one-hot-ids (identity) or degree (one-hot degree); "
                    + "default: ${DEFAULT-VALUE}")
    String featureless;

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
        for (int k : hits) {
            if (k < 1) {
                throw new IllegalArgumentException("--hits values must be >= 1, got " + k);
            }
        }
        ModelRegistry<LinkModelFactory> registry = Models.link();
        List<ModelInfo<LinkModelFactory>> infos = request.models(registry);
        Datasets.Loaded loaded = DatasetArgument.load(datasetArg, false);
        NodeDataset data = DatasetArgument.node(loaded, featureless);
        if (!rawFeatures) {
            data = FeatureNormalization.rowNormalized(data);
        }
        ExecutionContext ctx = Reporting.context(output.threads);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", "link");
        settings.put("dataset", data.name());
        settings.put("source", loaded.source());
        settings.put("protocol", "held-out edges: validation " + valFraction + ", test " + testFraction
                + ", one negative per positive");
        settings.put("seeds", runs);
        settings.put("firstSeed", seed);
        settings.put("threads", ctx.threads());
        Map<String, Object> hps = new LinkedHashMap<>();
        settings.put("hyperParameters", hps);
        List<HyperParameters> resolved = new ArrayList<>();
        long total = 0;
        for (ModelInfo<LinkModelFactory> info : infos) {
            HyperParameters hp = HyperParameters.DEFAULTS.with(info.defaults().then(cfg.hyperParameters())
                    .then(hyper.overrides()));
            resolved.add(hp);
            hps.put(info.name(), hp.toMap());
            total += (long) hp.epochs() * runs;
        }
        ResultsTable table = new ResultsTable();
        try (Progress progress = Progress.start("link " + data.name(), total, output.quiet)) {
            for (int run = 0; run < runs; run++) {
                long s = seed + run;
                EdgeSplit split = Splits.edges(data.graph(), valFraction, testFraction, s);
                for (int m = 0; m < infos.size(); m++) {
                    ModelInfo<LinkModelFactory> info = infos.get(m);
                    var model = info.factory().create(split.trainGraph(), data.features(), data.numFeatures(),
                            split.train().src(), split.train().dst(), resolved.get(m), s, ctx);
                    table.add(LinkPrediction.run(data.name(), info.name(), "held-out edges", run, s, model, split,
                            hits, resolved.get(m), progress));
                }
            }
        }
        Reporting.report(table, settings, "test_auc", output.dir("link", data.name()), !output.noPlots,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
