package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * The user-extensible base of message-passing layers (Gilmer et al. 2017; PyG's {@code MessagePassing}):
 * <pre>
 *   x'_i = γ( x_i, ⊕_{j ∈ N(i)} φ(x_i, x_j, e_{j→i}) )
 * </pre>
 * where N(i) are the sources of the edges entering i (aggregation over incoming edges, {@code Aᵀ·X} for a sum),
 * {@link #message} is φ (default: x_j), {@link #aggregate} is ⊕ (an {@link Aggregation}, default sum) and
 * {@link #update} is γ (default: the aggregate). A layer whose message is x_j scaled by the edge weight and whose
 * aggregation is a sum may also override {@link #messageAndAggregate}, computing φ and ⊕ as one SpMM with no per-edge
 * tensor; the base class detects the override once, at construction, and {@link #propagate} then takes that fused
 * path. {@link #useFusedPath(boolean)} forces the per-edge path (tests compare both).
 *
 * <pre>{@code
 * // A new layer in a few lines: mean of neighbour features minus own features.
 * final class Difference extends MessagePassing {
 *     Difference() { super(Aggregation.MEAN); }
 *     public Tensor forward(Tape t, Graph g, Tensor x) { return propagate(t, g, x); }
 *     protected Tensor update(Tape t, Tensor aggregated, Tensor x) { return t.sub(aggregated, x); }
 * }
 * }</pre>
 */
public abstract class MessagePassing extends GraphModule {
    private final Aggregation aggregation;
    private final boolean hasFusedPath;
    private boolean fused;

    /** A layer reducing its messages with {@code aggregation}. */
    protected MessagePassing(Aggregation aggregation) {
        this.aggregation = aggregation;
        this.hasFusedPath = overridesFusedPath(getClass());
        this.fused = hasFusedPath;
    }

    private static boolean overridesFusedPath(Class<?> c) {
        for (Class<?> k = c; k != MessagePassing.class; k = k.getSuperclass()) {
            try {
                k.getDeclaredMethod("messageAndAggregate", Tape.class, Graph.class, Tensor.class);
                return true;
            } catch (NoSuchMethodException e) {
                // keep looking in the superclass
            }
        }
        return false;
    }

    /** Runs message → aggregate → update (or the fused SpMM, then update) for features x on graph g. */
    protected final Tensor propagate(Tape tape, Graph g, Tensor x) {
        Tensor aggregated;
        if (fused) {
            aggregated = messageAndAggregate(tape, g, x);
        } else {
            Edges edges = new Edges(tape, g, x);
            aggregated = aggregate(tape, message(tape, edges), edges);
        }
        return update(tape, aggregated, x);
    }

    /** φ: one message per edge (E×F'), from {@code edges}' source/target features and weights; default x_j. */
    protected Tensor message(Tape tape, Edges edges) {
        return edges.source();
    }

    /** ⊕: reduces the messages into their target nodes with this layer's {@link Aggregation}. */
    protected Tensor aggregate(Tape tape, Tensor messages, Edges edges) {
        return aggregation.reduce(tape, messages, edges.index().dst(), edges.graph().numNodes());
    }

    /** γ: combines the aggregate with the node's own features; default returns the aggregate. */
    protected Tensor update(Tape tape, Tensor aggregated, Tensor x) {
        return aggregated;
    }

    /**
     * The fused φ + ⊕ (one sparse-dense product, e.g. {@code tape.spmmTranspose(g, x)}); overridden only by layers
     * whose per-edge path it reproduces exactly. The default is never called.
     */
    protected Tensor messageAndAggregate(Tape tape, Graph g, Tensor x) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no fused path");
    }

    /** The aggregation ⊕. */
    public Aggregation aggregation() {
        return aggregation;
    }

    /** Whether {@link #propagate} takes the fused SpMM path. */
    public boolean usesFusedPath() {
        return fused;
    }

    /** Chooses the fused path (only possible when the layer has one) or the per-edge path; returns this. */
    public MessagePassing useFusedPath(boolean on) {
        if (on && !hasFusedPath) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no fused path");
        }
        fused = on;
        return this;
    }
}
