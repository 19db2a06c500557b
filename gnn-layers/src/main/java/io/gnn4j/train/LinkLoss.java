package io.gnn4j.train;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The link-prediction loss of the graph auto-encoder (Kipf &amp; Welling, "Variational Graph Auto-Encoders", 2016,
 * arXiv:1611.07308): node embeddings Z score a pair by the inner product {@code s(u, v) = z_u · z_v}, and a step's
 * loss is the binary cross-entropy of the positive edges' scores (target 1) together with as many uniformly sampled
 * non-edges of the graph (target 0, no self pairs), drawn afresh each step.
 */
public final class LinkLoss {
    private final Graph graph;
    private final int[] src;
    private final int[] dst;

    /**
     * The loss of the positive pairs (src[i], dst[i]) of {@code graph}; negatives are pairs of its nodes that are not
     * its edges.
     */
    public LinkLoss(Graph graph, int[] src, int[] dst) {
        this.graph = Objects.requireNonNull(graph, "graph");
        checkPairs(graph.numNodes(), src, dst, "positive");
        if (src.length == 0) {
            throw new IllegalArgumentException("the link loss needs positive edges, got none");
        }
        long n = graph.numNodes();
        if (graph.numEntries() >= n * (n - 1)) {
            throw new IllegalArgumentException("the graph's " + graph.numEntries() + " entries leave no non-edge of "
                    + n + " nodes to sample");
        }
        this.src = src;
        this.dst = dst;
    }

    /** Checks that (src[i], dst[i]) are pairs of nodes 0..n-1; {@code what} names them in the error. */
    public static void checkPairs(int n, int[] src, int[] dst, String what) {
        if (src.length != dst.length) {
            throw new IllegalArgumentException(what + " pairs: src has " + src.length + " entries but dst has "
                    + dst.length);
        }
        for (int i = 0; i < src.length; i++) {
            if (src[i] < 0 || src[i] >= n || dst[i] < 0 || dst[i] >= n) {
                throw new IllegalArgumentException(what + " pair " + i + " (" + src[i] + ", " + dst[i]
                        + ") is outside nodes 0.." + (n - 1));
            }
        }
    }

    /** One step's loss for the embeddings {@code z} (one row per node of the graph); {@code rng} draws negatives. */
    public Tensor loss(Tape tape, Tensor z, RandomGenerator rng) {
        int n = graph.numNodes();
        if (z.rows() != n) {
            throw new IllegalArgumentException("z has " + z.rows() + " rows but the graph has " + n + " nodes");
        }
        int m = src.length;
        int[] s = new int[2 * m], d = new int[2 * m];
        float[] target = new float[2 * m];
        System.arraycopy(src, 0, s, 0, m);
        System.arraycopy(dst, 0, d, 0, m);
        for (int i = 0; i < m; i++) {
            target[i] = 1f;
            int u, v;
            do {
                u = rng.nextInt(n);
                v = rng.nextInt(n);
            } while (u == v || graph.hasEdge(u, v));
            s[m + i] = u;
            d[m + i] = v;
        }
        return tape.bceWithLogits(scores(tape, z, s, d), Tensor.of(2 * m, 1, target));
    }

    /** The inner products {@code z_src[i] · z_dst[i]}, a column. */
    public static Tensor scores(Tape tape, Tensor z, int[] src, int[] dst) {
        return tape.sumRows(tape.mul(tape.gatherRows(z, src), tape.gatherRows(z, dst)));
    }
}
