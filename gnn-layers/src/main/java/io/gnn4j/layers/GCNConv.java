package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.random.RandomGenerator;

/**
 * The graph convolution of Kipf &amp; Welling, "Semi-Supervised Classification with Graph Convolutional Networks",
 * ICLR 2017 (arXiv:1609.02907).
 * <pre>
 *   X' = Âᵀ X Θ + b,   Â = D̃^{-1/2} (A + I) D̃^{-1/2},   D̃_ii = Σ_j (A + I)_ji
 *   x'_i = Σ_{j ∈ N(i) ∪ {i}} (1 / sqrt(d̃_j d̃_i)) Θᵀ x_j + b
 * </pre>
 * Θ is F_in×F_out (Glorot), b is 1×F_out (zeros). Options: {@code bias} (default true), {@code normalize} (default
 * true; false aggregates with the raw weights of A), {@code addSelfLoops} (default true; false normalises A itself,
 * as PyG's {@code add_self_loops=False}, which {@code DirGNNConv} uses). The normalised operator is computed once
 * per graph and cached (PyG's {@code cached=True}).
 * <p>Directed graphs, as PyG: messages flow along the arcs j → i (N(i) are i's in-neighbours) and d̃ are the weighted
 * <em>in</em>-degrees of A + I at both ends of an arc ({@code gcn_norm}; {@link io.gnn4j.graph.Normalization#gcn});
 * on an undirected graph they are the ordinary degrees. Tested against PyG 2.4 on a directed graph. Shapes:
 * N×F_in → N×F_out.
 */
public final class GCNConv extends MessagePassing implements DroppedInputModule {
    private final int in;
    private final int out;
    private final boolean normalize;
    private final boolean addSelfLoops;
    private final Parameter weight;
    private final Parameter bias;

    /** A GCN layer with bias and normalisation. */
    public GCNConv(int in, int out) {
        this(in, out, true, true);
    }

    /** A GCN layer with the given options, adding self loops. */
    public GCNConv(int in, int out, boolean bias, boolean normalize) {
        this(in, out, bias, normalize, true);
    }

    /** A GCN layer with the given options. */
    public GCNConv(int in, int out, boolean bias, boolean normalize, boolean addSelfLoops) {
        super(Aggregation.SUM);
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("in and out must be >= 1, got " + in + " and " + out);
        }
        this.in = in;
        this.out = out;
        this.normalize = normalize;
        this.addSelfLoops = addSelfLoops;
        this.weight = addParameter("weight", in, out);
        this.bias = bias ? addParameter("bias", 1, out) : null;
    }

    @Override
    public void resetParameters(RandomGenerator rng) {
        Init.glorotUniform(weight, rng);
        if (bias != null) {
            Init.zeros(bias);
        }
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        return forwardAfter(tape, graph, x, Activation.IDENTITY, 0f, false);
    }

    /** The layer on {@code dropout(activation(x), p, training)}, its product XΘ fused with both. */
    @Override
    public Tensor forwardAfter(Tape tape, Graph graph, Tensor x, Activation activation, float p, boolean training) {
        Graph a = !normalize ? graph : addSelfLoops ? Operators.gcn(graph) : Operators.gcnWithoutSelfLoops(graph);
        Tensor h = propagate(tape, a, activation.applyDropoutThenLinear(tape, x, p, training, weight, null));
        return bias == null ? h : tape.add(h, bias);
    }

    /** Whether the layer propagates with the normalised Â (true) or the raw weights of A. */
    public boolean normalizes() {
        return normalize;
    }

    /** Θ, F_in×F_out. */
    public Parameter weight() {
        return weight;
    }

    /** b, 1×F_out, or {@code null} without a bias. */
    public Parameter bias() {
        return bias;
    }

    /** x_j scaled by the operator's weight Â_ji. */
    @Override
    protected Tensor message(Tape tape, Edges edges) {
        return tape.mul(edges.source(), edges.weight());
    }

    /** {@code Âᵀ·X} as one SpMM. */
    @Override
    protected Tensor messageAndAggregate(Tape tape, Graph g, Tensor x) {
        return tape.spmmTranspose(g, x);
    }

    @Override
    public String toString() {
        return "GCNConv(" + in + ", " + out + ")";
    }
}
