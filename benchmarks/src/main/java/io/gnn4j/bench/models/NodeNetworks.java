package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.directed.Adpa;
import io.gnn4j.directed.DirGNNConv;
import io.gnn4j.layers.APPNP;
import io.gnn4j.layers.Activation;
import io.gnn4j.layers.DGMLP;
import io.gnn4j.layers.DGMLPParameters;
import io.gnn4j.layers.Dropout;
import io.gnn4j.layers.GATConv;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.MLP;
import io.gnn4j.layers.SAGEConv;
import io.gnn4j.layers.SGConv;
import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.Parameter;
import io.gnn4j.sheaf.FixedStalks;
import io.gnn4j.sheaf.RestrictionMaps;
import io.gnn4j.sheaf.SheafDiffusion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The node-classification networks of the papers, assembled from gnn-layers, each as its paper's reference code
 * builds it (F features, C classes, h = {@code hidden}, p = {@code dropout}, L = {@code layers}):
 * <ul>
 *   <li>mlp: dropout → Linear(F, h) → ReLU → dropout → … → Linear(h, C)</li>
 *   <li>gcn: [dropout → GCNConv → ReLU] × (L−1) → dropout → GCNConv(h, C); weight decay on the first layer only</li>
 *   <li>gat: [dropout → GATConv(·, h, H heads, concat, attention dropout p) → ELU] × (L−1) → dropout →
 *       GATConv(H·h, C, one head); L = 2 is the paper's network</li>
 *   <li>sgc: SGConv(F, C, K) on precomputed Â^K X (logistic regression)</li>
 *   <li>appnp: the mlp above, then APPNP(K, α) propagation; weight decay on the first layer's weights only</li>
 *   <li>sage: [dropout → SAGEConv(mean) → ReLU] × (L−1) → dropout → SAGEConv(h, C)</li>
 *   <li>dgmlp: DGMLP with K = {@code hops}, r = ½, L − 1 hidden layers of width h, dropout p on the combined
 *       features and between layers (L = 1: logistic regression on the adaptively combined hops)</li>
 *   <li>nsd-diag, nsd-orth, nsd-gen, nsd-identity: discrete Neural Sheaf Diffusion ({@link SheafDiffusion}) with
 *       diagonal, Householder-orthogonal, general or identity restriction maps; d = {@code stalkDim}, h channels per
 *       stalk dimension, L diffusion layers, dropout p, input dropout {@code inputDropout}, fixed stalk dimensions
 *       {@code fixedStalks}, a second input layer when {@code secondLinear}; the learners' maps decayed by
 *       {@code sheafDecay} when it is set, every other parameter by {@code weightDecay}</li>
 *   <li>adpa: {@link Adpa} with K = {@code hops} steps, hidden h, dropout p, r = {@link Adpa#DEFAULT_R} (the official
 *       code's one hidden layer per branch; {@code layers} is not used)</li>
 *   <li>dirgnn: [dropout → DirGNNConv(GCN, α = {@code alpha}, no root weight) → ReLU] × (L−1) → dropout →
 *       DirGNNConv(h, C), PyG's examples/dir_gnn.py network</li>
 * </ul>
 */
public final class NodeNetworks {
    private NodeNetworks() {
    }

    /** The factory of the network named {@code name} (one of the names above). */
    public static NodeModelFactory factory(String name) {
        return (data, hp, seed) -> build(name, data, hp, seed);
    }

    private static NodeNetwork build(String name, NodeDataset data, HyperParameters hp, long seed) {
        int f = data.numFeatures(), c = data.numClasses(), h = hp.hidden();
        float p = (float) hp.dropout();
        List<GraphModule> steps = new ArrayList<>();
        Set<Parameter> decayed = new HashSet<>();
        SheafDiffusion sheaf = null;
        switch (name) {
            case "mlp" -> {
                steps.add(new Dropout(p));
                steps.add(new MLP(Activation.RELU, p, widths(f, h, c, hp.layers())));
            }
            case "gcn" -> decayed.addAll(convolutions(steps, widths(f, h, c, hp.layers()), p, GCNConv::new).get(0)
                    .parameters());
            case "gat" -> {
                for (int i = 0; i + 1 < hp.layers(); i++) {
                    steps.add(new Dropout(p));
                    steps.add(new GATConv(i == 0 ? f : h * hp.heads(), h, hp.heads(), true, 0.2f, p, true, true));
                    steps.add(Activation.ELU.module());
                }
                steps.add(new Dropout(p));
                steps.add(new GATConv(hp.layers() == 1 ? f : h * hp.heads(), c, 1, false, 0.2f, p, true, true));
            }
            case "sgc" -> steps.add(new SGConv(f, c, Math.max(1, hp.hops())));
            case "appnp" -> {
                steps.add(new Dropout(p));
                MLP mlp = new MLP(Activation.RELU, p, widths(f, h, c, hp.layers()));
                decayed.add(mlp.namedParameters().get("0.weight"));   // the paper: L2 on the first layer's weights
                steps.add(mlp);
                steps.add(new APPNP(Math.max(1, hp.hops()), (float) hp.alpha()));
            }
            case "sage" -> convolutions(steps, widths(f, h, c, hp.layers()), p, SAGEConv::new);
            case "dgmlp" -> {
                int[] hidden = new int[Math.max(0, hp.layers() - 1)];
                java.util.Arrays.fill(hidden, h);
                steps.add(new DGMLP(f, c, new DGMLPParameters(hp.hops(), 0.5, hidden, Activation.RELU, p, p)));
            }
            case "nsd-diag" -> sheaf = sheaf(RestrictionMaps.DIAGONAL, f, c, hp);
            case "nsd-orth" -> sheaf = sheaf(RestrictionMaps.ORTHOGONAL, f, c, hp);
            case "nsd-gen" -> sheaf = sheaf(RestrictionMaps.GENERAL, f, c, hp);
            case "nsd-identity" -> sheaf = sheaf(RestrictionMaps.IDENTITY, f, c, hp);
            case "adpa" -> steps.add(new Adpa(f, c, h, Math.max(1, hp.hops()), Adpa.DEFAULT_R, p));
            case "dirgnn" -> convolutions(steps, widths(f, h, c, hp.layers()), p,
                    (in, out) -> DirGNNConv.gcn(in, out, hp.alpha(), false));
            default -> throw new IllegalArgumentException("no network named '" + name + "'");
        }
        if (sheaf != null) {
            steps.add(sheaf);
        }
        Sequential model = new Sequential(steps.toArray(GraphModule[]::new));
        model.resetParameters(new SplittableRandom(seed));
        if (!name.equals("gcn") && !name.equals("appnp")) {
            decayed.addAll(model.parameters());
        }
        Map<Parameter, Double> decay = new HashMap<>();
        decayed.forEach(q -> decay.put(q, hp.weightDecay()));
        if (sheaf != null && hp.sheafDecay() != null) {
            sheaf.learnerMaps().forEach(q -> decay.put(q, hp.sheafDecay()));
        }
        return new NodeNetwork(model, decay);
    }

    /** Appends [dropout → conv → ReLU] × (L−1) → dropout → conv over the widths w; returns the convolutions. */
    private static List<GraphModule> convolutions(List<GraphModule> steps, int[] w, float p,
                                                  BiFunction<Integer, Integer, GraphModule> conv) {
        List<GraphModule> convs = new ArrayList<>();
        for (int i = 0; i + 1 < w.length; i++) {
            steps.add(new Dropout(p));
            GraphModule layer = conv.apply(w[i], w[i + 1]);
            convs.add(layer);
            steps.add(layer);
            if (i + 2 < w.length) {
                steps.add(Activation.RELU.module());
            }
        }
        return convs;
    }

    private static SheafDiffusion sheaf(RestrictionMaps maps, int f, int c, HyperParameters hp) {
        return new SheafDiffusion(maps, f, c, hp.stalkDim(), hp.hidden(), hp.layers(), (float) hp.dropout(),
                (float) hp.inputDropout(), FixedStalks.parse(hp.fixedStalks()), hp.secondLinear());
    }

    /** F, h, …, h, C with L − 1 hidden widths. */
    static int[] widths(int f, int h, int c, int layers) {
        int[] w = new int[layers + 1];
        w[0] = f;
        for (int i = 1; i < layers; i++) {
            w[i] = h;
        }
        w[layers] = c;
        return w;
    }
}
