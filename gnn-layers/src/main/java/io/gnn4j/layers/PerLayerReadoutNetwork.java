package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A graph-level network with a readout of every layer, after Xu et al., "How Powerful are Graph Neural Networks?",
 * ICLR 2019 (arXiv:1810.00826), §4–5 (Eq. 4.2): L − 1 message-passing layers h⁽ˡ⁾ = ReLU(conv_l(h⁽ˡ⁻¹⁾)) on top of
 * h⁽⁰⁾ = x, every layer's node states pooled per graph, and the graph's output summed over all layers,
 * {@code z_G = Σ_{l=0..L−1} dropout(W_l · READOUT({h_v⁽ˡ⁾ : v ∈ G}))}. {@link #gin} builds the paper's GIN-0 (GINConv
 * with ε = 0 and a two-layer ReLU MLP, batch normalisation inside the MLP and after the convolution as in the
 * authors' code, sum readout); {@link #gcn} the GCN baseline (GCNConv, mean readout); {@link #kpath} the k-path
 * rooted-subgraph network ({@link KPathConv} layers, batch normalisation after each, sum readout). Shapes: a batch of B graphs with
 * N nodes in total, N×F → B×C.
 */
public final class PerLayerReadoutNetwork extends GraphLevelModule {
    /** How node states are pooled into one row per graph. */
    public enum Readout {
        /** Sum over the graph's nodes (GIN's injective readout). */
        SUM,
        /** Mean over the graph's nodes. */
        MEAN,
        /** Elementwise maximum over the graph's nodes. */
        MAX
    }

    private final List<GraphModule> convs = new ArrayList<>();
    private final List<Linear> heads = new ArrayList<>();
    private final Readout readout;
    private final float dropout;

    /**
     * @param convs   the L − 1 message-passing layers, in order (input width F for the first, h after)
     * @param heads   the L linear heads, one per layer output (the first reads x itself)
     * @param dropout dropout probability on each head's output during training
     */
    public PerLayerReadoutNetwork(List<? extends GraphModule> convs, List<Linear> heads, Readout readout,
                                  float dropout) {
        if (heads.size() != convs.size() + 1) {
            throw new IllegalArgumentException("a per-layer readout needs one head per layer output: " + convs.size()
                    + " convolutions need " + (convs.size() + 1) + " heads, got " + heads.size());
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        for (int l = 0; l < convs.size(); l++) {
            this.convs.add(addModule("conv" + l, convs.get(l)));
        }
        for (int l = 0; l < heads.size(); l++) {
            this.heads.add(addModule("head" + l, heads.get(l)));
        }
        this.readout = readout;
        this.dropout = dropout;
    }

    /** GIN-0 with {@code layers} layers in all (≥ 2), hidden width {@code hidden}, sum readout. */
    public static PerLayerReadoutNetwork gin(int features, int hidden, int classes, int layers, float dropout) {
        return gin(features, hidden, classes, layers, dropout, true);
    }

    /**
     * GIN-0 as {@link #gin(int, int, int, int, float)}, with the batch normalisation inside the MLPs and after each
     * convolution only when {@code batchNorm}.
     */
    public static PerLayerReadoutNetwork gin(int features, int hidden, int classes, int layers, float dropout,
                                             boolean batchNorm) {
        List<GraphModule> convs = new ArrayList<>();
        for (int l = 0; l < layers - 1; l++) {
            int in = l == 0 ? features : hidden;
            convs.add(normalised(new GINConv(new MLP(Activation.RELU, 0f, batchNorm, in, hidden, hidden)), hidden,
                    batchNorm));
        }
        return new PerLayerReadoutNetwork(convs, heads(features, hidden, classes, layers), Readout.SUM, dropout);
    }

    /** GCN layers with mean readout, {@code layers} layers in all (≥ 2). */
    public static PerLayerReadoutNetwork gcn(int features, int hidden, int classes, int layers, float dropout) {
        List<GraphModule> convs = new ArrayList<>();
        for (int l = 0; l < layers - 1; l++) {
            convs.add(new GCNConv(l == 0 ? features : hidden, hidden));
        }
        return new PerLayerReadoutNetwork(convs, heads(features, hidden, classes, layers), Readout.MEAN, dropout);
    }

    /**
     * {@link KPathConv} layers (paths up to length {@code k}, at most {@code maxPathsPerRoot} per root and length
     * before sampling) with batch normalisation and sum readout, {@code layers} layers in all (≥ 2).
     */
    public static PerLayerReadoutNetwork kpath(int features, int hidden, int outputs, int layers, float dropout, int k,
                                               int maxPathsPerRoot) {
        return kpath(features, hidden, outputs, layers, dropout, k, maxPathsPerRoot, true);
    }

    /**
     * {@link #kpath(int, int, int, int, float, int, int)} with the batch normalisations (after each layer and in its
     * GIN part) only when {@code batchNorm}. Without them a layer's summed states are a fixed function of the graph —
     * a count of closed paths stays a count through the sum readout — instead of depending on the batch's statistics.
     */
    public static PerLayerReadoutNetwork kpath(int features, int hidden, int outputs, int layers, float dropout, int k,
                                               int maxPathsPerRoot, boolean batchNorm) {
        return kpath(features, hidden, outputs, layers, dropout, k, maxPathsPerRoot, batchNorm, 0);
    }

    /**
     * {@link #kpath(int, int, int, int, float, int, int, boolean)} with each layer's sums over paths scaled as
     * {@link KPathConv#KPathConv(int, int, int, int, boolean, double)} says for {@code pathBranching}.
     */
    public static PerLayerReadoutNetwork kpath(int features, int hidden, int outputs, int layers, float dropout, int k,
                                               int maxPathsPerRoot, boolean batchNorm, double pathBranching) {
        List<GraphModule> convs = new ArrayList<>();
        for (int l = 0; l < layers - 1; l++) {
            convs.add(normalised(new KPathConv(l == 0 ? features : hidden, hidden, k, maxPathsPerRoot, batchNorm,
                    pathBranching), hidden, batchNorm));
        }
        return new PerLayerReadoutNetwork(convs, heads(features, hidden, outputs, layers), Readout.SUM, dropout);
    }

    /** The convolution followed by a batch normalisation of its {@code width} outputs, or alone. */
    private static GraphModule normalised(GraphModule conv, int width, boolean batchNorm) {
        return batchNorm ? new Sequential(conv, new BatchNorm(width)) : conv;
    }

    private static List<Linear> heads(int features, int hidden, int classes, int layers) {
        if (layers < 2) {
            throw new IllegalArgumentException("a per-layer readout network needs >= 2 layers, got " + layers);
        }
        List<Linear> heads = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            heads.add(new Linear(l == 0 ? features : hidden, classes));
        }
        return heads;
    }

    @Override
    public Tensor forward(Tape tape, GraphBatch batch, Tensor x) {
        List<Tensor> pooled = pooledLayers(tape, batch, x);
        Tensor score = null;
        for (int l = 0; l < heads.size(); l++) {
            Tensor s = tape.dropout(heads.get(l).forward(tape, pooled.get(l)), dropout, isTraining());
            score = score == null ? s : tape.add(score, s);
        }
        return score;
    }

    /** The pooled states of every layer side by side, {@code [READOUT(h⁽⁰⁾) | … | READOUT(h⁽ᴸ⁻¹⁾)]}: B×(F + (L−1)·h). */
    @Override
    public Tensor embed(Tape tape, GraphBatch batch, Tensor x) {
        return tape.concat(pooledLayers(tape, batch, x).toArray(Tensor[]::new));
    }

    @Override
    public int embeddingWidth() {
        int width = 0;
        for (Linear head : heads) {
            width += head.in();
        }
        return width;
    }

    @Override
    public String toString() {
        return "PerLayerReadoutNetwork(" + convs + ", readout=" + readout + ", heads=" + heads.size() + ", dropout="
                + dropout + ")";
    }

    private List<Tensor> pooledLayers(Tape tape, GraphBatch batch, Tensor x) {
        int[] graphOf = batch.graphIndex();
        int numGraphs = batch.numGraphs();
        Graph g = batch.graph();
        Tensor h = x;
        List<Tensor> pooled = new ArrayList<>(heads.size());
        for (int l = 0; l < heads.size(); l++) {
            if (l > 0) {
                h = Activation.RELU.apply(tape, convs.get(l - 1).forward(tape, g, h));
            }
            pooled.add(switch (readout) {
                case SUM -> GlobalPooling.sum(tape, h, graphOf, numGraphs);
                case MEAN -> GlobalPooling.mean(tape, h, graphOf, numGraphs);
                case MAX -> GlobalPooling.max(tape, h, graphOf, numGraphs);
            });
        }
        return pooled;
    }
}
