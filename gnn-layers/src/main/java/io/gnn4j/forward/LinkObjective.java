package io.gnn4j.forward;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.LinkLoss;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forward learning for link prediction (Park et al., "Forward Learning of Graph Neural Networks", ICLR 2024, the
 * official code's link objective): every layer is trained on its own output Z by the {@link LinkLoss} — binary
 * cross-entropy of {@code z_u · z_v} for the training edges against as many sampled non-edges, drawn afresh each step
 * from this objective's own generator — and the stack scores a pair by its layers' edge probabilities
 * {@code σ(z_u · z_v)}, which the {@link LocalTrainer} sums (the official code averages them: the same ranking). The
 * pairs to score are fixed when the objective is made (e.g. the validation and test pairs, positives and negatives);
 * {@link #scores} is then a column in their order. One objective per run: its generator advances with every step.
 */
public final class LinkObjective extends SingleStreamObjective {
    private final LinkLoss linkLoss;
    private final int[] scoredSrc;
    private final int[] scoredDst;
    private final SplittableRandom rng;

    private LinkObjective(Graph graph, Tensor x, LinkLoss linkLoss, int[] scoredSrc, int[] scoredDst, long seed) {
        super(graph, x);
        this.linkLoss = linkLoss;
        this.scoredSrc = scoredSrc;
        this.scoredDst = scoredDst;
        this.rng = new SplittableRandom(seed);
    }

    /**
     * The objective on the training graph {@code graph} with node features {@code x} (N×F): the training edges
     * (src[i], dst[i]) are the positives, the pairs (scoredSrc[i], scoredDst[i]) those {@link #scores} rates, and
     * {@code seed} seeds the negative sampling.
     */
    public static LinkObjective of(Graph graph, Tensor x, int[] src, int[] dst, int[] scoredSrc, int[] scoredDst,
                                   long seed) {
        int n = graph.numNodes();
        if (x.rows() != n) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but the graph has " + n + " nodes");
        }
        LinkLoss.checkPairs(n, scoredSrc, scoredDst, "scored");
        return new LinkObjective(graph, x, new LinkLoss(graph, src, dst), scoredSrc, scoredDst, seed);
    }

    @Override
    public Tensor loss(Tape tape, int layer, List<Tensor> outputs) {
        return linkLoss.loss(tape, outputs.getFirst(), rng);
    }

    /** Layer {@code layer}'s edge probabilities {@code σ(z_u · z_v)} of the scored pairs, a column. */
    @Override
    public Tensor scores(Tape tape, int layer, List<Tensor> outputs) {
        return tape.sigmoid(LinkLoss.scores(tape, outputs.getFirst(), scoredSrc, scoredDst));
    }
}
