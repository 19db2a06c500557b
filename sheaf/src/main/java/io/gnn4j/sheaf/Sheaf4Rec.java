package io.gnn4j.sheaf;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.EdgeIndex;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.recommend.Recommender;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Sheaf4Rec (Purificato et al., "Sheaf Neural Networks for Graph-based Recommender Systems", 2023, arXiv:2304.09097),
 * as the official code builds it: a sheaf with 1-dimensional stalks on the user–item graph whose restriction map of
 * node u in edge {u, v} is one learned scalar per directed entry, F_{u→v} = tanh(w·[x_u ‖ x_v]) (w without bias, a
 * new w per layer), the normalised sheaf Laplacian Δ_F ({@link SheafLaplacian} with d = 1: diagonal D_u/(D_u + 1)
 * and off-diagonal −F_{u→v}F_{v→u}/√((D_u + 1)(D_v + 1)), D_u = Σ_v F_{u→v}²), and per layer
 * <pre>
 *   X ← X − Δ_{F(X)} · (X W + b)          (step size 1)
 * </pre>
 * starting from the embeddings; the final representation is the mean of the layers, (X⁰ + X¹ + … + X^L)/(L + 1), as
 * LightGCN's and the official code's ({@code torch.mean} over the stacked layers). The map
 * w·[x_u ‖ x_v] is computed as (X w_a)_u + (X w_b)_v, the same number with one n×2 product instead of an E×2d one,
 * and with scalar stalks Δ_F is assembled from Tape ops (per-entry weights applied by {@link Tape#edgeAggregate},
 * the diagonal as a column) rather than through the general d×d block machinery, which it equals for d = 1.
 */
public final class Sheaf4Rec extends Recommender {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private final Graph graph;
    private final EdgeIndex edges;
    /** Per entry u→v: the entry v→u. */
    private final int[] reverse;
    private final List<Linear> mapLearners = new ArrayList<>();
    private final List<Linear> transforms = new ArrayList<>();

    /** Sheaf4Rec with {@code layers} sheaf layers of width {@code dim} on {@code graph} (both directions stored). */
    public Sheaf4Rec(Graph graph, int numUsers, int numItems, int dim, int layers) {
        super(graph, numUsers, numItems, dim);
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        this.graph = graph;
        this.edges = EdgeIndex.of(graph);
        this.reverse = SheafLaplacian.of(graph, 1).reverseEntries();
        for (int l = 0; l < layers; l++) {
            mapLearners.add(addModule("maps" + l, new Linear(dim, 2, false)));
            transforms.add(addModule("linear" + l, new Linear(dim, dim)));
        }
    }

    /** The E×1 restriction maps F_{u→v} of layer l for node features x, in the graph's entry order. */
    Tensor maps(Tape tape, int l, Tensor x) {
        Tensor s = mapLearners.get(l).forward(tape, x);
        return tape.tanh(tape.add(tape.gatherRows(tape.sliceColumns(s, 0, 1), edges.src()),
                tape.gatherRows(tape.sliceColumns(s, 1, 2), edges.dst())));
    }

    /** {@code Δ_F·y} for the E×1 maps F: the diagonal D/(D + 1) times y plus the normalised off-diagonal entries. */
    Tensor laplacian(Tape tape, Tensor maps, Tensor y) {
        Tensor degree = tape.scatterSum(tape.mul(maps, maps), edges.src(), graph.numNodes());
        Tensor s = inverseSqrtPlusOne(tape, degree);
        Tensor off = tape.mul(tape.mul(maps, tape.gatherRows(maps, reverse)),
                tape.mul(tape.gatherRows(s, edges.src()), tape.gatherRows(s, edges.dst())));
        Tensor diagonal = tape.mul(degree, tape.mul(s, s));
        return tape.sub(tape.mul(y, diagonal), tape.edgeAggregate(graph, off, y));
    }

    /** {@code (1 + d)^{-1/2}} elementwise for d ≥ 0; its derivative is −½(1 + d)^{-3/2}. */
    static Tensor inverseSqrtPlusOne(Tape tape, Tensor d) {
        float[] v = d.toFloatArray(), out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (1 / Math.sqrt(1 + v[i]));
        }
        return tape.custom(d.rows(), d.cols(), y -> MemorySegment.copy(out, 0, y, F, 0, out.length), g -> tape
                .addToGradient(d, into -> {
                    for (int i = 0; i < out.length; i++) {
                        double s = out[i];
                        into.setAtIndex(F, i, (float) (-0.5 * s * s * s * g.getAtIndex(F, i)));
                    }
                }), d);
    }

    @Override
    public Tensor representations(Tape tape) {
        Tensor x = embedding(), sum = x;
        for (int l = 0; l < transforms.size(); l++) {
            x = tape.sub(x, laplacian(tape, maps(tape, l, x), transforms.get(l).forward(tape, x)));
            sum = tape.add(sum, x);
        }
        return tape.scale(sum, 1f / (transforms.size() + 1));
    }
}
