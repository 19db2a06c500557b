package io.gnn4j.layers;

import io.gnn4j.graph.Derived;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.Normalization;
import io.gnn4j.graph.SelfLoops;

/**
 * Sparse operators derived from a graph, built once per graph and kept by it ({@link Graph#derived}), shared by every
 * layer that needs them: the GCN operator, the unweighted structure, the incoming-mean operator and the graph with
 * self loops.
 */
final class Operators {
    private static final Derived<Graph> GCN = Derived.of("gcn", Normalization::gcn);
    private static final Derived<Graph> GCN_NO_LOOPS = Derived.of("gcn without self loops",
            g -> Normalization.gcn(g, false));
    private static final Derived<Graph> UNWEIGHTED = Derived.of("unweighted", Operators::dropWeights);
    private static final Derived<Graph> MEAN_INCOMING = Derived.of("mean", Operators::incomingMean);
    private static final Derived<Graph> SELF_LOOPS = Derived.of("selfloops",
            g -> GraphBuilder.from(g).selfLoops(SelfLoops.ADD).build());

    private Operators() {}

    /** Â = D̃^{-1/2}(A + I)D̃^{-1/2} of Kipf &amp; Welling, D̃ in-degrees as PyG (graph-core's {@link Normalization#gcn}). */
    static Graph gcn(Graph g) {
        return g.derived(GCN);
    }

    /** PyG's {@code gcn_norm} without added self loops: D^{-1/2} A D^{-1/2} with D the in-degrees of A. */
    static Graph gcnWithoutSelfLoops(Graph g) {
        return g.derived(GCN_NO_LOOPS);
    }

    /** The same entries with every weight 1 (the graph itself when it is unweighted). */
    static Graph unweighted(Graph g) {
        if (!g.isWeighted()) {
            return g;
        }
        return g.derived(UNWEIGHTED);
    }

    private static Graph dropWeights(Graph g) {
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        GraphBuilder b = g.isDirected() ? GraphBuilder.directed(g.numNodes()) : GraphBuilder.undirected(g.numNodes());
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                if (g.isDirected() || u <= colIdx[k]) {
                    b.addEdge(u, colIdx[k]);
                }
            }
        }
        return b.build();
    }

    /** The operator M with {@code (M·X)[v] = (1/|N_in(v)|) Σ_{u→v} X[u]}: the random walk operator of Aᵀ, unweighted. */
    static Graph meanIncoming(Graph g) {
        return g.derived(MEAN_INCOMING);
    }

    // Built here rather than with Normalization.randomWalk(Aᵀ): graph-core's generalised normalisation scales the
    // entries pointing at nodes without out-edges by 0 even for r = 0, where the factor d^0 should be 1.
    private static Graph incomingMean(Graph g) {
        Graph t = unweighted(g).transpose();
        int[] rowPtr = t.rowPtr(), colIdx = t.colIdx();
        GraphBuilder b = GraphBuilder.directed(t.numNodes());
        for (int v = 0; v < t.numNodes(); v++) {
            float w = 1f / (rowPtr[v + 1] - rowPtr[v]);
            for (int k = rowPtr[v]; k < rowPtr[v + 1]; k++) {
                b.addEdge(v, colIdx[k], w);
            }
        }
        return b.build();
    }

    /** The graph with a self loop on every node (existing self loops kept, as PyG's remaining self loops). */
    static Graph withSelfLoops(Graph g) {
        return g.derived(SELF_LOOPS);
    }
}
