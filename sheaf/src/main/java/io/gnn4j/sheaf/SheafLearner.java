package io.gnn4j.sheaf;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.EdgeIndex;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.List;

/**
 * Learns the restriction maps from the features, Φ(x_u, x_v) = σ(W·[x_u ‖ x_v]) per directed entry u→v (Bodnar et
 * al., NeurIPS 2022, eq. (11); the official "LocalConcatSheafLearner", σ = tanh, W without bias), turned into full
 * d×d maps by the map family: a diagonal, Householder reflections, or the d² values as they are. For orthogonal maps
 * it also learns the official code's edge weights w_e = sigmoid(a·[x_u ‖ x_v])·sigmoid(a·[x_v ‖ x_u]) that scale both
 * maps of the edge.
 */
public final class SheafLearner extends Module {
    private final RestrictionMaps type;
    private final int d;
    private final Linear maps;
    private final Linear edgeWeights;
    private final Tensor diagonalEmbedding;

    /** A learner of {@code type} maps of stalk dimension d from node features of width {@code in}. */
    public SheafLearner(RestrictionMaps type, int d, int in) {
        if (type == RestrictionMaps.IDENTITY) {
            throw new IllegalArgumentException("identity maps are fixed: there is nothing to learn");
        }
        if (type.parametersPerIncidence(d) < 1) {
            throw new IllegalArgumentException(type + " maps need more than d = " + d + " stalk dimensions");
        }
        this.type = type;
        this.d = d;
        this.maps = addModule("maps", new Linear(2 * in, type.parametersPerIncidence(d), false));
        this.edgeWeights = type == RestrictionMaps.ORTHOGONAL ? addModule("edgeWeights", new Linear(2 * in, 1, false))
                : null;
        float[] embed = new float[d * d * d];
        for (int i = 0; i < d; i++) {
            embed[i * d * d + i * d + i] = 1;     // row i of the d×d² matrix puts value i on the diagonal
        }
        this.diagonalEmbedding = Tensor.of(d, d * d, embed);
    }

    /** The parameters of the maps' linear layer (not the O(d) edge weights'). */
    public List<Parameter> mapParameters() {
        return maps.parameters();
    }

    /** The E×d² restriction maps (row k the map of entry k's source), from node features x (n×in). */
    public Tensor forward(Tape tape, Graph graph, SheafLaplacian laplacian, Tensor x) {
        EdgeIndex edges = EdgeIndex.of(graph);
        Tensor pair = tape.concat(tape.gatherRows(x, edges.src()), tape.gatherRows(x, edges.dst()));
        Tensor raw = tape.tanh(maps.forward(tape, pair));
        Tensor full = switch (type) {
            case DIAGONAL -> tape.matmul(raw, diagonalEmbedding);
            case ORTHOGONAL -> Householder.apply(tape, raw, d);
            case GENERAL -> raw;
            case IDENTITY -> throw new AssertionError();
        };
        if (edgeWeights == null) {
            return full;
        }
        Tensor w = tape.sigmoid(edgeWeights.forward(tape, pair));
        return tape.mul(full, tape.mul(w, tape.gatherRows(w, laplacian.reverseEntries())));
    }
}
