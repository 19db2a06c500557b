package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.random.RandomGenerator;

/**
 * The graph isomorphism network layer of Xu, Hu, Leskovec &amp; Jegelka, "How Powerful are Graph Neural
 * Networks?", ICLR 2019 (arXiv:1810.00826), Eq. 4.1:
 * <pre>
 *   x'_i = h_Θ( (1 + ε) x_i + Σ_{j ∈ N(i)} x_j )
 * </pre>
 * h_Θ is a caller-supplied network (usually an {@link MLP}); ε is a fixed number (default 0) or, with
 * {@code trainEps}, a learned 1×1 parameter initialised to that number. The sum ignores edge weights and runs as
 * one SpMM (with a fixed ε, the self term is added in the same operation, {@link Tape#spmmTransposePlusScaled});
 * on a directed graph it runs over the arcs entering i, as PyG (tested against PyG 2.4). Shapes: N×F_in → the
 * output width of h_Θ.
 */
public final class GINConv extends MessagePassing {
    private final GraphModule nn;
    private final float initialEps;
    private final Parameter eps;

    /** GIN with fixed ε = 0. */
    public GINConv(GraphModule nn) {
        this(nn, 0f, false);
    }

    /** GIN with initial ε and whether ε is learned. */
    public GINConv(GraphModule nn, float eps, boolean trainEps) {
        super(Aggregation.SUM);
        this.nn = addModule("nn", nn);
        this.initialEps = eps;
        this.eps = trainEps ? addParameter("eps", 1, 1) : null;
        if (this.eps != null) {
            Init.constant(this.eps, eps);
        }
    }

    @Override
    public void resetParameters(RandomGenerator rng) {
        if (eps != null) {
            Init.constant(eps, initialEps);
        }
        super.resetParameters(rng);
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        Graph unit = Operators.unweighted(graph);
        if (eps == null && usesFusedPath()) { // the sum and the fixed self term in one operation: the chain's bits
            return nn.forward(tape, graph, tape.spmmTransposePlusScaled(unit, x, 1f + initialEps));
        }
        Tensor agg = propagate(tape, unit, x);
        Tensor self = eps != null ? tape.add(x, tape.mul(x, eps)) : initialEps == 0f ? x : tape.scale(x, 1f + initialEps);
        return nn.forward(tape, graph, tape.add(agg, self));
    }

    /** {@code Aᵀ·X} with unit weights as one SpMM. */
    @Override
    protected Tensor messageAndAggregate(Tape tape, Graph g, Tensor x) {
        return tape.spmmTranspose(g, x);
    }

    @Override
    public String toString() {
        return "GINConv(nn=" + nn + ")";
    }
}
