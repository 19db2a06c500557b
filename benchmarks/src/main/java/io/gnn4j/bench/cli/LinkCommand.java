package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.LinkModelFactory;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.models.Models;
import io.gnn4j.bench.task.ForwardLinkPrediction;
import io.gnn4j.bench.task.LinkPrediction;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.split.EdgeSplit;
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
 * {@code gnn4j link}: link prediction on held-out edges. Each seed draws its own split (validation and test edges
 * removed from the training graph, each with as many sampled non-edges) and trains a fresh model; the table gives
 * test ROC-AUC and Hits@K at the best validation epoch as mean ± std over seeds.
 */
@Command(name = "link", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Link prediction: held-out edges with sampled negatives; test ROC-AUC and Hits@K over seeds.",
        footer = {"", "Examples:", "  ./gnn4j link --dataset cora --model gcn --seeds 5",
                "  ./gnn4j link --dataset cora --model gcn --training forward --layers 4 --hidden 128 --lr 1e-3"})
final class LinkCommand extends ExperimentCommand<LinkModelFactory> {
    @Mixin
    SeedOptions seeds;

    @Option(names = "--val-fraction", defaultValue = "0.05", paramLabel = "F", description = "edges held out for validation")
    double valFraction;

    @Option(names = "--test-fraction", defaultValue = "0.1", paramLabel = "F", description = "edges held out for test")
    double testFraction;

    @Option(names = "--hits", split = ",", defaultValue = "10,50,100", paramLabel = "K",
            description = "K values of Hits@K (default: ${DEFAULT-VALUE})")
    int[] hits;

    @Mixin
    FeatureOptions features;

    @Option(names = "--training", paramLabel = "HOW", defaultValue = "backprop",
            description = "backprop (the auto-encoder end to end, default) or forward (forward learning: each GCN "
                    + "layer trained on its own link loss, its input detached; a pair scores the mean of the layers' "
                    + "edge probabilities)")
    String training;

    LinkCommand() {
        super("link", Models.link(), "test_auc");
    }

    /**
     * Link prediction's encoders (GAE, the forward-learning backbones) read neither propagation, schedule, batching
     * nor sheaf options.
     */
    @Override
    List<String> unreadOptions() {
        return List.of("--hops", "--alpha", "--batch-size", "--lr-step", "--lr-gamma", "--batches-per-epoch",
                "--stalk-dim", "--input-dropout", "--fixed-stalks", "--max-paths", "--sheaf-decay", "--second-linear",
                "--batch-norm", "--path-branching");
    }

    @Override
    Plan<LinkModelFactory> plan(ExperimentRequest request, ExecutionContext ctx) throws IOException {
        ExperimentConfig cfg = request.config();
        int runs = seeds.runs(cfg);
        for (int k : hits) {
            if (k < 1) {
                throw new IllegalArgumentException("--hits values must be >= 1, got " + k);
            }
        }
        boolean forward = switch (training.toLowerCase(Locale.ROOT)) {
            case "backprop" -> false;
            case "forward" -> true;
            default -> throw new IllegalArgumentException("unknown training '" + training
                    + "': use backprop or forward");
        };
        Datasets.Loaded loaded = DatasetArgument.load(request.dataset(), false, edges.edgesAsArcs);
        NodeDataset data = features.nodes(loaded, cfg);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("source", loaded.source());
        if (edges.edgesAsArcs) {
            settings.put("edges", "as arcs (--edges-as-arcs)");
        }
        settings.put("protocol", "held-out edges: validation " + valFraction + ", test " + testFraction
                + ", one negative per positive");
        settings.put("seeds", runs);
        settings.put("firstSeed", seeds.seed);
        settings.put("rowNormalizedFeatures", !features.raw(cfg));
        settings.put("training", forward ? "forward" : "backprop");
        List<EdgeSplit> splits = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            splits.add(Splits.edges(data.graph(), valFraction, testFraction, seeds.seed + run));
        }
        return new Plan<>(data.name(), runs, settings) {
            @Override
            List<RunResult> run(ModelInfo<LinkModelFactory> info, HyperParameters hp, Progress progress) {
                List<RunResult> results = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long s = seeds.seed + run;
                    EdgeSplit split = splits.get(run);
                    if (forward) {
                        results.add(ForwardLinkPrediction.run(data.name(), info.name(), "held-out edges", run, s,
                                data.features(), data.numFeatures(), split, hits, hp, ctx, progress));
                        continue;
                    }
                    var model = info.factory().create(split.trainGraph(), data.features(), data.numFeatures(),
                            split.train().src(), split.train().dst(), hp, s);
                    results.add(LinkPrediction.run(data.name(), info.name(), "held-out edges", run, s, model, split,
                            hits, hp, ctx, progress));
                }
                return results;
            }
        };
    }
}
