package io.gnn4j.recommend;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.Normalization;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * LightGCN (He et al., "LightGCN: Simplifying and Powering Graph Convolution Network for Recommendation", SIGIR
 * 2020, eqs. (3)–(4)): no feature transformation and no nonlinearity, only the symmetrically normalised
 * propagation E^{k+1} = D^{-1/2} A D^{-1/2} E^k on the user–item graph (no self loops), and the final
 * representation the mean of the layers, (1/(K+1)) Σ_{k=0..K} E^k.
 */
public final class LightGCN extends Recommender {
    private final Graph propagation;
    private final int layers;

    /** LightGCN with K = {@code layers} on {@code graph} (numUsers + numItems nodes, both directions stored). */
    public LightGCN(Graph graph, int numUsers, int numItems, int dim, int layers) {
        super(graph, numUsers, numItems, dim);
        if (layers < 0) {
            throw new IllegalArgumentException("layers must be >= 0, got " + layers);
        }
        this.propagation = Normalization.symmetric(graph);
        this.layers = layers;
    }

    @Override
    public Tensor representations(Tape tape) {
        Tensor e = embedding(), sum = e;
        for (int k = 0; k < layers; k++) {
            e = tape.spmm(propagation, e);
            sum = tape.add(sum, e);
        }
        return layers == 0 ? sum : tape.scale(sum, 1f / (layers + 1));
    }
}
