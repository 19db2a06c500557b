package io.gnn4j.directed;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.SelfLoops;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.random.RandomGenerator;

/**
 * ADPA, the adaptive directed pattern aggregation of Sun et al., "Breaking the Entanglement of Homophily and
 * Heterophily in Semi-supervised Node Classification" (ICDE 2024), as the authors' code (xkLi-Allen/AMUD-ADPA,
 * {@code models/directed_graph_model/adpa.py} and the operators it uses) computes it:
 * <ol>
 *   <li>Operators, precomputed once without gradient: for each {@link Pattern} P, {@code Â_P = D^{r−1}·P̃·D^{−r}}
 *       with d the row sums of P̃, where P̃ = A + I and Aᵀ + I for the one-hop patterns and the plain products AA,
 *       AᵀAᵀ, AAᵀ, AᵀA (no self loops added) for the two-hop ones ({@link PatternOperator}); K propagation steps
 *       {@code X_{P,0} = X, X_{P,k+1} = Â_P (γ_k X_{P,k})} with the code's step factor
 *       {@code γ_k = ln(1/(k+1)) + 1 + 10⁻⁶} (γ₀ ≈ 1, γ₁ ≈ 0.307). Self loops of the input graph are dropped first,
 *       as the official loader drops them, so a stored loop neither enters the two-hop products nor doubles I.</li>
 *   <li>Node-adaptive attention over steps, per pattern: {@code s_k = σ(w_P·[X_{P,0} ‖ … ‖ X_{P,K} ‖ X_{P,k}] + b_P)},
 *       {@code α = softmax_k(s)} per node, {@code H_P = Σ_k α_k ⊙ X_{P,k}} (one linear scorer per pattern). The
 *       official code stacks the scores step-major ((K+1)·N × 1) and reshapes them with {@code view(-1, K+1)}, which
 *       hands node i the scores of the flat positions i(K+1) … i(K+1)+K — other nodes' scores; this class gives each
 *       node its own K + 1 scores, as the paper describes.</li>
 *   <li>Over patterns: each of the 7 branches (X itself and the six H_P) goes through its own
 *       Linear(F, h) → ReLU → dropout, is scaled by a learned scalar β_b (N(0, 1) at start), and the branches are
 *       concatenated into Linear(7h, C) — the code's default "original" branch attention.</li>
 * </ol>
 * Defaults of the code: h = 32, K = 2, r = 0.42749, dropout 0.64251 (lr 0.06036, weight decay 0.01273, 500 epochs,
 * patience 50 are the training side). Every parameter starts from the official model's PyTorch distribution: the
 * linear layers as {@code nn.Linear} ({@link Linear.Initialisation#TORCH}), the step scorers likewise, the branch
 * scales N(0, 1). The propagated features are cached for the last (graph, x) pair by identity;
 * x must be a constant. Shapes: N×F → N×C.
 */
public final class Adpa extends GraphModule {
    /** The official default r. */
    public static final double DEFAULT_R = 0.42749;
    /** The official default number of propagation steps. */
    public static final int DEFAULT_STEPS = 2;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final Pattern[] PATTERNS = Pattern.values();

    private final int in;
    private final int steps;
    private final double r;
    private final float dropout;
    private final Parameter[][] stepWeights;   // per pattern: K + 1 reference blocks, then the step's own block
    private final Parameter[] stepBias;
    private final Linear[] branches;
    private final Parameter[] branchScale;
    private final Linear output;
    private Graph cachedGraph;
    private Tensor cachedInput;
    private Tensor[][] cachedSteps;

    /** ADPA from {@code in} features to {@code out} classes with hidden width h, K steps, exponent r, dropout p. */
    public Adpa(int in, int out, int hidden, int steps, double r, float dropout) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.in = in;
        this.steps = steps;
        this.r = r;
        this.dropout = dropout;
        stepWeights = new Parameter[PATTERNS.length][steps + 2];
        stepBias = new Parameter[PATTERNS.length];
        for (int p = 0; p < PATTERNS.length; p++) {
            for (int k = 0; k < steps + 2; k++) {
                stepWeights[p][k] = addParameter("step_" + PATTERNS[p].name() + "_" + k, in, 1);
            }
            stepBias[p] = addParameter("step_" + PATTERNS[p].name() + "_bias", 1, 1);
        }
        branches = new Linear[PATTERNS.length + 1];
        branchScale = new Parameter[PATTERNS.length + 1];
        for (int b = 0; b <= PATTERNS.length; b++) {
            String name = b == 0 ? "X" : PATTERNS[b - 1].name();
            branches[b] = addModule("branch_" + name, new Linear(in, hidden, true, Linear.Initialisation.TORCH));
            branchScale[b] = addParameter("scale_" + name, 1, 1);
        }
        output = addModule("output",
                new Linear((PATTERNS.length + 1) * hidden, out, true, Linear.Initialisation.TORCH));
    }

    @Override
    public void resetParameters(RandomGenerator rng) {
        double bound = 1 / Math.sqrt((double) (steps + 2) * in);   // PyTorch's Linear default for the scorer
        for (int p = 0; p < PATTERNS.length; p++) {
            for (Parameter w : stepWeights[p]) {
                Init.uniform(w, bound, rng);
            }
            Init.uniform(stepBias[p], bound, rng);
        }
        for (Parameter s : branchScale) {
            Init.normal(s, 1, rng);
        }
        super.resetParameters(rng);
    }

    /** The graph with its self loops dropped, as the official loader drops them before forming the patterns. */
    private static Graph withoutSelfLoops(Graph graph) {
        for (int u = 0; u < graph.numNodes(); u++) {
            if (graph.hasEdge(u, u)) {
                return GraphBuilder.from(graph).selfLoops(SelfLoops.REMOVE).build();
            }
        }
        return graph;
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        Tensor[][] feats = propagated(graph, x, tape.context());
        Tensor[] scaled = new Tensor[PATTERNS.length + 1];
        for (int b = 0; b <= PATTERNS.length; b++) {
            Tensor h = b == 0 ? x : attend(tape, feats[b - 1], b - 1);
            h = tape.reluDropout(branches[b].forward(tape, h), dropout, isTraining());
            scaled[b] = tape.mul(h, branchScale[b]);
        }
        return output.forward(tape, tape.concat(scaled));
    }

    /** Node-adaptive attention over the K + 1 steps of pattern p. */
    private Tensor attend(Tape tape, Tensor[] xs, int p) {
        Parameter[] w = stepWeights[p];
        Tensor reference = tape.matmul(xs[0], w[0]);
        for (int k = 1; k <= steps; k++) {
            reference = tape.add(reference, tape.matmul(xs[k], w[k]));
        }
        reference = tape.add(reference, stepBias[p]);
        Tensor[] scores = new Tensor[steps + 1];
        for (int k = 0; k <= steps; k++) {
            scores[k] = tape.sigmoid(tape.add(reference, tape.matmul(xs[k], w[steps + 1])));
        }
        return tape.rowWeightedSum(tape.softmax(tape.concat(scores)), xs);
    }

    /** The propagated features X_{P,k} (pattern × step, step 0 = x), computed once per (graph, x) pair. */
    Tensor[][] propagated(Graph graph, Tensor x, ExecutionContext ctx) {
        if (cachedGraph != graph || cachedInput != x) {
            cachedSteps = propagate(graph, x, steps, r, ctx);
            cachedGraph = graph;
            cachedInput = x;
        }
        return cachedSteps;
    }

    /** The K-step propagation of x along every pattern (step 0 is x itself), as constant tensors. */
    public static Tensor[][] propagate(Graph graph, Tensor x, int steps, double r, ExecutionContext ctx) {
        if (x.rows() != graph.numNodes()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but the graph has " + graph.numNodes()
                    + " nodes");
        }
        if (x.requiresGrad()) {
            throw new IllegalArgumentException("ADPA precomputes its propagation without gradient; x must be a "
                    + "constant, got " + x);
        }
        Graph a = withoutSelfLoops(graph);
        int n = x.rows(), f = x.cols();
        float[] x0 = new float[n * f];
        MemorySegment.copy(x.data(), F, 0, x0, 0, x0.length);
        Tensor[][] out = new Tensor[PATTERNS.length][steps + 1];
        for (int p = 0; p < PATTERNS.length; p++) {
            PatternOperator op = PatternOperator.of(a, PATTERNS[p], !PATTERNS[p].twoHop(), false, r, ctx);
            out[p][0] = x;
            float[] cur = x0;
            for (int k = 0; k < steps; k++) {
                float gamma = (float) (Math.log(1.0 / (k + 1)) + 1 + 1e-6);
                float[] scaledIn = new float[cur.length];
                for (int i = 0; i < cur.length; i++) {
                    scaledIn[i] = gamma * cur[i];
                }
                cur = op.apply(scaledIn, f, ctx);
                out[p][k + 1] = Tensor.of(n, f, cur);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ADPA(K=" + steps + ", r=" + r + ", hidden=" + branches[0].out() + ", dropout=" + dropout + ")";
    }
}
