package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * Personalised-PageRank propagation of Gasteiger, Bojchevski &amp; Günnemann, "Predict then Propagate: Graph Neural
 * Networks meet Personalized PageRank", ICLR 2019 (arXiv:1810.05997), Eq. 4:
 * <pre>
 *   Z⁰ = H,   Z^{k+1} = (1 − α) Âᵀ Z^k + α H,   output Z^K
 * </pre>
 * with Â the GCN operator (on a directed graph, as PyG: along the arcs, in-degrees of A + I at both ends; see
 * {@link GCNConv}; tested against PyG 2.4); no parameters (the prediction network H = f(X) comes before it, e.g. an {@link MLP} in a
 * {@link Sequential}). Defaults of the paper: K = 10, α = 0.1. The K steps run as one tape operation
({@link Tape#personalizedPageRank}) that keeps none of the intermediate states. Shapes: N×F → N×F.
 */
public final class APPNP extends GraphModule {
    private final int k;
    private final float alpha;

    /** K ≥ 1 power-iteration steps with teleport probability α ∈ (0, 1]. */
    public APPNP(int k, float alpha) {
        if (k < 1) {
            throw new IllegalArgumentException("K must be >= 1, got " + k);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        this.k = k;
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor h) {
        return tape.personalizedPageRank(Operators.gcn(graph), h, k, alpha);
    }

    @Override
    public String toString() {
        return "APPNP(K=" + k + ", alpha=" + alpha + ")";
    }
}
