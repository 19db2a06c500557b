package io.gnn4j.layers;

import io.gnn4j.graph.AdaptiveEdgeDrop;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.graph.NodeDrop;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Graph contrastive learning with adaptive edge dropping: two views of every graph of a batch, each made by
 * {@link AdaptiveEdgeDrop} (unimportant edges removed more often, after GCA, Zhu et al. WWW 2021), are embedded by the
 * network ({@link GraphLevelModule#embed}), passed through a projection head {@code g(z) = W₂ ReLU(W₁ z)} and pulled
 * together by the NT-Xent loss of SimCLR (Chen et al., ICML 2020, Eq. 1), as GraphCL uses it for graphs (You et al.,
 * NeurIPS 2020): for the 2B projected rows, unit-normalised, with τ the temperature,
 * {@code ℓ(i, j) = −log exp(sim(z_i, z_j)/τ) / Σ_{k≠i} exp(sim(z_i, z_k)/τ)}, averaged over both directions of
 * every positive pair — the other 2B − 2 rows of the batch are the negatives.
 *
 * <p>{@link Augmentation#NODE_DROP} makes the views by GraphCL's node dropping instead ({@link NodeDrop}: nodes removed
 * uniformly with their edges, the kept nodes' features gathered), the augmentation GraphCL found useful on molecules,
 * where dropping edges (bonds) was not.
 *
 * <p>Used as an auxiliary loss ({@code L = L_task + λ·L_NT-Xent}, the harness's {@code --contrastive λ}) or for
 * pre-training (the loss alone). The seed paper ("Revisiting Graph Neural Networks on Graph-level Tasks", Li et al.
 * 2025) describes this step only as contrastive learning on graphs augmented by adaptively removing unimportant
 * edges; its method text and code were not reachable, so this combination of GCA's edge dropping with GraphCL's
 * objective is a design from that description, and its measurements carry the claims.
 */
public final class GraphContrastiveLoss extends Module {
    /** How a view is made from a graph. */
    public enum Augmentation {
        /** {@link AdaptiveEdgeDrop}: unimportant edges removed more often, every node kept. */
        EDGE_DROP,
        /** {@link NodeDrop}: nodes removed uniformly with their edges. */
        NODE_DROP
    }

    private final MLP projection;
    private final float temperature;
    private final Augmentation augmentation;
    private final double dropRate;
    private final double maxDropProbability;

    /** Views by adaptive edge dropping: {@link #GraphContrastiveLoss(int, int, float, Augmentation, double, double)}. */
    public GraphContrastiveLoss(int embeddingWidth, int projectionWidth, float temperature, double dropRate,
                                double maxDropProbability) {
        this(embeddingWidth, projectionWidth, temperature, Augmentation.EDGE_DROP, dropRate, maxDropProbability);
    }

    /**
     * @param embeddingWidth     the width of the network's {@link GraphLevelModule#embed} rows
     * @param projectionWidth    width of the projection head's hidden and output layers
     * @param temperature        τ of NT-Xent (GraphCL uses 0.2, SimCLR 0.5)
     * @param augmentation       how the views are made
     * @param dropRate           mean edge drop rate ({@link AdaptiveEdgeDrop}, GCA uses 0.2–0.4) or node drop rate
     *                           ({@link NodeDrop}, GraphCL uses 0.1–0.2) of a view
     * @param maxDropProbability GCA's cut-off p_τ (0.7): no edge is dropped with a higher probability (edge dropping)
     */
    public GraphContrastiveLoss(int embeddingWidth, int projectionWidth, float temperature, Augmentation augmentation,
                                double dropRate, double maxDropProbability) {
        checkSettings(temperature, dropRate, maxDropProbability);
        this.projection = addModule("projection", new MLP(embeddingWidth, projectionWidth, projectionWidth));
        this.temperature = temperature;
        this.augmentation = augmentation;
        this.dropRate = dropRate;
        this.maxDropProbability = maxDropProbability;
    }

    /** Rejects a temperature ≤ 0, or a drop rate or cut-off outside [0, 1], naming the value. */
    public static void checkSettings(float temperature, double dropRate, double maxDropProbability) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("the contrastive temperature must be > 0, got " + temperature);
        }
        if (!(dropRate >= 0 && dropRate <= 1 && maxDropProbability >= 0 && maxDropProbability <= 1)) {
            throw new IllegalArgumentException("edge drop rate and its cut-off must be in [0, 1], got " + dropRate
                    + " and " + maxDropProbability);
        }
    }

    /**
     * NT-Xent between two views of {@code batch} drawn from {@code rng}, both embedded by {@code net} from the same
     * node features {@code x}: a 1×1 loss. Needs at least two graphs (one negative).
     */
    public Tensor loss(Tape tape, GraphLevelModule net, GraphBatch batch, Tensor x, RandomGenerator rng) {
        Tensor z1 = project(tape, net, view(batch, rng), x);
        Tensor z2 = project(tape, net, view(batch, rng), x);
        return ntXent(tape, z1, z2, temperature);
    }

    /**
     * A view of a batch: its graphs augmented, in order, and which nodes of the batch its nodes are ({@code null}
     * when every node is kept, numbered as in the batch).
     */
    record View(GraphBatch batch, int[] nodes) {
    }

    /** The batch's graphs augmented, one draw each, in order. */
    View view(GraphBatch batch, RandomGenerator rng) {
        List<Graph> graphs = batch.unbatch();
        List<Graph> views = new ArrayList<>(graphs.size());
        if (augmentation == Augmentation.EDGE_DROP) {
            for (Graph g : graphs) {
                views.add(AdaptiveEdgeDrop.apply(g, dropRate, maxDropProbability, rng));
            }
            return new View(GraphBatch.of(views), null);
        }
        int[] offsets = batch.nodeOffsets();
        IntArrayList nodes = new IntArrayList();
        for (int i = 0; i < graphs.size(); i++) {
            NodeDrop.View v = NodeDrop.apply(graphs.get(i), dropRate, rng);
            views.add(v.graph());
            for (int u : v.kept()) {
                nodes.add(offsets[i] + u);
            }
        }
        return new View(GraphBatch.of(views), nodes.toIntArray());
    }

    private Tensor project(Tape tape, GraphLevelModule net, View view, Tensor x) {
        Tensor features = view.nodes() == null ? x : tape.gatherRows(x, view.nodes());
        return projection.forward(tape, view.batch().graph(), net.embed(tape, view.batch(), features));
    }

    /**
     * The NT-Xent loss of row pairs (z1_i, z2_i), B×D each (B ≥ 2): rows are L2-normalised, stacked as 2B rows
     * (pairs adjacent), their cosine similarities divided by τ with each row's self-similarity masked out, and the
     * cross-entropy of every row against its partner.
     */
    public static Tensor ntXent(Tape tape, Tensor z1, Tensor z2, float temperature) {
        if (z1.rows() != z2.rows() || z1.cols() != z2.cols()) {
            throw new IllegalArgumentException("NT-Xent needs views of one shape, got " + z1.rows() + "×" + z1.cols()
                    + " and " + z2.rows() + "×" + z2.cols());
        }
        int b = z1.rows(), d = z1.cols();
        if (b < 2) {
            throw new IllegalArgumentException("NT-Xent needs at least 2 pairs (the other pairs are the negatives), "
                    + "got " + b);
        }
        // [z1_0 | z2_0] row-major reshaped to 2B×D puts z1_i at row 2i and z2_i at row 2i + 1
        Tensor z = tape.reshape(tape.concat(tape.normalizeRows(z1, 1e-12f), tape.normalizeRows(z2, 1e-12f)), 2 * b, d);
        Tensor logits = tape.scale(tape.matmulTransposed(z, z), 1f / temperature);
        float[] mask = new float[4 * b * b];
        int[] partner = new int[2 * b];
        for (int i = 0; i < 2 * b; i++) {
            mask[i * 2 * b + i] = -1e9f;
            partner[i] = i ^ 1;
        }
        return tape.crossEntropy(tape.add(logits, Tensor.of(2 * b, 2 * b, mask)), partner, null);
    }
}
