package io.gnn4j.recommend;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.Normalization;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * NGCF (Wang et al., "Neural Graph Collaborative Filtering", SIGIR 2019, eqs. (7) and (9)): with L the symmetrically
 * normalised user–item adjacency D^{-1/2} A D^{-1/2},
 * <pre>
 *   E^{l} = LeakyReLU( (L + I) E^{l−1} W₁ + b₁ + (L E^{l−1} ⊙ E^{l−1}) W₂ + b₂ ),   slope 0.2
 * </pre>
 * message dropout on each layer's output, and the final representation the concatenation [E⁰ ‖ E¹ ‖ … ‖ E^L].
 * The authors' code also L2-normalises each layer's rows before concatenating; this class follows the paper's
 * equations without that step.
 */
public final class NGCF extends Recommender {
    private final Graph propagation;
    private final List<Linear> sum = new ArrayList<>();
    private final List<Linear> product = new ArrayList<>();
    private final float dropout;

    /** NGCF with {@code layers} layers of width {@code dim} and message dropout p on {@code graph}. */
    public NGCF(Graph graph, int numUsers, int numItems, int dim, int layers, float dropout) {
        super(graph, numUsers, numItems, dim);
        if (layers < 1 || !(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("need layers >= 1 and dropout in [0, 1), got " + layers + " and "
                    + dropout);
        }
        this.propagation = Normalization.symmetric(graph);
        this.dropout = dropout;
        for (int l = 0; l < layers; l++) {
            sum.add(addModule("sum" + l, new Linear(dim, dim)));
            product.add(addModule("product" + l, new Linear(dim, dim)));
        }
    }

    @Override
    public Tensor representations(Tape tape) {
        Tensor e = embedding();
        Tensor[] all = new Tensor[sum.size() + 1];
        all[0] = e;
        for (int l = 0; l < sum.size(); l++) {
            Tensor side = tape.spmm(propagation, e);
            Tensor z = tape.add(sum.get(l).forward(tape, tape.add(side, e)),
                    product.get(l).forward(tape, tape.mul(side, e)));
            e = tape.dropout(tape.leakyRelu(z, 0.2f), dropout, isTraining());
            all[l + 1] = e;
        }
        return tape.concat(all);
    }
}
