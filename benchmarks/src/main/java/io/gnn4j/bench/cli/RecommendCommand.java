package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.Models;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.models.RecommenderFactory;
import io.gnn4j.bench.task.Recommendation;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.Interactions;
import io.gnn4j.datasets.RatingsDataset;
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
 * {@code gnn4j recommend}: top-K recommendation on a ratings dataset turned into implicit feedback (every rating of
 * at least {@code --min-rating} is an interaction). The split is one of the dataset's own (MovieLens' ua/ub, the same
 * for every seed), a random share of the ratings per seed, or a random share of each user's ratings per seed
 * ({@code stratified}, as Microsoft Recommenders' {@code python_stratified_split}); {@code --val F} moves a seeded
 * share F of each run's training ratings to a validation set that selects the reported epoch
 * ({@link Recommendation}). Each seed trains a fresh model with BPR, and the table gives the full-ranking test
 * Precision/Recall/F1/NDCG/MRR@K (known items excluded) as mean ± std over seeds.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Top-K recommendation: BPR training on the user–item graph, full-ranking test metrics over seeds.",
        footer = {"", "Examples:", "  ./gnn4j recommend --dataset ml-100k --model sheaf4rec,lightgcn,ngcf --split ua",
                "  ./gnn4j recommend --config lightgcn-ml-100k",
                "  ./gnn4j recommend --dataset ml-100k --model lightgcn --split random --train 0.8 --seeds 3",
                "  ./gnn4j recommend --dataset ml-100k --model lightgcn,sheaf4rec --split ua --val 0.1 --patience 20"})
final class RecommendCommand extends ExperimentCommand<RecommenderFactory> {
    @Option(names = "--split", paramLabel = "NAME",
            description = "a split of the dataset (ua, ub for MovieLens-100K), random (a --train share of the "
                    + "ratings per seed, the rest test) or stratified (a --train share of each user's ratings per "
                    + "seed); default: the dataset's first split (ua), random for ratings files without splits")
    String split;

    @Option(names = "--train", paramLabel = "F", defaultValue = "0.8",
            description = "random and stratified splits: the training share of the ratings (default: "
                    + "${DEFAULT-VALUE})")
    double trainFraction;

    @Option(names = "--val", paramLabel = "F", defaultValue = "0",
            description = "hold out a seeded random share F of the training ratings (per seed) as a validation set; "
                    + "the run then reports the test metrics of the epoch with the best validation NDCG@10 (NDCG "
                    + "at the first --k when 10 is not among them), and --patience stops it early (default "
                    + "${DEFAULT-VALUE}: no validation, the last epoch)")
    double valFraction;

    @Option(names = "--min-rating", paramLabel = "R", defaultValue = "1",
            description = "ratings below R are not interactions (default ${DEFAULT-VALUE}: all are; the Sheaf4Rec "
                    + "code uses 3)")
    float minRating;

    @Option(names = "--k", split = ",", defaultValue = "5,10,20", paramLabel = "K",
            description = "cut-offs K of the metrics (default: ${DEFAULT-VALUE})")
    int[] ks;

    @Mixin
    SeedOptions seeds;

    RecommendCommand() {
        super("recommend", Models.recommend(), "test_ndcg@10");
    }

    /**
     * The recommenders read the latent size, depth, dropout (NGCF), batch size and the optimiser's options only; the
     * validation set selects by NDCG, not --monitor.
     */
    @Override
    List<String> unreadOptions() {
        return List.of("--edges-as-arcs", "--monitor", "--heads", "--hops", "--alpha", "--lr-step", "--lr-gamma",
                "--batches-per-epoch", "--stalk-dim", "--input-dropout", "--fixed-stalks", "--max-paths",
                "--sheaf-decay", "--second-linear", "--batch-norm", "--path-branching");
    }

    @Override
    String barMetric() {
        return "test_ndcg@" + Recommendation.selectionK(ks);
    }

    @Override
    Plan<RecommenderFactory> plan(ExperimentRequest request, ExecutionContext ctx) throws IOException {
        ExperimentConfig cfg = request.config();
        int runs = seeds.runs(cfg);
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("--k values must be >= 1, got " + k);
            }
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("--train must be in (0, 1), got " + trainFraction);
        }
        if (!(valFraction >= 0 && valFraction < 1)) {
            throw new IllegalArgumentException("--val must be in [0, 1), got " + valFraction);
        }
        Datasets.Loaded loaded = DatasetArgument.load(request.dataset(), false, false);
        if (!(loaded.dataset() instanceof RatingsDataset ratings)) {
            throw new IllegalArgumentException(loaded.dataset().name() + " (" + loaded.source() + ") has no ratings: "
                    + "gnn4j recommend needs a ratings dataset such as ml-100k");
        }
        String protocol = (split != null ? split : cfg.protocol() != null ? cfg.protocol()
                : ratings.splits().isEmpty() ? "random" : ratings.splits().getFirst().name()).toLowerCase(Locale.ROOT);
        boolean random = protocol.equals("random"), stratified = protocol.equals("stratified");
        boolean perRun = random || stratified || valFraction > 0;
        List<Interactions> data = new ArrayList<>();
        for (int run = 0; run < (perRun ? runs : 1); run++) {
            long seed = seeds.seed + run;
            Split s = random ? Splits.ratio(ratings.numRatings(), trainFraction, 0, seed)
                    : stratified ? Splits.stratifiedRatio(ratings.users(), ratings.numUsers(), trainFraction, 0, seed)
                    : ratings.split(protocol);
            if (valFraction > 0) {
                s = Splits.holdOutFromTrain(s, valFraction, seed);
            }
            data.add(Interactions.of(ratings, s, minRating));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("source", loaded.source());
        settings.put("protocol", random ? "random " + trainFraction + " of the ratings per seed"
                : stratified ? "random " + trainFraction + " of each user's ratings per seed" : protocol);
        settings.put("minRating", minRating);
        settings.put("trainInteractions", data.get(0).train().size());
        settings.put("valInteractions", data.get(0).val().size());
        settings.put("testInteractions", data.get(0).test().size());
        settings.put("evaluation", valFraction > 0
                ? "full ranking, known items excluded, test metrics of the epoch with the best val_ndcg@"
                        + Recommendation.selectionK(ks) + " (validation: a seeded " + valFraction
                        + " of the training ratings)"
                : "full ranking, training items excluded, metrics of the last epoch");
        settings.put("seeds", runs);
        settings.put("firstSeed", seeds.seed);
        String label = (random || stratified ? protocol + "-" + trainFraction : protocol)
                + (valFraction > 0 ? "-val-" + valFraction : "");
        return new Plan<>(ratings.name(), runs, settings) {
            @Override
            List<RunResult> run(ModelInfo<RecommenderFactory> info, HyperParameters hp, Progress progress) {
                List<RunResult> results = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long s = seeds.seed + run;
                    Interactions d = data.get(perRun ? run : 0);
                    results.add(Recommendation.run(ratings.name(), label, info.name(), run, s,
                            info.factory().create(d, hp, s), d, ks, hp, ctx, progress));
                }
                return results;
            }
        };
    }
}
