package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.FoldMeanSelection;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.GraphModelFactory;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.models.Models;
import io.gnn4j.bench.protocol.Scenarios;
import io.gnn4j.bench.task.ContrastiveSettings;
import io.gnn4j.bench.task.GraphClassification;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.generate.SubstructureCounting;
import io.gnn4j.datasets.split.Splits;
import io.gnn4j.graph.ExecutionContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gnn4j graph}: graph classification by stratified k-fold cross-validation with a fixed fold seed. In each
 * fold a stratified share of the training graphs is held out for validation (early stopping, model selection) and
 * the test accuracy at the best validation epoch is reported; mean ± std over folds. With {@code --selection
 * fold-mean} the GIN paper's protocol is used instead ({@link FoldMeanSelection}). Scenario options transform only
 * the training part of each fold: noisy labels, class imbalance, few-shot.
 *
 * <p>{@code --task regression} fits the dataset's real targets ({@link RegressionPlan}): a TU folder's
 * {@code _graph_attributes.txt}, or the generated substructure-counting set {@code --dataset counting}
 * ({@link SubstructureCounting}, dataset seed 0, {@code --counting-graphs} graphs). A dataset with a fixed split runs
 * {@code --seeds} seeds on it; any other runs k folds (random, not stratified) with a random validation hold-out.
 * Noise perturbs the training targets by Gaussian noise of F times each column's training standard deviation;
 * few-shot keeps K training graphs; imbalance does not apply.
 */
@Command(name = "graph", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Graph classification: stratified k-fold cross-validation, mean ± std test accuracy over folds.",
                "Graph regression (--task regression): MAE, RMSE and R² over seeds (fixed split) or folds."},
        footer = {"", "Examples:", "  ./gnn4j graph --dataset mutag --model gin",
                "  ./gnn4j graph --config gin-mutag --noise 0.2",
                "  ./gnn4j graph --dataset PROTEINS --model gin --few-shot 10",
                "  ./gnn4j graph --dataset mutag --model gin --noise 0.2 --contrastive 0.1",
                "  ./gnn4j graph --task regression --dataset counting --target triangle --model gin,kpath --loss l1"})
final class GraphCommand extends ExperimentCommand<GraphModelFactory> {
    @Option(names = "--task", defaultValue = "classification", paramLabel = "classification|regression",
            description = "classification (graph labels) or regression (real graph targets); default classification")
    String task;

    @Option(names = "--target", paramLabel = "NAME|I",
            description = {"regression: the target column to fit, by name (counting: triangle, tailed-triangle, star, "
                    + "4-cycle; TU: attribute-0, …) or index; default every column at once"})
    String target;

    @Option(names = "--loss", defaultValue = "mse", paramLabel = "mse|l1", description = "regression loss (default mse)")
    String loss;

    @Option(names = "--standardize",
            description = "regression: fit (y − mean)/std with each column's mean and std over the run's training "
                    + "graphs (recorded in results.json); metrics stay in the targets' units")
    boolean standardize;

    @Option(names = "--seeds", paramLabel = "N",
            description = "regression on a dataset with a fixed split (counting): runs, one seed each (default 3)")
    Integer seeds;

    @Option(names = "--counting-graphs", defaultValue = "5000", paramLabel = "N",
            description = "size of the generated counting set (--dataset counting; published: 5000)")
    int countingGraphs;

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

    @Mixin
    ContrastiveOptions contrastive;

    GraphCommand() {
        super("graph", Models.graph(), "test_acc");
    }

    /** The graph-level models have no attention heads, teleport or sheaf. */
    @Override
    List<String> unreadOptions() {
        return List.of("--heads", "--alpha", "--stalk-dim", "--input-dropout", "--fixed-stalks", "--sheaf-decay",
                "--second-linear");
    }

    @Override
    String barMetric() {
        return regression() ? "test_mae" : "test_acc";
    }

    private boolean regression() {
        return switch (task) {
            case "classification" -> false;
            case "regression" -> true;
            default -> throw new IllegalArgumentException("--task must be classification or regression, got '" + task
                    + "'");
        };
    }

    @Override
    Plan<GraphModelFactory> plan(ExperimentRequest request, ExecutionContext ctx) throws IOException {
        ContrastiveSettings cl = contrastive.settings();
        if (regression()) {
            if (cl.enabled()) {
                throw new IllegalArgumentException("--contrastive and --contrastive-pretrain apply to "
                        + "classification only, not --task regression");
            }
            return new RegressionPlan(this).plan(request, ctx);
        }
        ExperimentConfig cfg = request.config();
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
        Datasets.Loaded loaded = load(request.dataset());
        GraphDataset data = DatasetArgument.graph(loaded);
        List<Split> kfold = Splits.stratifiedKFold(data.labels(), k, seed);
        String scenario = scenarioName();
        // The runs' protocol: runs chosen by different selections are never averaged together (gnn4j report).
        String protocol = foldMean ? scenario + ", fold-mean" : scenario;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("source", loaded.source());
        settings.put("protocol", k + "-fold stratified, seed " + seed + (foldMean
                ? ", epoch chosen by the mean test accuracy over folds (fold-mean)"
                : ", validation hold-out " + valFraction));
        settings.put("scenario", scenario);
        settings.put("foldsRun", firstFold + ".." + (firstFold + toRun - 1));
        settings.put("contrastive", cl.toString());
        return new Plan<>(data.name(), toRun, settings) {
            @Override
            void check(HyperParameters hp) {
                if (foldMean && hp.patience() > 0) {
                    throw new IllegalArgumentException("--selection fold-mean needs every fold to run all epochs: use "
                            + "--patience 0, got " + hp.patience());
                }
            }

            @Override
            List<RunResult> run(ModelInfo<GraphModelFactory> info, HyperParameters hp, Progress progress) {
                List<RunResult> results = new ArrayList<>();
                for (int f = firstFold; f < firstFold + toRun; f++) {
                    results.add(fold(info, hp, cl, data, kfold.get(f), f, foldMean, protocol, ctx, progress));
                }
                return foldMean ? FoldMeanSelection.select(results) : results;
            }
        };
    }

    /** One fold: its hold-out (unless fold-mean), the scenario's transformation of the training part, the run. */
    private RunResult fold(ModelInfo<GraphModelFactory> info, HyperParameters hp, ContrastiveSettings cl,
                           GraphDataset data, Split fold, int f, boolean foldMean, String protocol,
                           ExecutionContext ctx, Progress progress) {
        long s = seed + f;
        int[] train = fold.train();
        int[] val = fold.test();
        if (!foldMean) {
            Scenarios.HoldOut h = Scenarios.stratifiedHoldOut(train, data.labels(), data.numClasses(), valFraction, s);
            train = h.train();
            val = h.val();
        }
        int[] unlabeled = train; // the training part before the scenario: the pre-training pool, labels unused
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
        return GraphClassification.run(cl.modelName(info.name()), protocol, f, s,
                info.factory().create(data, data.numClasses(), hp, s), data, trainLabels, data.labels(), unlabeled, train,
                val, fold.test(), hp, cl, ctx, progress);
    }

    /** The dataset {@code arg} names: {@code counting} is generated, anything else read by {@link DatasetArgument}. */
    Datasets.Loaded load(String arg) throws IOException {
        if (arg.equalsIgnoreCase("counting")) {
            return new Datasets.Loaded(SubstructureCounting.generate(countingGraphs, 10, 30, 0),
                    "generated: " + countingGraphs + " graphs of 10–30 nodes, dataset seed 0");
        }
        return DatasetArgument.load(arg, nodeAttributes, edges.edgesAsArcs);
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

    String scenarioName() {
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
