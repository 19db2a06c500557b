package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * Simple graph convolution of Wu et al., "Simplifying Graph Convolutional Networks", ICML 2019 (arXiv:1902.07153):
 * <pre>
 *   X' = (Âᵀ)^K X Θ + b
 * </pre>
 * with Â the GCN operator. On a directed graph, as PyG: propagation along the arcs (source → target) with
 * {@code gcn_norm}'s in-degrees of A + I at both ends (see {@link GCNConv}; tested against PyG 2.4). Option {@code cached} (default true): when x requires no gradient, {@code (Âᵀ)^K X} is
 * computed once for the (graph, x) pair and reused, so training is logistic regression on precomputed features.
 * Shapes: N×F_in → N×F_out.
 */
public final class SGConv extends GraphModule {
    private final int k;
    private final boolean cached;
    private final Linear lin;
    private Graph cachedGraph;
    private Tensor cachedInput;
    private Tensor cachedOutput;

    /** K hops, cached. */
    public SGConv(int in, int out, int k) {
        this(in, out, k, true);
    }

    /** K ≥ 1 hops, with or without caching. */
    public SGConv(int in, int out, int k, boolean cached) {
        if (k < 1) {
            throw new IllegalArgumentException("K must be >= 1, got " + k);
        }
        this.k = k;
        this.cached = cached;
        this.lin = addModule("lin", new Linear(in, out));
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        Graph a = Operators.gcn(graph);
        Tensor h;
        if (cached && !x.requiresGrad()) {
            if (cachedGraph != graph || cachedInput != x) {
                Tape scratch = Tape.noGrad(tape.context());
                Tensor p = x;
                for (int i = 0; i < k; i++) {
                    p = scratch.spmmTranspose(a, p);
                }
                cachedOutput = Tensor.of(p.rows(), p.cols(), p.toFloatArray());
                cachedGraph = graph;
                cachedInput = x;
            }
            h = cachedOutput;
        } else {
            h = x;
            for (int i = 0; i < k; i++) {
                h = tape.spmmTranspose(a, h);
            }
        }
        return lin.forward(tape, h);
    }

    @Override
    public String toString() {
        return "SGConv(" + lin.in() + ", " + lin.out() + ", K=" + k + ")";
    }
}
