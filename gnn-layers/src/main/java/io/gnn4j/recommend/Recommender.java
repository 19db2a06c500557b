package io.gnn4j.recommend;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A graph recommender on a user–item bipartite graph (user u is node u, item i node numUsers + i): a trainable
 * embedding E⁰ per node (normal, std 0.1, as the LightGCN and Sheaf4Rec code initialise it), a propagation rule
 * that subclasses define, the inner product of final representations as the score, and the BPR loss with the
 * LightGCN regulariser on the layer-0 embeddings of the batch:
 * <pre>
 *   L = −mean_k log σ(⟨h_u, h_i⟩ − ⟨h_u, h_j⟩)  +  λ · ½(‖e⁰_u‖² + ‖e⁰_i‖² + ‖e⁰_j‖²) / B
 * </pre>
 * (He et al., SIGIR 2020, eq. (15) with the regulariser as in their code).
 */
public abstract class Recommender extends Module {
    private final int numUsers;
    private final int numItems;
    private final Parameter embedding;

    /**
     * An embedding table of {@code dim} columns for the numUsers + numItems nodes of the user–item {@code graph}
     * (both directions of every interaction stored).
     */
    protected Recommender(Graph graph, int numUsers, int numItems, int dim) {
        if (numUsers < 1 || numItems < 1 || dim < 1) {
            throw new IllegalArgumentException("need >= 1 users, items and dimensions, got " + numUsers + ", "
                    + numItems + " and " + dim);
        }
        if (graph.numNodes() != numUsers + numItems) {
            throw new IllegalArgumentException("the graph has " + graph.numNodes() + " nodes, expected " + numUsers
                    + " users + " + numItems + " items");
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.embedding = addParameter("embedding", numUsers + numItems, dim);
    }

    @Override
    public void resetParameters(RandomGenerator rng) {
        Init.normal(embedding, 0.1, rng);
        super.resetParameters(rng);
    }

    /** The layer-0 embeddings E⁰, (numUsers + numItems) × dim. */
    protected final Parameter embedding() {
        return embedding;
    }

    /** The number of users. */
    public final int numUsers() {
        return numUsers;
    }

    /** The number of items. */
    public final int numItems() {
        return numItems;
    }

    /** The final representation of every node, users first, recorded on {@code tape}. */
    public abstract Tensor representations(Tape tape);

    /** The BPR loss of {@code batch} plus λ times the regulariser above (λ = 0 leaves it out). */
    public Tensor loss(Tape tape, BprBatch batch, double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("the regularisation weight must be >= 0, got " + lambda);
        }
        int b = batch.size();
        int[] pos = nodes(batch.positives()), neg = nodes(batch.negatives());
        Tensor h = representations(tape);
        Tensor u = tape.gatherRows(h, batch.users());
        Tensor loss = tape.bpr(tape.sumRows(tape.mul(u, tape.gatherRows(h, pos))),
                tape.sumRows(tape.mul(u, tape.gatherRows(h, neg))));
        if (lambda == 0) {
            return loss;
        }
        int[] all = new int[3 * b];
        System.arraycopy(batch.users(), 0, all, 0, b);
        System.arraycopy(pos, 0, all, b, b);
        System.arraycopy(neg, 0, all, 2 * b, b);
        Tensor e0 = tape.gatherRows(embedding, all);
        return tape.add(loss, tape.scale(tape.sum(tape.mul(e0, e0)), (float) (lambda / (2.0 * b))));
    }

    /** Scores ⟨h_u, h_i⟩ of every user and item, numUsers × numItems row-major, computed on {@code tape}. */
    public float[] scores(Tape tape) {
        INDArray h = representations(tape).value();
        INDArray users = h.get(NDArrayIndex.interval(0, numUsers), NDArrayIndex.all());
        INDArray items = h.get(NDArrayIndex.interval(numUsers, numUsers + numItems), NDArrayIndex.all());
        return users.mmul(items.transpose()).data().asFloat();
    }

    private int[] nodes(int[] items) {
        int[] out = new int[items.length];
        for (int k = 0; k < items.length; k++) {
            if (items[k] < 0 || items[k] >= numItems) {
                throw new IllegalArgumentException("item " + items[k] + " is outside 0.." + (numItems - 1));
            }
            out[k] = numUsers + items[k];
        }
        return out;
    }
}
