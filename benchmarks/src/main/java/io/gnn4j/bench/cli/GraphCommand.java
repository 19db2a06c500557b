package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.FoldMeanSelection;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.ResultsTable;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.GraphModelFactory;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.models.ModelRegistry;
import io.gnn4j.bench.models.Models;
import io.gnn4j.bench.protocol.Scenarios;
import io.gnn4j.bench.task.GraphClassification;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.Split;
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
 * {@code gnn4j graph}: graph classification by stratified k-fold cross-validation with a fixed fold seed. In each
 * fold a stratified share of the training graphs is held out for validation (early stopping, model selection) and
 * the test accuracy at the best validation epoch is reported; mean ± std over folds. With {@code --selection
 * fold-mean} the GIN paper's protocol is used instead ({@link FoldMeanSelection}). Scenario options transform only
 * the training part of each fold: noisy labels, class imbalance, few-shot.
 */
@Command(name = "graph", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Graph classification: stratified k-fold cross-validation, mean ± std test accuracy over folds.",
        footer = {"", "Examples:", "  ./gnn4j graph --dataset mutag --model gin",
                "  ./gnn4j graph --config gin-mutag --noise 0.2",
                "  ./gnn4j graph --dataset PROTEINS --model gin --few-shot 10"})
final class GraphCommand implements Callable<Integer> {
    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|PATH",
            description = "a known name (mutag, proteins, nci1, enzymes, imdb-binary) or a TU folder")
    String dataset;

    @Option(names = {"-m", "--model"}, split = ",", paramLabel = "MODEL", description = "one or more of: gin, gcn")
    List<String> models;

    @Option(names = "--folds", paramLabel = "K", description = "number of stratified folds (default 10)")
    Integer folds;

    @Option(names = "--run-folds", paramLabel = "N",
            description = "run only N folds (quick checks, or a long cross-validation split over invocations)")
    Integer runFolds;

    @Option(names = "--first-fold", defaultValue = "0", paramLabel = "I",
            description = "index of the first fold to run (with --run-folds; merge the parts with 'gnn4j report')")
    int firstFold;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "seed of the fold assignment; fold i trains with seed S + i")
    long seed;

    @Option(names = "--val-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "share of each training fold held out for validation (stratified)")
    double valFraction;

    @Option(names = "--selection", paramLabel = "holdout|fold-mean",
            description = {"how each fold's test accuracy is chosen: holdout (default) = at the best epoch on the "
                    + "validation hold-out; fold-mean = the GIN paper's protocol: train on the whole training folds "
                    + "and take the one epoch whose test accuracy averaged over the folds is highest (optimistic: it "
                    + "selects on the test folds)"})
    String selection;

    @Option(names = "--noise", paramLabel = "F", description = "flip this fraction of the training labels")
    Double noise;

    @Option(names = "--imbalance", paramLabel = "R",
            description = "down-sample the smallest training class to R × the largest")
    Double imbalance;

    @Option(names = "--few-shot", paramLabel = "K", description = "keep K training graphs per class")
    Integer fewShot;

    @Option(names = "--node-attributes", description = "use the TU node attributes as well as one-hot node labels")
    boolean nodeAttributes;

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
        int k = folds != null ? folds : cfg.folds() != null ? cfg.folds() : 10;
        if (firstFold < 0 || firstFold >= k) {
            throw new IllegalArgumentException("--first-fold must be in [0, " + (k - 1) + "], got " + firstFold);
        }
        int toRun = runFolds != null ? runFolds : k - firstFold;
        if (toRun < 1 || firstFold + toRun > k) {
            throw new IllegalArgumentException("--run-folds must be in [1, " + (k - firstFold) + "] from fold "
                    + firstFold + " of " + k + ", got " + toRun);
        }
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new IllegalArgumentException("--val-fraction must be in (0, 1), got " + valFraction);
        }
        boolean foldMean = foldMeanSelection(cfg, toRun == k);
        ModelRegistry<GraphModelFactory> registry = Models.graph();
        List<ModelInfo<GraphModelFactory>> infos = request.models(registry);
        Datasets.Loaded loaded = DatasetArgument.load(datasetArg, nodeAttributes);
        GraphDataset data = DatasetArgument.graph(loaded);
        List<Split> kfold = Splits.stratifiedKFold(data.labels(), k, seed);
        ExecutionContext ctx = Reporting.context(output.threads);
        String scenario = scenarioName();
        // The runs' protocol: runs chosen by different selections are never averaged together (gnn4j report).
        String protocol = foldMean ? scenario + ", fold-mean" : scenario;

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", "graph");
        settings.put("dataset", data.name());
        settings.put("source", loaded.source());
        settings.put("protocol", k + "-fold stratified, seed " + seed + (foldMean
                ? ", epoch chosen by the mean test accuracy over folds (fold-mean)"
                : ", validation hold-out " + valFraction));
        settings.put("scenario", scenario);
        settings.put("foldsRun", firstFold + ".." + (firstFold + toRun - 1));
        settings.put("threads", ctx.threads());
        if (output.config != null) {
            settings.put("config", output.config);
        }
        Map<String, Object> hps = new LinkedHashMap<>();
        settings.put("hyperParameters", hps);
        List<HyperParameters> resolved = new ArrayList<>();
        long total = 0;
        for (ModelInfo<GraphModelFactory> info : infos) {
            HyperParameters hp = HyperParameters.DEFAULTS.with(info.defaults().then(cfg.hyperParameters())
                    .then(hyper.overrides()));
            if (foldMean && hp.patience() > 0) {
                throw new IllegalArgumentException("--selection fold-mean needs every fold to run all epochs: use "
                        + "--patience 0, got " + hp.patience());
            }
            resolved.add(hp);
            hps.put(info.name(), hp.toMap());
            total += (long) hp.epochs() * toRun;
        }
        ResultsTable table = new ResultsTable();
        try (Progress progress = Progress.start("graph " + data.name(), total, output.quiet)) {
            for (int m = 0; m < infos.size(); m++) {
                ModelInfo<GraphModelFactory> info = infos.get(m);
                HyperParameters hp = resolved.get(m);
                List<RunResult> results = new ArrayList<>();
                for (int f = firstFold; f < firstFold + toRun; f++) {
                    long s = seed + f;
                    Split fold = kfold.get(f);
                    int[] train = fold.train();
                    int[] val = fold.test();
                    if (!foldMean) {
                        Scenarios.HoldOut h = Scenarios.stratifiedHoldOut(train, data.labels(), data.numClasses(),
                                valFraction, s);
                        train = h.train();
                        val = h.val();
                    }
                    int[] trainLabels = data.labels();
                    if (imbalance != null) {
                        train = Scenarios.imbalance(train, data.labels(), data.numClasses(), imbalance, s);
                    }
                    if (fewShot != null) {
                        train = Scenarios.fewShot(train, data.labels(), data.numClasses(), fewShot, s);
                    }
                    if (noise != null) {
                        trainLabels = Scenarios.noisyLabels(data.labels(), train, data.numClasses(), noise, s);
                    }
                    results.add(GraphClassification.run(info.name(), protocol, f, s, info.factory().create(data, hp, s),
                            data, trainLabels, data.labels(), train, val, fold.test(), hp, ctx, progress));
                }
                (foldMean ? FoldMeanSelection.select(results) : results).forEach(table::add);
            }
        }
        Reporting.report(table, settings, "test_acc", output.dir("graph", data.name()), !output.noPlots,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    /** Whether fold-mean selection is asked for (option, else configuration); it needs every fold in this run. */
    private boolean foldMeanSelection(ExperimentConfig cfg, boolean allFolds) {
        String chosen = selection != null ? selection : cfg.selection() != null ? cfg.selection() : "holdout";
        boolean foldMean = switch (chosen) {
            case "holdout" -> false;
            case "fold-mean" -> true;
            default -> throw new IllegalArgumentException("--selection must be holdout or fold-mean, got '" + chosen
                    + "'");
        };
        if (foldMean && !allFolds) {
            throw new IllegalArgumentException("--selection fold-mean chooses one epoch over all folds: run every "
                    + "fold in one invocation (without --run-folds/--first-fold)");
        }
        return foldMean;
    }

    private String scenarioName() {
        List<String> parts = new ArrayList<>();
        if (noise != null) {
            parts.add("noise " + noise);
        }
        if (imbalance != null) {
            parts.add("imbalance " + imbalance);
        }
        if (fewShot != null) {
            parts.add("few-shot " + fewShot);
        }
        return parts.isEmpty() ? "standard" : String.join(", ", parts);
    }
}
