package io.gnn4j.sheaf;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.SelfLoops;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Discrete Neural Sheaf Diffusion for node classification (Bodnar et al., "Neural Sheaf Diffusion", NeurIPS 2022,
 * eq. (11)), in the form of the official code's discrete models with their defaults (ELU activations, left and right
 * weights, a new sheaf learned at every layer):
 * <pre>
 *   X = dropout(X, p_in);  X = ELU(X·W_in + b);  X = dropout(X, p);  [X = X·W_2nd + b]  X ← reshape(X, n·d × c)
 *   per layer t:  F_t = Φ_t(dropout(X, t &gt; 0 ? p : 0))                                         (the maps)
 *                 Z = ELU(Δ_{F_t} · (I_n ⊗ W1_t) · dropout(X, p) · W2_t)
 *                 X ← (1 + tanh ε_t) ⊙ X − Z                                                    (ε_t ∈ ℝ^d)
 *   logits = reshape(X, n × c·d)·W_out + b
 * </pre>
 * Δ_F is the normalised sheaf Laplacian ({@link SheafLaplacian}); W1_t (d×d) starts as the identity, W2_t (c×c)
 * orthogonal, ε_t at 0. With {@link RestrictionMaps#IDENTITY} the maps are fixed to I (no learner). The sheaf lives
 * on the graph made simple and undirected (self loops removed, every edge in both directions), as the official code
 * prepares every dataset. With {@link FixedStalks} (the official {@code add_lp}/{@code add_hp}) every stalk has k more
 * dimensions with constant maps: the stalks, W1_t and ε_t are (d + k)-dimensional and the hidden width c·(d + k),
 * while the learner still emits d-dimensional maps. The bracketed second input layer (hidden to hidden, with bias, no
 * activation) is the official {@code second_linear} option (c channels per stalk dimension throughout).
 */
public final class SheafDiffusion extends GraphModule {
    private final RestrictionMaps type;
    private final int d;
    private final int learnedD;
    private final FixedStalks fixed;
    private final int channels;
    private final int layers;
    private final float dropout;
    private final float inputDropout;
    private final Linear input;
    /** The official second_linear layer, or null. */
    private final Linear second;
    private final Linear output;
    private final List<SheafLearner> learners = new ArrayList<>();
    private final List<Parameter> left = new ArrayList<>();
    private final List<Parameter> right = new ArrayList<>();
    private final List<Parameter> epsilons = new ArrayList<>();
    private final Tensor one = Tensor.of(1, 1, 1f);
    private Graph cachedGraph;
    private Graph simple;
    private SheafLaplacian laplacian;
    private Graph nodeBlocks;
    /** The constant part of every entry's maps (fixed dimensions; I_d for the trivial sheaf). */
    private Tensor constantMaps;
    /** Places the learned d×d maps in the (d + k)×(d + k) ones. */
    private Tensor mapEmbedding;
    /** All zeros, one per node: broadcasts W1 to every diagonal block. */
    private int[] nodeToBlock;
    /** r mod d for each of the n·d rows: tiles ε over the stalks. */
    private int[] rowToStalk;

    /**
     * NSD with {@code type} maps of stalk dimension d, c = {@code channels} per stalk dimension (hidden width c·d),
     * {@code layers} diffusion layers, dropout p and input dropout p_in, from F features to C classes.
     */
    public SheafDiffusion(RestrictionMaps type, int features, int classes, int d, int channels, int layers,
                          float dropout, float inputDropout) {
        this(type, features, classes, d, channels, layers, dropout, inputDropout, FixedStalks.NONE, false);
    }

    /**
     * As above, each stalk extended by the {@code fixed} dimensions (d learned + k fixed), with a second input layer
     * when {@code secondLinear}.
     */
    public SheafDiffusion(RestrictionMaps type, int features, int classes, int d, int channels, int layers,
                          float dropout, float inputDropout, FixedStalks fixed, boolean secondLinear) {
        if (d < 1 || channels < 1 || layers < 1) {
            throw new IllegalArgumentException("d, channels and layers must be >= 1, got " + d + ", " + channels + ", "
                    + layers);
        }
        this.type = type;
        this.learnedD = d;
        this.fixed = fixed;
        this.d = d + fixed.count();
        this.channels = channels;
        this.layers = layers;
        this.dropout = dropout;
        this.inputDropout = inputDropout;
        int hidden = channels * this.d;
        input = addModule("input", new Linear(features, hidden));
        second = secondLinear ? addModule("second", new Linear(hidden, hidden)) : null;
        for (int t = 0; t < layers; t++) {
            if (type != RestrictionMaps.IDENTITY) {
                learners.add(addModule("sheaf" + t, new SheafLearner(type, learnedD, hidden)));
            }
            left.add(addParameter("left" + t, this.d, this.d));
            right.add(addParameter("right" + t, channels, channels));
            epsilons.add(addParameter("epsilon" + t, this.d, 1));
        }
        output = addModule("output", new Linear(hidden, classes));
    }

    @Override
    public void resetParameters(RandomGenerator rng) {
        super.resetParameters(rng);
        for (int t = 0; t < layers; t++) {
            float[] eye = new float[d * d];
            for (int i = 0; i < d; i++) {
                eye[i * d + i] = 1;
            }
            left.get(t).copyFrom(eye);
            Init.orthogonal(right.get(t), 1.0, rng);
            Init.zeros(epsilons.get(t));
        }
    }

    /** The weights of the sheaf learners' maps (not their O(d) edge weights): the official sheaf_decay applies to these. */
    public List<Parameter> learnerMaps() {
        List<Parameter> maps = new ArrayList<>();
        for (SheafLearner learner : learners) {
            maps.addAll(learner.mapParameters());
        }
        return maps;
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        return diffuse(tape, graph, x).logits();
    }

    /**
     * What one pass computes, layer by layer, for looking inside a (trained) network: the logits {@link #forward}
     * returns, the sheaf Laplacian's structure on the simple undirected graph, and per layer t the blocks of Δ_{F_t}
     * ({@link SheafLaplacian#blocks}, one row of d² values per entry of {@link SheafLaplacian#pattern()}) and the
     * state X_t (n·d × c) the layer diffuses; {@code states} ends with the state after the last layer. On a no-grad
     * tape in eval mode this is the trained model's view of the graph; the tensors live until the tape is reset.
     */
    public Diffusion diffuse(Tape tape, Graph graph, Tensor x) {
        prepare(graph);
        int n = graph.numNodes();
        boolean training = isTraining();
        Tensor h = tape.dropout(x, inputDropout, training);
        h = tape.elu(input.forward(tape, h), 1f);
        h = tape.dropout(h, dropout, training);
        if (second != null) {
            h = second.forward(tape, h);
        }
        h = tape.reshape(h, n * d, channels);
        Tensor identityBlocks = type == RestrictionMaps.IDENTITY ? laplacian.blocks(tape, constantMaps, type.normalisation()) : null;
        List<Tensor> layerBlocks = new ArrayList<>(layers);
        List<Tensor> states = new ArrayList<>(layers + 1);
        for (int t = 0; t < layers; t++) {
            Tensor blocks = identityBlocks;
            if (blocks == null) {
                Tensor forMaps = tape.reshape(tape.dropout(h, t > 0 ? dropout : 0f, training), n, channels * d);
                Tensor maps = learners.get(t).forward(tape, simple, laplacian, forMaps);
                blocks = laplacian.blocks(tape, fixed.extend(tape, maps, mapEmbedding, constantMaps),
                        type.normalisation());
            }
            layerBlocks.add(blocks);
            states.add(h);
            Tensor z = tape.dropout(h, dropout, training);
            Tensor w1 = tape.gatherRows(tape.reshape(left.get(t), 1, d * d), nodeToBlock);
            z = tape.blockSpmm(nodeBlocks, w1, d, z);
            z = tape.matmul(z, right.get(t));
            z = tape.elu(laplacian.apply(tape, blocks, z), 1f);
            Tensor coeff = tape.add(tape.tanh(tape.gatherRows(epsilons.get(t), rowToStalk)), one);
            h = tape.sub(tape.mul(h, coeff), z);
        }
        states.add(h);
        Tensor logits = output.forward(tape, tape.reshape(h, n, channels * d));
        return new Diffusion(logits, laplacian, List.copyOf(layerBlocks), List.copyOf(states));
    }

    /**
     * One pass of {@link SheafDiffusion} seen from inside ({@link #diffuse}).
     *
     * @param logits    n × classes, as {@link #forward} returns them
     * @param laplacian the sheaf Laplacian's structure (its {@link SheafLaplacian#pattern() pattern} indexes the
     *                  blocks' rows; the off-diagonal row of u→v holds the normalised −F_{u⊴e}ᵀF_{v⊴e})
     * @param blocks    per layer, the blocks of the normalised sheaf Laplacian Δ_{F_t} it diffused with
     * @param states    the state entering each layer (n·d × c, node u's stalk in rows u·d … u·d+d−1), then the
     *                  final state: {@code layers + 1} tensors
     */
    public record Diffusion(Tensor logits, SheafLaplacian laplacian, List<Tensor> blocks, List<Tensor> states) {
    }

    /**
     * Builds the simple undirected graph, its Laplacian structure and the block-diagonal pattern for (I_n ⊗ W1), once
     * per graph.
     */
    private void prepare(Graph graph) {
        if (graph == cachedGraph) {
            return;
        }
        int n = graph.numNodes();
        GraphBuilder undirected = GraphBuilder.undirected(n).selfLoops(SelfLoops.REMOVE);
        GraphBuilder diagonal = GraphBuilder.directed(n);
        for (int u = 0; u < n; u++) {
            diagonal.addEdge(u, u);
            for (int k = graph.rowPtr()[u]; k < graph.rowPtr()[u + 1]; k++) {
                undirected.addEdge(u, graph.colIdx()[k]);
            }
        }
        simple = undirected.build();
        laplacian = SheafLaplacian.of(simple, d);
        boolean identity = type == RestrictionMaps.IDENTITY;
        constantMaps = identity || fixed.count() > 0 ? fixed.constantMaps(simple, learnedD, identity) : null;
        mapEmbedding = fixed.count() > 0 ? fixed.embedding(learnedD) : null;
        nodeBlocks = diagonal.build();
        nodeToBlock = new int[n];
        rowToStalk = new int[n * d];
        for (int r = 0; r < rowToStalk.length; r++) {
            rowToStalk[r] = r % d;
        }
        cachedGraph = graph;
    }

    @Override
    public String toString() {
        return "SheafDiffusion(" + type + ", d=" + learnedD + ", fixed=" + fixed.label() + ", channels=" + channels
                + ", layers=" + layers + ")";
    }
}
