package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * A decoupled deep GNN in the style of DGMLP (Zhang et al., "Evaluating Deep Graph Neural Networks", 2021,
 * arXiv:2108.00955): propagation without parameters, precomputed once, then node-adaptive hop weights and an MLP.
 * <pre>
 *   X⁽⁰⁾ = X,  X⁽ᵏ⁾ = Âᵀ X⁽ᵏ⁻¹⁾ (k ≤ K, Â the GCN operator)
 *   s_k(v) = σ( a · [X⁽⁰⁾_v ‖ X⁽ᵏ⁾_v] + b ),   w(v) = softmax_k s_k(v)
 *   y_v = MLP( Σ_k w_k(v) X⁽ᵏ⁾_v )
 * </pre>
 * Each X⁽ᵏ⁾ goes through dropout (probability {@code dropout}) before scoring, and the MLP (ReLU) uses the same
 * probability between its layers, in training mode. The propagated
 * features are cached for the last (graph, x) pair when x needs no gradient. Parameters: the hop scorer a (2F×1),
 * b, and the MLP over widths {@code [F, hidden…, classes]}. Shapes: N×F → N×classes.
 */
public final class DGMLP extends GraphModule {
    private final int k;
    private final float dropout;
    private final Linear scorer;
    private final MLP mlp;
    private Graph cachedGraph;
    private Tensor cachedInput;
    private Tensor[] cachedHops;

    /** K ≥ 1 hops, input dropout p, and the MLP widths (first = feature width F, last = number of classes). */
    public DGMLP(int k, float dropout, int... mlpDims) {
        if (k < 1) {
            throw new IllegalArgumentException("K must be >= 1, got " + k);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.k = k;
        this.dropout = dropout;
        this.scorer = addModule("hop_att", new Linear(2 * mlpDims[0], 1));
        this.mlp = addModule("mlp", new MLP(Activation.RELU, dropout, mlpDims));
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        Tensor[] hops = hops(tape, graph, x);
        Tensor[] dropped = new Tensor[k + 1];
        Tensor[] scores = new Tensor[k + 1];
        for (int i = 0; i <= k; i++) {
            dropped[i] = tape.dropout(hops[i], dropout, isTraining());
        }
        for (int i = 0; i <= k; i++) {
            scores[i] = tape.sigmoid(scorer.forward(tape, tape.concat(dropped[0], dropped[i])));
        }
        Tensor w = tape.softmax(tape.concat(scores));                          // N×(K+1), rows sum to 1
        Tensor combined = tape.mul(dropped[0], tape.sliceColumns(w, 0, 1));
        for (int i = 1; i <= k; i++) {
            combined = tape.add(combined, tape.mul(dropped[i], tape.sliceColumns(w, i, i + 1)));
        }
        return mlp.forward(tape, combined);
    }

    /** X⁽⁰⁾ … X⁽ᴷ⁾, from the cache when x is a constant seen before on this graph. */
    private Tensor[] hops(Tape tape, Graph graph, Tensor x) {
        Graph a = Operators.gcn(graph);
        if (x.requiresGrad()) {
            Tensor[] h = new Tensor[k + 1];
            h[0] = x;
            for (int i = 1; i <= k; i++) {
                h[i] = tape.spmmTranspose(a, h[i - 1]);
            }
            return h;
        }
        if (cachedGraph != graph || cachedInput != x) {
            Tape scratch = Tape.noGrad(tape.context());
            Tensor[] h = new Tensor[k + 1];
            h[0] = x;
            Tensor p = x;
            for (int i = 1; i <= k; i++) {
                p = scratch.spmmTranspose(a, p);
                h[i] = Tensor.of(p.rows(), p.cols(), p.toFloatArray());
            }
            cachedHops = h;
            cachedGraph = graph;
            cachedInput = x;
        }
        return cachedHops;
    }

    @Override
    public String toString() {
        return "DGMLP(K=" + k + ", mlp=" + mlp + ")";
    }
}
