package io.gnn4j.directed;

import io.gnn4j.graph.Graph;
import io.gnn4j.layers.Aggregation;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.SAGEConv;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * The directed wrapper of Rossi et al., "Edge Directionality Improves Learning on Heterophilic Graphs" (LoG 2023,
 * arXiv:2305.10498), as PyTorch Geometric 2.4's {@code DirGNNConv} computes it: one convolution aggregates along the
 * arcs (from in-neighbours), a second one, with its own weights, along the reversed arcs (from out-neighbours), and
 * the two are mixed convexly:
 * <pre>
 *   x'_i = α · conv_out(x, Aᵀ)_i + (1 − α) · conv_in(x, A)_i  (+ W x_i + b  with the root weight)
 * </pre>
 * As in PyG, the wrapped convolutions add no self loops and have no root weight of their own ({@link #gcn} and
 * {@link #sage} build them so; a caller-supplied factory must do the same to match PyG). The reversed graph is the
 * graph's cached transpose; edge weights, which PyG's {@code DirGNNConv.forward} has no argument for, reach the
 * wrapped convolution as the graph carries them (GCN uses them, mean SAGE ignores them). Parameters: {@code conv_in.*}, {@code conv_out.*} and, with the root weight,
 * {@code lin.weight}, {@code lin.bias}. Tested against PyG 2.4 on a directed graph. Shapes: N×F_in → N×F_out.
 */
public final class DirGNNConv extends GraphModule {
    private final GraphModule convIn;
    private final GraphModule convOut;
    private final Linear root;
    private final float alpha;

    /**
     * Wraps two convolutions built by {@code factory} (one per direction, separate weights): α ∈ [0, 1] weighs the
     * out-neighbour aggregation; {@code rootWeight} adds a Linear(in, out) with bias of x itself.
     */
    public DirGNNConv(ConvFactory factory, int in, int out, double alpha, boolean rootWeight) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("in and out must be >= 1, got " + in + " and " + out);
        }
        this.alpha = (float) alpha;
        this.convIn = addModule("conv_in", factory.create(in, out));
        this.convOut = addModule("conv_out", factory.create(in, out));
        this.root = rootWeight ? addModule("lin", new Linear(in, out)) : null;
    }

    /** Dir-GCN: {@link GCNConv} with bias and PyG's normalisation, without self loops, in each direction. */
    public static DirGNNConv gcn(int in, int out, double alpha, boolean rootWeight) {
        return new DirGNNConv((i, o) -> new GCNConv(i, o, true, true, false), in, out, alpha, rootWeight);
    }

    /** Dir-SAGE: the mean {@link SAGEConv} without its root weight, in each direction. */
    public static DirGNNConv sage(int in, int out, double alpha, boolean rootWeight) {
        return new DirGNNConv((i, o) -> new SAGEConv(i, o, Aggregation.MEAN, false, true), in, out, alpha, rootWeight);
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        Tensor in = convIn.forward(tape, graph, x);
        Tensor out = convOut.forward(tape, graph.transpose(), x);
        Tensor y = tape.add(tape.scale(out, alpha), tape.scale(in, 1f - alpha));
        return root == null ? y : tape.add(y, root.forward(tape, x));
    }

    /** The weight α of the out-neighbour aggregation. */
    public double alpha() {
        return alpha;
    }

    @Override
    public String toString() {
        return "DirGNNConv(" + convIn + ", alpha=" + alpha + ")";
    }

    /** Builds one wrapped convolution from its input and output widths. */
    @FunctionalInterface
    public interface ConvFactory {
        /** A fresh convolution {@code in → out}. */
        GraphModule create(int in, int out);
    }
}
