package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * GraphSAGE of Hamilton, Ying &amp; Leskovec, "Inductive Representation Learning on Large Graphs", NeurIPS 2017
 * (arXiv:1706.02216), in PyG's form:
 * <pre>
 *   x'_i = W₁ x_i + W₂ · AGG_{j ∈ N(i)} x_j (+ b)
 * </pre>
 * AGG is {@link Aggregation#MEAN} (default; computed as one SpMM with the incoming-mean operator) or
 * {@link Aggregation#MAX} (the pooling aggregator without its MLP), over incoming edges, ignoring edge weights. On
 * a directed graph, as PyG: N(i) are the sources of the arcs entering i, and a node without any gets a zero
 * aggregate (tested against PyG 2.4).
 * Options: {@code rootWeight} (default true: add W₁x_i), {@code bias} (default true, on W₂). For the mean, the
 * product with W₂ is moved before the aggregation when that makes the SpMM narrower (the result is the same).
 * Shapes: N×F_in → N×F_out.
 */
public final class SAGEConv extends MessagePassing {
    private final int in;
    private final int out;
    private final Linear neighbour;
    private final Linear root;

    /** Mean aggregation with root weight and bias. */
    public SAGEConv(int in, int out) {
        this(in, out, Aggregation.MEAN, true, true);
    }

    /** SAGE with the given aggregation (MEAN or MAX) and options. */
    public SAGEConv(int in, int out, Aggregation aggregation, boolean rootWeight, boolean bias) {
        super(aggregation);
        if (aggregation != Aggregation.MEAN && aggregation != Aggregation.MAX) {
            throw new IllegalArgumentException("SAGEConv aggregates with MEAN or MAX, got " + aggregation);
        }
        this.in = in;
        this.out = out;
        this.neighbour = addModule("lin_l", new Linear(in, out, bias));
        this.root = rootWeight ? addModule("lin_r", new Linear(in, out, false)) : null;
        if (aggregation == Aggregation.MAX) {
            useFusedPath(false);
        }
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        Graph g = Operators.unweighted(graph);
        Tensor h;
        if (aggregation() == Aggregation.MEAN && out < in) {
            h = propagate(tape, g, tape.matmul(x, neighbour.weight()));
            if (neighbour.bias() != null) {
                h = tape.add(h, neighbour.bias());
            }
        } else {
            h = neighbour.forward(tape, propagate(tape, g, x));
        }
        return root == null ? h : tape.add(h, root.forward(tape, x));
    }

    /** The incoming mean as one SpMM; only used for {@link Aggregation#MEAN}. */
    @Override
    protected Tensor messageAndAggregate(Tape tape, Graph g, Tensor x) {
        return tape.spmm(Operators.meanIncoming(g), x);
    }

    @Override
    public String toString() {
        return "SAGEConv(" + in + ", " + out + ", aggr=" + aggregation().name().toLowerCase() + ")";
    }
}
