package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.data.DirectedModelling;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.models.Models;
import io.gnn4j.bench.models.NodeModelFactory;
import io.gnn4j.bench.task.ForwardNodeClassification;
import io.gnn4j.bench.task.NodeClassification;
import io.gnn4j.bench.task.Training;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.split.NodeSplitOptions;
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
 * {@code gnn4j node}: node classification, dataset × models × seeds → a table of test accuracy (at the best
 * validation epoch) as mean ± std, with CSV/JSON/PNG output. Split protocols: the Planetoid public split (same split,
 * different seeds), random splits (one per seed; per class or stratified by ratio), the ten Geom-GCN splits (seed i
 * uses split i mod 10) and the dataset's own splits; see {@link io.gnn4j.datasets.split.NodeSplitOptions}.
 */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Node classification: train models over seeds on a dataset and print mean ± std test accuracy.",
        footer = {"", "Examples:", "  ./gnn4j node --dataset cora --model gcn --seeds 10 --sparse-features",
                "  ./gnn4j node --config gat-cora",
                "  ./gnn4j node --dataset texas --model gcn,mlp --split geom-gcn",
                "  ./gnn4j node --dataset cora_ml --directed no --model gcn --training forward-sf --layers 4 --hidden 128"})
final class NodeCommand extends ExperimentCommand<NodeModelFactory> {
    @Option(names = "--split", paramLabel = "PROTOCOL",
            description = "public (Planetoid), random (one per seed: stratified by --train/--val ratio, else "
                    + "per class), geom-gcn (the 10 splits), stored (the dataset's own), pygsd (PyTorch Geometric "
                    + "Signed Directed's 10 splits made with numpy's RandomState(k): --train-per-class per class, "
                    + "--val-size, the rest test; pygsd-k: split k for every seed) or the name of one of the "
                    + "dataset's splits (e.g. geom-gcn-0: that split for every seed); default: public, else "
                    + "geom-gcn, else stored, else random 0.6/0.2 by ratio")
    String protocol;

    @Mixin
    SeedOptions seeds;

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

    @Mixin
    FeatureOptions features;

    @Option(names = "--directed", paramLabel = "auto|yes|no", description = "yes: train on the directed graph "
            + "(Geom-GCN edge files read with their direction); no: symmetrise it (PyG's to_undirected; e.g. Cora-ML "
            + "as PyG's CitationFull serves it); auto: AMUD decides from the first split's training labels; default: "
            + "the graph as the dataset loads")
    String directed;

    @Option(names = "--training", paramLabel = "HOW", defaultValue = "backprop",
            description = "backprop (end to end, default), or forward learning layer by layer: forward-sf "
                    + "(ForwardGNN-SF), forward-td-input / forward-td-loss (ForwardGNN-SF with the top-down signal "
                    + "into the input / the loss, all layers training together), ff / ff-vn (forward-forward, "
                    + "labels appended to the features / linked to class virtual nodes) or tpsgd (fixed random targets); forward learning takes the gcn, sage or gat "
                    + "backbone")
    String training;

    @Option(names = "--sparse-features", description = "hold the node features as a sparse tensor (CSR; "
            + "Tensor.ofSparse): products with them and dropout on them cost O(non-zeros) — for bag-of-words "
            + "features such as Cora's; the products round differently from the dense GEMM; backpropagation "
            + "training only (default: dense)")
    boolean sparseFeatures;

    NodeCommand() {
        super("node", Models.node(), "test_acc");
    }

    /** The graph-level task's mini-batch and kpath options. */
    @Override
    List<String> unreadOptions() {
        return List.of("--batch-size", "--batches-per-epoch", "--batch-norm", "--max-paths", "--path-branching");
    }

    @Override
    Plan<NodeModelFactory> plan(ExperimentRequest request, ExecutionContext ctx) throws IOException {
        ExperimentConfig cfg = request.config();
        int runs = seeds.runs(cfg);
        Datasets.Loaded loaded = DatasetArgument.load(request.dataset(), false, edges.edgesAsArcs);
        boolean raw = features.raw(cfg);
        NodeDataset featured = features.nodes(loaded, cfg);
        Training how = Training.parse(training);
        if (sparseFeatures && how != Training.BACKPROP) {
            throw new IllegalArgumentException("--sparse-features applies to backpropagation training, not to "
                    + "--training " + training);
        }
        NodeSplitOptions splitOptions = NodeSplitOptions.builder()
                .protocol(protocol != null ? protocol : cfg.protocol())
                .perClass(trainPerClass, valSize, testSize).ratio(trainFraction, valFraction).build();
        String proto = splitOptions.resolvedProtocol(featured);
        List<Split> splits = splitOptions.splits(featured, runs, seeds.seed);
        Map<String, Object> settings = new LinkedHashMap<>();
        NodeDataset data = directed == null ? featured
                : DirectedModelling.parse(directed).apply(loaded, featured, splits.get(0), ctx, settings);
        settings.put("source", loaded.source());
        if (edges.edgesAsArcs) {
            settings.put("edges", "as arcs (--edges-as-arcs)");
        }
        settings.put("protocol", proto);
        settings.put("seeds", runs);
        settings.put("firstSeed", seeds.seed);
        settings.put("rowNormalizedFeatures", !raw);
        settings.put("training", how.label());
        if (sparseFeatures) {
            settings.put("sparseFeatures", true);
        }
        return new Plan<>(data.name(), runs, settings) {
            @Override
            List<RunResult> run(ModelInfo<NodeModelFactory> info, HyperParameters hp, Progress progress) {
                List<RunResult> results = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long s = seeds.seed + run;
                    String splitName = splits.get(run).name();
                    results.add(how == Training.BACKPROP
                            ? NodeClassification.run(info.name(), splitName, run, s, info.factory().create(data, hp, s),
                                    data, sparseFeatures, splits.get(run), hp, ctx, progress)
                            : ForwardNodeClassification.run(how, info.name(), splitName, run, s, data,
                                    splits.get(run), hp, ctx, progress));
                }
                return results;
            }
        };
    }
}
