package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.EdgeIndex;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * What {@link MessagePassing#message} sees of the edges e = (j → i), in the graph's CSR entry order: the source
 * features x_j, the target features x_i and the edge weights, each an E-row tensor gathered on first use.
 */
public final class Edges {
    private final Tape tape;
    private final Graph graph;
    private final EdgeIndex index;
    private final Tensor x;
    private Tensor source;
    private Tensor target;
    private Tensor weight;

    Edges(Tape tape, Graph graph, Tensor x) {
        this.tape = tape;
        this.graph = graph;
        this.index = EdgeIndex.of(graph);
        this.x = x;
    }

    /** The graph the messages travel on. */
    public Graph graph() {
        return graph;
    }

    /** Source and target node of every entry. */
    public EdgeIndex index() {
        return index;
    }

    /** Node features x (N×F). */
    public Tensor nodes() {
        return x;
    }

    /** x_j for every edge (E×F). */
    public Tensor source() {
        if (source == null) {
            source = tape.gatherRows(x, index.src());
        }
        return source;
    }

    /** x_i for every edge (E×F). */
    public Tensor target() {
        if (target == null) {
            target = tape.gatherRows(x, index.dst());
        }
        return target;
    }

    /** The edge weights as a constant E×1 column (ones for an unweighted graph). */
    public Tensor weight() {
        if (weight == null) {
            float[] w = new float[graph.numEntries()];
            for (int e = 0; e < w.length; e++) {
                w[e] = graph.weight(e);
            }
            weight = Tensor.of(w.length, 1, w);
        }
        return weight;
    }
}
