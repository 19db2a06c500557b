package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * Inverted dropout as a module (Srivastava et al. 2014): in training mode each feature is zeroed with probability p
 * and survivors scaled by 1/(1−p); in evaluation mode the identity. Masks come from the tape's seed and step.
 */
public final class Dropout extends GraphModule {
    private final float p;

    /** Dropout with drop probability p ∈ [0, 1). */
    public Dropout(float p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
    }

    /** The drop probability p. */
    public float probability() {
        return p;
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        return tape.dropout(x, p, isTraining());
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}
