package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters.Overrides;
import io.gnn4j.layers.GraphLevelModule;
import io.gnn4j.layers.PerLayerReadoutNetwork;
import io.gnn4j.recommend.LightGCN;
import io.gnn4j.recommend.NGCF;
import io.gnn4j.recommend.Recommender;
import io.gnn4j.sheaf.Sheaf4Rec;
import java.util.SplittableRandom;

/**
 * The registries of every model the CLI knows, per task, with each model's paper defaults. A model whose layers are
 * not in gnn-layers yet is listed with the reason, so {@code --model} gives a plain "not available yet" error.
 */
public final class Models {
    private Models() {
    }

    /** Node classification models. */
    public static ModelRegistry<NodeModelFactory> node() {
        return new ModelRegistry<NodeModelFactory>("node classification")
                .add(new ModelInfo<>("mlp", "multi-layer perceptron on the features alone (no graph)",
                        Overrides.of("hidden: 64, layers: 2, dropout: 0.5, lr: 0.01, weightDecay: 5e-4"),
                        NodeNetworks.factory("mlp"), null))
                .add(new ModelInfo<>("gcn", "GCN, Kipf & Welling, ICLR 2017 (arXiv:1609.02907)",
                        Overrides.NONE, NodeNetworks.factory("gcn"), null))
                .add(new ModelInfo<>("gat", "GAT, Veličković et al., ICLR 2018 (arXiv:1710.10903)",
                        Overrides.of("epochs: 1000, patience: 100, hidden: 8, heads: 8, layers: 2, dropout: 0.6, "
                                + "lr: 0.005, weightDecay: 5e-4"),
                        NodeNetworks.factory("gat"), null))
                .add(new ModelInfo<>("sgc", "SGC, Wu et al., ICML 2019 (arXiv:1902.07153)",
                        Overrides.of("epochs: 100, layers: 1, hops: 2, dropout: 0.0, lr: 0.2, weightDecay: 5e-5"),
                        NodeNetworks.factory("sgc"), null))
                .add(new ModelInfo<>("appnp", "APPNP, Klicpera et al., ICLR 2019 (arXiv:1810.05997)",
                        Overrides.of("epochs: 1000, patience: 100, hidden: 64, layers: 2, hops: 10, alpha: 0.1, "
                                + "dropout: 0.5, lr: 0.01, weightDecay: 5e-3"),
                        NodeNetworks.factory("appnp"), null))
                .add(new ModelInfo<>("sage", "GraphSAGE (mean), Hamilton et al., NeurIPS 2017 (arXiv:1706.02216)",
                        Overrides.of("hidden: 64, layers: 2, dropout: 0.5, lr: 0.01, weightDecay: 5e-4"),
                        NodeNetworks.factory("sage"), null))
                .add(new ModelInfo<>("dgmlp", "decoupled deep graph MLP with node-adaptive hop weights, Zhang et al., "
                        + "2021 (arXiv:2108.00955)",
                        Overrides.of("epochs: 500, patience: 100, hidden: 64, layers: 1, hops: 20, dropout: 0.2, "
                                + "lr: 0.01, weightDecay: 5e-4"),
                        NodeNetworks.factory("dgmlp"), null))
                .add(sheaf("nsd-diag", "diagonal"))
                .add(sheaf("nsd-orth", "orthogonal (Householder)"))
                .add(sheaf("nsd-gen", "general"))
                .add(sheaf("nsd-identity", "identity (the trivial sheaf: graph Laplacian ⊗ I_d)"))
                .add(new ModelInfo<>("adpa", "ADPA, directed patterns with node-adaptive step attention, Sun et al., "
                        + "ICDE 2024; defaults of the official code (xkLi-Allen/AMUD-ADPA)",
                        Overrides.of("epochs: 500, patience: 50, monitor: val_acc, hidden: 32, layers: 1, hops: 2, "
                                + "dropout: 0.64251, lr: 0.06036, weightDecay: 0.01273"),
                        NodeNetworks.factory("adpa"), null))
                .add(new ModelInfo<>("dirgnn", "Dir-GCN, Rossi et al., LoG 2023 (arXiv:2305.10498), as PyG's "
                        + "DirGNNConv over GCNConv; defaults of PyG's examples/dir_gnn.py (alpha 0.5: DirGNNConv's "
                        + "default)",
                        Overrides.of("epochs: 1000, patience: 200, monitor: val_acc, hidden: 128, layers: 2, "
                                + "alpha: 0.5, dropout: 0.0, lr: 0.01, weightDecay: 0.0"),
                        NodeNetworks.factory("dirgnn"), null));
    }

    /**
     * Discrete Neural Sheaf Diffusion with the official code's defaults: d = 2, 2 layers, 20 channels per stalk
     * dimension, lr 0.01, weight decay 5e-4, up to 1500 epochs with patience 200 on the validation loss.
     */
    private static ModelInfo<NodeModelFactory> sheaf(String name, String maps) {
        Overrides defaults = Overrides.of("epochs: 1500, patience: 200, monitor: val_loss, hidden: 20, layers: 2, "
                + "stalkDim: 2, dropout: 0.0, inputDropout: 0.0, fixedStalks: none, lr: 0.01, weightDecay: 5e-4");
        return new ModelInfo<>(name, "Neural Sheaf Diffusion with " + maps + " restriction maps, Bodnar et al., "
                + "NeurIPS 2022 (arXiv:2202.04579)", defaults, NodeNetworks.factory(name), null);
    }

    /** Graph classification and regression models (mini-batches of 32, lr halved every 50 epochs, as GIN's code). */
    public static ModelRegistry<GraphModelFactory> graph() {
        String schedule = "epochs: 350, monitor: val_acc, dropout: 0.5, lr: 0.01, weightDecay: 0.0, batchSize: 32, "
                + "lrStep: 50, lrGamma: 0.5, ";
        return new ModelRegistry<GraphModelFactory>("graph-level tasks")
                .add(new ModelInfo<>("gin", "GIN-0 with sum readout over all layers, Xu et al., ICLR 2019 "
                        + "(arXiv:1810.00826)", Overrides.of(schedule + "hidden: 32, layers: 5"),
                        (data, outputs, hp, seed) -> initialised(PerLayerReadoutNetwork.gin(data.numFeatures(),
                                hp.hidden(), outputs, Math.max(2, hp.layers()), (float) hp.dropout(),
                                hp.batchNorm()), seed), null))
                .add(new ModelInfo<>("gcn", "GCN layers with mean readout (graph-level baseline)",
                        Overrides.of(schedule + "hidden: 64, layers: 3"),
                        (data, outputs, hp, seed) -> initialised(PerLayerReadoutNetwork.gcn(data.numFeatures(),
                                hp.hidden(), outputs, Math.max(2, hp.layers()), (float) hp.dropout()), seed), null))
                .add(new ModelInfo<>("kpath", "k-path rooted-subgraph GNN after Li et al. 2025 (arXiv:2501.00773), "
                        + "designed here from the idea: KPathConv layers, k = --hops (default 3), at most "
                        + "--max-paths (default 64) paths per node and length before sampling, sum readout",
                        Overrides.of(schedule + "hidden: 32, layers: 4, hops: 3"),
                        (data, outputs, hp, seed) -> initialised(PerLayerReadoutNetwork.kpath(data.numFeatures(),
                                hp.hidden(), outputs, Math.max(2, hp.layers()), (float) hp.dropout(), hp.hops(),
                                hp.maxPaths(), hp.batchNorm(), hp.pathBranching()), seed), null));
    }

    private static GraphLevelModule initialised(GraphLevelModule net, long seed) {
        net.resetParameters(new SplittableRandom(seed));
        return net;
    }

    /** Link prediction models. */
    public static ModelRegistry<LinkModelFactory> link() {
        return new ModelRegistry<LinkModelFactory>("link prediction")
                .add(new ModelInfo<>("gcn", "two GCN layers as encoder, dot-product decoder (GAE, Kipf & Welling "
                        + "2016, arXiv:1611.07308)",
                        Overrides.of("epochs: 200, monitor: val_acc, hidden: 32, layers: 2, dropout: 0.0, lr: 0.01, "
                                + "weightDecay: 0.0"), GaeLinkPredictor.factory(), null));
    }

    /**
     * Top-K recommendation models on the user–item graph, with one shared protocol (latent size 64, Adam lr 1e-3,
     * batches of 1024 BPR triples, regulariser λ = 1e-4, 50 epochs, as the Sheaf4Rec code trains every model) and
     * each paper's depth.
     */
    public static ModelRegistry<RecommenderFactory> recommend() {
        return new ModelRegistry<RecommenderFactory>("recommendation")
                .add(new ModelInfo<>("sheaf4rec", "Sheaf4Rec, Purificato et al. 2023 (arXiv:2304.09097): learned "
                        + "scalar restriction maps per edge, 5 layers as the official runs", recommender(5, 0.0),
                        (data, hp, seed) -> initialised(new Sheaf4Rec(data.trainGraph(), data.numUsers(),
                                data.numItems(), hp.hidden(), hp.layers()), seed), null))
                .add(new ModelInfo<>("lightgcn", "LightGCN, He et al., SIGIR 2020 (arXiv:2002.02126), 3 layers",
                        recommender(3, 0.0), (data, hp, seed) -> initialised(new LightGCN(data.trainGraph(),
                                data.numUsers(), data.numItems(), hp.hidden(), hp.layers()), seed), null))
                .add(new ModelInfo<>("ngcf", "NGCF, Wang et al., SIGIR 2019 (arXiv:1905.08108), 3 layers, message "
                        + "dropout 0.1", recommender(3, 0.1), (data, hp, seed) -> initialised(new NGCF(
                                data.trainGraph(), data.numUsers(), data.numItems(), hp.hidden(), hp.layers(),
                                (float) hp.dropout()), seed), null));
    }

    private static Overrides recommender(int layers, double dropout) {
        return Overrides.of("epochs: 50, patience: 0, hidden: 64, lr: 1e-3, weightDecay: 1e-4, batchSize: 1024, "
                + "layers: " + layers + ", dropout: " + dropout);
    }

    private static Recommender initialised(Recommender model, long seed) {
        model.resetParameters(new SplittableRandom(seed));
        return model;
    }
}
