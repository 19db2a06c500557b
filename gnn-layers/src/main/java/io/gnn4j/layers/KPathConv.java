package io.gnn4j.layers;

import io.gnn4j.graph.Derived;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.RootedPaths;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message-passing layer made more expressive by k-path rooted subgraphs, after the idea of Li et al., "Revisiting
 * Graph Neural Networks on Graph-level Tasks" (arXiv:2501.00773; the model later appeared as "Towards A
 * Generalizable and Expressive Graph Neural Network for Graph-Level Tasks with Theoretical Guarantees"). Neither
 * paper's method section nor code could be found here, so this design follows the stated idea only:
 * <pre>
 *   x'_v = GIN(x)_v + (1/M) Σ_{ℓ=1..k} Σ_{p ∈ P_ℓ(v)} w_p · ReLU(W_ℓ · [x_{p_0} ‖ x_{p_1} ‖ … ‖ x_{p_ℓ} ‖ c_p] + b_ℓ)
 * </pre>
 * P_ℓ(v) are the simple paths of length ℓ starting at v ({@link RootedPaths}: enumerated, or sampled with weights w_p
 * beyond M = {@code maxPathsPerRoot} per root and length; 1/M keeps the sums of order one), x_{p_i} the state of the path's i-th node — each position has
 * its own block of W_ℓ, so the encoding is position-aware — and c_p the path's chord flags (which non-consecutive
 * positions are adjacent: the rooted subgraph the path spans). GIN(x) is ordinary message passing, the
 * {@link GINConv} of Xu et al. with a two-layer MLP. The paths of a graph are computed once per graph object and
 * length and kept with it ({@link Graph#derived}).
 *
 * <p>What it can count, and why: a path of length ℓ whose chord (0, ℓ) is set returns to its root and closes a cycle
 * of length ℓ + 1, so one layer with k ≥ 2 sees every triangle (6 rooted 2-paths each) and with k ≥ 3 every 4-cycle
 * (8 rooted 3-paths each); a sum readout of such a channel is the count times a constant. With k ≥ 2 it also counts
 * paths of length up to k and tailed triangles (a closed 2-path at v times v's other edges). 1-WL, and so GIN, cannot:
 * two disjoint triangles and a 6-cycle are both 2-regular and get equal states under any GIN, but only the former
 * has closed 2-paths. Cost grows with the paths per node, up to d^k for degree d, capped by the sampling.
 * Shapes: N×F_in → N×F_out.
 */
public final class KPathConv extends GraphModule {
    private static final Map<List<Integer>, Derived<PathInputs>> PATHS = new ConcurrentHashMap<>();

    /**
     * What the layer reads of one graph's paths of one length: the node at each position, the roots, and the chord
     * flags and sampling weights as constant tensors (null weights when every path was enumerated).
     */
    private record PathInputs(int size, int[][] positions, int[] roots, Tensor chords, Tensor weights) {
        static PathInputs of(RootedPaths p) {
            int[][] positions = new int[p.length() + 1][];
            for (int i = 0; i <= p.length(); i++) {
                positions[i] = p.position(i);
            }
            Tensor chords = p.chordsPerPath() == 0 || p.size() == 0 ? null
                    : Tensor.of(p.size(), p.chordsPerPath(), p.chords());
            Tensor weights = p.exact() ? null : Tensor.of(p.size(), 1, p.weights());
            return new PathInputs(p.size(), positions, p.roots(), chords, weights);
        }
    }

    private final GINConv gin;
    /** Per length ℓ, the blocks of W_ℓ for positions 0..ℓ (position 0 with the bias b_ℓ) and, for ℓ ≥ 2, chords. */
    private final List<List<Linear>> positions = new ArrayList<>();
    private final List<Linear> chordWeights = new ArrayList<>();
    private final List<Derived<PathInputs>> paths = new ArrayList<>();
    private final int maxPathsPerRoot;

    /**
     * @param k               the longest path length, ≥ 1 (the k of k-path rooted subgraphs)
     * @param maxPathsPerRoot paths listed per root and length before sampling starts (see {@link RootedPaths})
     */
    public KPathConv(int in, int out, int k, int maxPathsPerRoot) {
        if (k < 1 || maxPathsPerRoot < 1) {
            throw new IllegalArgumentException("need k >= 1 and maxPathsPerRoot >= 1, got k = " + k
                    + ", maxPathsPerRoot = " + maxPathsPerRoot);
        }
        this.gin = addModule("gin", new GINConv(new MLP(Activation.RELU, 0f, true, in, out, out)));
        for (int l = 1; l <= k; l++) {
            List<Linear> blocks = new ArrayList<>();
            for (int i = 0; i <= l; i++) {
                blocks.add(addModule("path" + l + "_position" + i, new Linear(in, out, i == 0)));
            }
            positions.add(blocks);
            chordWeights.add(l < 2 ? null : addModule("path" + l + "_chords", new Linear(l * (l - 1) / 2, out, false)));
            paths.add(key(l, maxPathsPerRoot));
        }
        this.maxPathsPerRoot = maxPathsPerRoot;
    }

    /** The shared key of the paths of one length and bound (sampling seed 0), so layers share them per graph. */
    private static Derived<PathInputs> key(int length, int max) {
        return PATHS.computeIfAbsent(List.of(length, max), k -> Derived.of("paths-" + length + "-" + max,
                g -> PathInputs.of(RootedPaths.of(g, length, max, 0))));
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        Tensor out = gin.forward(tape, graph, x);
        for (int l = 1; l <= positions.size(); l++) {
            PathInputs p = graph.derived(paths.get(l - 1));
            if (p.size() == 0) {
                continue;
            }
            // W_ℓ·[x_{p_0} ‖ … ‖ x_{p_ℓ} ‖ c_p] as Σ_i (x·W_{ℓ,i})[p_i] + c_p·U_ℓ: the products run on the N nodes, not
            // on the P ≫ N paths.
            Tensor pre = null;
            for (int i = 0; i <= l; i++) {
                Tensor g = tape.gatherRows(positions.get(l - 1).get(i).forward(tape, x), p.positions()[i]);
                pre = pre == null ? g : tape.add(pre, g);
            }
            if (p.chords() != null) {
                pre = tape.add(pre, chordWeights.get(l - 1).forward(tape, p.chords()));
            }
            Tensor encoded = tape.relu(pre);
            if (p.weights() != null) {
                encoded = tape.mul(encoded, tape.matmul(p.weights(), ones(encoded.cols())));
            }
            Tensor summed = tape.scatterSum(encoded, p.roots(), graph.numNodes());
            out = tape.add(out, tape.scale(summed, 1f / maxPathsPerRoot));
        }
        return out;
    }

    private static Tensor ones(int cols) {
        float[] v = new float[cols];
        Arrays.fill(v, 1f);
        return Tensor.of(1, cols, v);
    }

    @Override
    public String toString() {
        return "KPathConv(k=" + positions.size() + ", maxPathsPerRoot=" + maxPathsPerRoot + ", " + gin + ")";
    }
}
