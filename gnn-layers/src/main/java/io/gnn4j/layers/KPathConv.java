package io.gnn4j.layers;

import io.gnn4j.graph.Derived;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.RootedPaths;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.PathIndex;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message-passing layer made more expressive by k-path rooted subgraphs, after the idea of Li et al., "Revisiting
 * Graph Neural Networks on Graph-level Tasks" (arXiv:2501.00773; the model later appeared as "Towards A
 * Generalizable and Expressive Graph Neural Network for Graph-Level Tasks with Theoretical Guarantees"). Neither
 * paper's method section nor code could be found here, so this design follows the stated idea only:
 * <pre>
 *   x'_v = GIN(x)_v + Σ_{ℓ=1..k} s_ℓ Σ_{p ∈ P_ℓ(v)} w_p · ReLU(W_ℓ · [x_{p_0} ‖ x_{p_1} ‖ … ‖ x_{p_ℓ} ‖ c_p] + b_ℓ)
 * </pre>
 * P_ℓ(v) are the simple paths of length ℓ starting at v ({@link RootedPaths}: enumerated, or sampled with weights w_p
 * beyond M = {@code maxPathsPerRoot} per root and length), s_ℓ the scale of length ℓ's sum — 1/M for every length by
 * default, or B^−ℓ for a branching factor B (a root has about B^ℓ paths of length ℓ when each node on them has B
 * further neighbours, so each length's sum is of order one; 1/M shrinks the short lengths' sums, among them the
 * closed 2-paths that count triangles, by up to M/B^ℓ) — x_{p_i} the state of the path's i-th node — each position has
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
 * has closed 2-paths. Time grows with the paths per node, up to d^k for degree d, capped by the sampling; memory
 * does not: {@link Tape#pathSum} encodes and sums the paths in one pass and holds no per-path tensor.
 * Shapes: N×F_in → N×F_out.
 */
public final class KPathConv extends GraphModule {
    private static final Map<List<Integer>, Derived<PathInputs>> PATHS = new ConcurrentHashMap<>();

    /**
     * What the layer reads of one graph's paths of one length: the node at each position and the root of every path,
     * its sampling weight (null when every path was enumerated) and its row of {@code patterns}, the distinct chord
     * patterns present (a constant K×ℓ(ℓ−1)/2 tensor; null for ℓ = 1, which has no chords).
     */
    private record PathInputs(PathIndex index, Tensor patterns) {
        static PathInputs of(RootedPaths p) {
            int[][] positions = new int[p.length() + 1][];
            for (int i = 0; i <= p.length(); i++) {
                positions[i] = p.position(i);
            }
            float[] weights = p.exact() ? null : p.weights();
            int c = p.chordsPerPath();
            if (c == 0) {
                return new PathInputs(new PathIndex(positions, p.roots(), null, weights), null);
            }
            // Each path's chord flags as a bit mask (c ≤ 55 for ℓ ≤ 11), numbered in order of first appearance.
            Long2IntOpenHashMap ids = new Long2IntOpenHashMap();
            int[] rows = new int[p.size()];
            float[] chords = p.chords();
            LongArrayList masks = new LongArrayList();
            for (int q = 0; q < p.size(); q++) {
                long mask = 0;
                for (int j = 0; j < c; j++) {
                    if (chords[q * c + j] != 0) {
                        mask |= 1L << j;
                    }
                }
                int id = ids.getOrDefault(mask, -1);
                if (id < 0) {
                    id = masks.size();
                    ids.put(mask, id);
                    masks.add(mask);
                }
                rows[q] = id;
            }
            float[] table = new float[Math.max(1, masks.size()) * c];
            for (int id = 0; id < masks.size(); id++) {
                for (int j = 0; j < c; j++) {
                    table[id * c + j] = (masks.getLong(id) >>> j & 1L) == 0 ? 0f : 1f;
                }
            }
            return new PathInputs(new PathIndex(positions, p.roots(), rows, weights),
                    Tensor.of(Math.max(1, masks.size()), c, table));
        }
    }

    /** The longest path length: its ℓ(ℓ−1)/2 chord flags must fit a 64-bit mask. */
    public static final int MAX_K = 11;

    private final GINConv gin;
    /** Per length ℓ, the blocks of W_ℓ for positions 0..ℓ (position 0 with the bias b_ℓ) and, for ℓ ≥ 2, chords. */
    private final List<List<Linear>> positions = new ArrayList<>();
    private final List<Linear> chordWeights = new ArrayList<>();
    private final List<Derived<PathInputs>> paths = new ArrayList<>();
    private final int maxPathsPerRoot;
    private final double pathBranching;
    /** s_ℓ for ℓ = 1..k, at index ℓ − 1. */
    private final float[] scales;

    /**
     * A layer whose GIN part normalises its MLP's hidden layer by batch (as GIN's MLPs do).
     *
     * @param k               the longest path length, 1 to {@link #MAX_K} (the k of k-path rooted subgraphs)
     * @param maxPathsPerRoot paths listed per root and length before sampling starts (see {@link RootedPaths})
     */
    public KPathConv(int in, int out, int k, int maxPathsPerRoot) {
        this(in, out, k, maxPathsPerRoot, true);
    }

    /** As {@link #KPathConv(int, int, int, int)}, with the GIN part's batch normalisation only when {@code batchNorm}. */
    public KPathConv(int in, int out, int k, int maxPathsPerRoot, boolean batchNorm) {
        this(in, out, k, maxPathsPerRoot, batchNorm, 0);
    }

    /**
     * As {@link #KPathConv(int, int, int, int, boolean)}, with length ℓ's sum over paths scaled by
     * {@code pathBranching}^−ℓ when {@code pathBranching} > 0, or by 1/{@code maxPathsPerRoot} for every length when it
     * is 0.
     */
    public KPathConv(int in, int out, int k, int maxPathsPerRoot, boolean batchNorm, double pathBranching) {
        if (k < 1 || k > MAX_K || maxPathsPerRoot < 1 || !(pathBranching >= 0) || Double.isInfinite(pathBranching)) {
            throw new IllegalArgumentException("need 1 <= k <= " + MAX_K + ", maxPathsPerRoot >= 1 and a finite "
                    + "pathBranching >= 0, got k = " + k + ", maxPathsPerRoot = " + maxPathsPerRoot
                    + ", pathBranching = " + pathBranching);
        }
        this.gin = addModule("gin", new GINConv(new MLP(Activation.RELU, 0f, batchNorm, in, out, out)));
        this.scales = new float[k];
        for (int l = 1; l <= k; l++) {
            scales[l - 1] = pathBranching == 0 ? 1f / maxPathsPerRoot : (float) Math.pow(pathBranching, -l);
            List<Linear> blocks = new ArrayList<>();
            for (int i = 0; i <= l; i++) {
                blocks.add(addModule("path" + l + "_position" + i, new Linear(in, out, i == 0)));
            }
            positions.add(blocks);
            chordWeights.add(l < 2 ? null : addModule("path" + l + "_chords", new Linear(l * (l - 1) / 2, out, false)));
            paths.add(key(l, maxPathsPerRoot));
        }
        this.maxPathsPerRoot = maxPathsPerRoot;
        this.pathBranching = pathBranching;
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
            if (p.index().size() == 0) {
                continue;
            }
            // W_ℓ·[x_{p_0} ‖ … ‖ x_{p_ℓ} ‖ c_p] as Σ_i (x·W_{ℓ,i})[p_i] + (C·U_ℓ)[pattern(p)]: the products run on the
            // N nodes and the K distinct chord patterns, not on the P ≫ N paths, and pathSum keeps no P×f tensor.
            Tensor[] states = new Tensor[l + 1];
            for (int i = 0; i <= l; i++) {
                states[i] = positions.get(l - 1).get(i).forward(tape, x);
            }
            Tensor table = p.patterns() == null ? null : chordWeights.get(l - 1).forward(tape, p.patterns());
            out = tape.add(out, tape.pathSum(p.index(), states, table, graph.numNodes(), scales[l - 1]));
        }
        return out;
    }

    @Override
    public String toString() {
        return "KPathConv(k=" + positions.size() + ", maxPathsPerRoot=" + maxPathsPerRoot
                + (pathBranching == 0 ? "" : ", pathBranching=" + pathBranching) + ", " + gin + ")";
    }
}
