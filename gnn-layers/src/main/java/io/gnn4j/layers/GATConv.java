package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.random.RandomGenerator;

/**
 * The graph attention layer of Veličković et al., "Graph Attention Networks", ICLR 2018 (arXiv:1710.10903),
 * Eqs. 1–5, per head k with weights W^k (F_in×C) and attention vector a^k = [a_s^k ‖ a_t^k]:
 * <pre>
 *   e_{j→i}^k = LeakyReLU(a_s^k · W^k x_j + a_t^k · W^k x_i),   α_{j→i}^k = softmax_{j ∈ N(i) ∪ {i}}(e_{j→i}^k)
 *   x'_i = ‖_k Σ_j α_{j→i}^k W^k x_j   (concat)   or   (1/H) Σ_k Σ_j α_{j→i}^k W^k x_j   (mean) ,  + b
 * </pre>
 * Options: {@code heads} H (default 1), {@code concat} (default true: output H·C wide), {@code negativeSlope}
 * (0.2), attention {@code dropout} on α (default 0, active in training mode), {@code addSelfLoops} (default true),
 * {@code bias} (true). On a directed graph, as PyG: j ranges over the sources of the arcs entering i (plus i itself
 * with self loops), so the softmax runs over the edges entering i (tested against PyG 2.4). Scores, softmax,
 * attention dropout and the weighted sum run as one operation ({@link Tape#graphAttention}) on the edges grouped by
 * target. Shapes: N×F_in → N×(H·C) (concat) or N×C (mean).
 */
public final class GATConv extends GraphModule implements DroppedInputModule {
    private final int in;
    private final int out;
    private final int heads;
    private final boolean concat;
    private final float negativeSlope;
    private final float dropout;
    private final boolean addSelfLoops;
    private final Parameter weight;
    private final Parameter attSource;
    private final Parameter attTarget;
    private final Parameter bias;

    /** One head, concat, slope 0.2, no attention dropout, self loops, bias. */
    public GATConv(int in, int out) {
        this(in, out, 1, true, 0.2f, 0f, true, true);
    }

    /** H heads with the given options. */
    public GATConv(int in, int out, int heads, boolean concat, float negativeSlope, float dropout,
                   boolean addSelfLoops, boolean bias) {
        if (in < 1 || out < 1 || heads < 1) {
            throw new IllegalArgumentException("in, out and heads must be >= 1, got " + in + ", " + out + ", " + heads);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.in = in;
        this.out = out;
        this.heads = heads;
        this.concat = concat;
        this.negativeSlope = negativeSlope;
        this.dropout = dropout;
        this.addSelfLoops = addSelfLoops;
        this.weight = addParameter("weight", in, heads * out);
        this.attSource = addParameter("att_src", 1, heads * out);
        this.attTarget = addParameter("att_dst", 1, heads * out);
        this.bias = bias ? addParameter("bias", 1, concat ? heads * out : out) : null;
    }

    @Override
    public void resetParameters(RandomGenerator rng) {
        Init.glorotUniform(weight, rng);
        // Each head's attention vector is a C×1 weight: Glorot bound sqrt(6 / (C + 1)).
        Init.uniform(attSource, Math.sqrt(6.0 / (out + 1)), rng);
        Init.uniform(attTarget, Math.sqrt(6.0 / (out + 1)), rng);
        if (bias != null) {
            Init.zeros(bias);
        }
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        return forwardAfter(tape, graph, x, Activation.IDENTITY, 0f, false);
    }

    /** The layer on {@code dropout(activation(x), p, training)}, its projection XW fused with both. */
    @Override
    public Tensor forwardAfter(Tape tape, Graph graph, Tensor x, Activation activation, float p, boolean training) {
        Graph g = addSelfLoops ? Operators.withSelfLoops(graph) : graph;
        Tensor h = activation.applyDropoutThenLinear(tape, x, p, training, weight, null); // N×(H·C)
        Tensor sSrc = tape.sumGroups(tape.mul(h, attSource), heads);          // N×H: a_s · W x_j
        Tensor sDst = tape.sumGroups(tape.mul(h, attTarget), heads);          // N×H: a_t · W x_i
        Tensor y = tape.graphAttention(g, sSrc, sDst, h, negativeSlope, dropout, isTraining()); // N×(H·C)
        if (!concat && heads > 1) {
            y = tape.meanGroups(y, heads);
        }
        return bias == null ? y : tape.add(y, bias);
    }

    /** Number of heads H. */
    public int heads() {
        return heads;
    }

    @Override
    public String toString() {
        return "GATConv(" + in + ", " + out + ", heads=" + heads + ")";
    }
}
