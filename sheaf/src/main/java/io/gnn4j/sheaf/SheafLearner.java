package io.gnn4j.sheaf;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Learns the restriction maps from the features, Φ(x_u, x_v) = σ(W·[x_u ‖ x_v]) per directed entry u→v (Bodnar et
 * al., NeurIPS 2022, eq. (11); the official "LocalConcatSheafLearner", σ = tanh, W without bias), turned into full
 * d×d maps by the map family: a diagonal, Householder reflections, or the d² values as they are. For orthogonal maps
 * it also learns the official code's edge weights w_e = sigmoid(a·[x_u ‖ x_v])·sigmoid(a·[x_v ‖ x_u]) that scale both
 * maps of the edge.
 *
 * <p>The product with the concatenation is computed per node, not per entry: W·[x_u ‖ x_v] = W_top·x_u + W_bottom·x_v
 * with W_top, W_bottom the rows of W that meet x_u and x_v, so the two n×out products are gathered to the entries
 * ({@link Tape#uAddV}) and no E×2·in concatenation is ever built — E×out values per layer instead of E×2·in, which is
 * what lets NSD run on graphs of Squirrel's size. The value is the same sum, rounded differently.
 */
public final class SheafLearner extends Module {
    private final RestrictionMaps type;
    private final int d;
    private final Linear maps;
    private final Linear edgeWeights;
    private final Tensor diagonalEmbedding;
    /** Rows 0 … in−1 of a 2·in-row weight: the part that meets x_u. */
    private final int[] top;
    /** Rows in … 2·in−1: the part that meets x_v. */
    private final int[] bottom;

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
        this.top = IntStream.range(0, in).toArray();
        this.bottom = IntStream.range(in, 2 * in).toArray();
    }

    /** The parameters of the maps' linear layer (not the O(d) edge weights'). */
    public List<Parameter> mapParameters() {
        return maps.parameters();
    }

    /** The E×d² restriction maps (row k the map of entry k's source), from node features x (n×in). */
    public Tensor forward(Tape tape, Graph graph, SheafLaplacian laplacian, Tensor x) {
        Tensor raw = tape.tanh(pairwise(tape, graph, x, maps));
        Tensor full = switch (type) {
            case DIAGONAL -> tape.matmul(raw, diagonalEmbedding);
            case ORTHOGONAL -> Householder.apply(tape, raw, d);
            case GENERAL -> raw;
            case IDENTITY -> throw new AssertionError();
        };
        if (edgeWeights == null) {
            return full;
        }
        Tensor w = tape.sigmoid(pairwise(tape, graph, x, edgeWeights));
        return tape.mul(full, tape.mul(w, tape.gatherRows(w, laplacian.reverseEntries())));
    }

    /** Per entry u→v of the graph, {@code W·[x_u ‖ x_v]} for the bias-free {@code layer} (W is 2·in × out). */
    private Tensor pairwise(Tape tape, Graph graph, Tensor x, Linear layer) {
        Tensor w = layer.weight();
        return tape.uAddV(graph, tape.matmul(x, tape.gatherRows(w, top)), tape.matmul(x, tape.gatherRows(w, bottom)));
    }
}
