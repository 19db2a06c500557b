package io.gnn4j.layers;

import io.gnn4j.graph.Components;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.Normalization;
import io.gnn4j.graph.SelfLoops;
import io.gnn4j.nn.Nd4jSparseOps;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The decoupled deep graph MLP (DGMLP) of Zhang et al., "Evaluating Deep Graph Neural Networks", 2021
 * (arXiv:2108.00955): parameter-free smoothing with a node-adaptive choice of depth, computed once, then a trainable
 * MLP. With {@code Ã = Aᵀ + I} (aggregation over incoming edges plus a self loop; for an undirected graph A + I),
 * d̃ its row sums (the in-degrees of A + I) and {@code Â = D̃^{r−1} Ã D̃^{−r}} (for r = ½ the propagation of PyG's
 * {@code gcn_norm} on a directed graph too; the combination is tested against that propagation):
 * <pre>
 *   X_k = Â^k X  (k = 0 … K),     X_∞[v] ∝ Σ_{u ∈ C(v)} d̃_u^{1−r} X[u]  (the limit of Â^k X on v's component C(v))
 *   s_k[v] = cos(X_k[v], X[v]) · (1 − cos(X_k[v], X_∞[v])),     w[v] = softmax_k s[v]
 *   H[v] = Σ_k w_k[v] X_k[v],     output = MLP(dropout(H))
 * </pre>
 * A hop weighs more the closer it stays to the node's own features and the further it is from the over-smoothed
 * state; cosines use norms + 1e-10, so a zero row gets uniform weights. H is computed with graph-core's SpMM, without
 * gradient, and cached for the last (graph, x) pair by identity (x is read as a constant; it must not require a
 * gradient). Options in {@link DGMLPParameters}. Shapes: N×F_in → N×F_out.
 */
public final class DGMLP extends GraphModule {
    /** Added to every norm before dividing, as in the authors' code. */
    public static final double EPS = 1e-10;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private final DGMLPParameters params;
    private final MLP mlp;
    private Graph cachedGraph;
    private Tensor cachedInput;
    private Tensor cachedCombined;

    /** A DGMLP from F_in = {@code in} features to {@code out} outputs (class logits). */
    public DGMLP(int in, int out, DGMLPParameters params) {
        this.params = params;
        int[] hidden = params.hidden();
        int[] dims = new int[hidden.length + 2];
        dims[0] = in;
        System.arraycopy(hidden, 0, dims, 1, hidden.length);
        dims[dims.length - 1] = out;
        this.mlp = addModule("mlp", new MLP(params.activation(), params.dropout(), dims));
    }

    /** The options. */
    public DGMLPParameters options() {
        return params;
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        Tensor h = combined(graph, x, tape.context());
        return mlp.forward(tape, tape.dropout(h, params.inputDropout(), isTraining()));
    }

    /** The combined features H for (graph, x), computed on the first call for this pair and then reused. */
    public Tensor combined(Graph graph, Tensor x, ExecutionContext ctx) {
        if (cachedGraph != graph || cachedInput != x) {
            cachedCombined = combine(graph, x, params.hops(), params.r(), ctx);
            cachedGraph = graph;
            cachedInput = x;
        }
        return cachedCombined;
    }

    /** The row-normalised operator Â = D̃^{r−1}(Aᵀ + I)D̃^{−r} as a graph whose row v holds the weights of v's inputs. */
    public static Graph operator(Graph graph, double r) {
        return Normalization.generalized(withSelfLoops(graph), r);
    }

    private static Graph withSelfLoops(Graph graph) {
        return GraphBuilder.from(graph.transpose()).selfLoops(SelfLoops.ADD).build();
    }

    /** {@code Â^k X} as a new constant N×F tensor (k ≥ 0; k = 0 copies X). */
    public static Tensor propagate(Graph graph, Tensor x, int k, double r, ExecutionContext ctx) {
        requireInput(graph, x);
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        Graph a = operator(graph, r);
        Tensor cur = copy(x), next = zeros(x.rows(), x.cols());
        for (int i = 0; i < k; i++) {
            Nd4jSparseOps.spmm(a, cur.value(), next.value(), ctx);
            Tensor t = cur;
            cur = next;
            next = t;
        }
        return cur;
    }

    /**
     * The node-adaptive hop weights w (N×(K+1), each row a softmax over k = 0 … K of
     * {@code cos(X_k, X)·(1 − cos(X_k, X_∞))}), as a new constant tensor.
     */
    public static Tensor hopWeights(Graph graph, Tensor x, int hops, double r, ExecutionContext ctx) {
        requireInput(graph, x);
        if (hops < 0) {
            throw new IllegalArgumentException("hops must be >= 0, got " + hops);
        }
        Graph base = withSelfLoops(graph);
        Graph a = Normalization.generalized(base, r);
        int n = x.rows(), f = x.cols(), width = hops + 1;
        Stationary inf = componentSums(base, x, r);
        MemorySegment xd = x.data();
        double[] normX = rowNorms(xd, n, f);
        double[] scores = new double[n * width];
        Tensor cur = copy(x), next = zeros(n, f);
        for (int k = 0; k <= hops; k++) {
            if (k > 0) {
                Nd4jSparseOps.spmm(a, cur.value(), next.value(), ctx);
                Tensor t = cur;
                cur = next;
                next = t;
            }
            MemorySegment cd = cur.data();
            for (int v = 0; v < n; v++) {
                long base0 = (long) v * f;
                double[] s = inf.sums[inf.component[v]];
                double dotX = 0, dotInf = 0, sq = 0;
                for (int c = 0; c < f; c++) {
                    double xk = cd.getAtIndex(F, base0 + c);
                    dotX += xk * xd.getAtIndex(F, base0 + c);
                    dotInf += xk * s[c];
                    sq += xk * xk;
                }
                double normK = Math.sqrt(sq) + EPS;
                double alpha = dotX / (normX[v] + EPS) / normK;
                double beta = dotInf / (inf.norms[inf.component[v]] + EPS) / normK;
                scores[v * width + k] = alpha * (1 - beta);
            }
        }
        Tensor w = zeros(n, width);
        for (int v = 0; v < n; v++) {
            int o = v * width;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < width; k++) {
                max = Math.max(max, scores[o + k]);
            }
            double sum = 0;
            for (int k = 0; k < width; k++) {
                scores[o + k] = Math.exp(scores[o + k] - max);
                sum += scores[o + k];
            }
            for (int k = 0; k < width; k++) {
                w.set(v, k, (float) (scores[o + k] / sum));
            }
        }
        return w;
    }

    /**
     * The combined features {@code H[v] = Σ_k w_k[v] X_k[v]} (N×F, a new constant tensor): the hop weights from
     * {@link #hopWeights}, then a second propagation pass that accumulates, so that only two N×F buffers of
     * propagated features are alive at a time rather than K + 1.
     */
    public static Tensor combine(Graph graph, Tensor x, int hops, double r, ExecutionContext ctx) {
        if (x.requiresGrad()) {
            throw new IllegalArgumentException("DGMLP precomputes its smoothing without gradient; x must be a constant, "
                    + "got " + x);
        }
        Tensor w = hopWeights(graph, x, hops, r, ctx);
        Graph a = operator(graph, r);
        int n = x.rows(), f = x.cols(), width = hops + 1;
        Tensor h = zeros(n, f);
        MemorySegment hd = h.data(), wd = w.data();
        Tensor cur = copy(x), next = zeros(n, f);
        for (int k = 0; k <= hops; k++) {
            if (k > 0) {
                Nd4jSparseOps.spmm(a, cur.value(), next.value(), ctx);
                Tensor t = cur;
                cur = next;
                next = t;
            }
            MemorySegment cd = cur.data();
            for (int v = 0; v < n; v++) {
                float wk = wd.getAtIndex(F, (long) v * width + k);
                long o = (long) v * f;
                for (int c = 0; c < f; c++) {
                    hd.setAtIndex(F, o + c, hd.getAtIndex(F, o + c) + wk * cd.getAtIndex(F, o + c));
                }
            }
        }
        return h;
    }

    /** The limit state X_∞ of the propagation as an N×F tensor (rows scaled to the component sums). */
    static Tensor stationary(Graph graph, Tensor x, double r) {
        requireInput(graph, x);
        Stationary s = componentSums(withSelfLoops(graph), x, r);
        int n = x.rows(), f = x.cols();
        Tensor out = zeros(n, f);
        for (int v = 0; v < n; v++) {
            double[] sum = s.sums[s.component[v]];
            for (int c = 0; c < f; c++) {
                out.set(v, c, (float) sum[c]);
            }
        }
        return out;
    }

    /** Per weakly connected component of {@code base} (Ã), the sum Σ_u d̃_u^{1−r} X[u] and its norm. */
    private record Stationary(int[] component, double[][] sums, double[] norms) {}

    private static Stationary componentSums(Graph base, Tensor x, double r) {
        int n = base.numNodes(), f = x.cols();
        int[] component = Components.weak(base);
        int count = Components.count(component);
        double[] d = Normalization.degrees(base);
        double[][] sums = new double[count][f];
        MemorySegment xd = x.data();
        for (int u = 0; u < n; u++) {
            double scale = Math.pow(d[u], 1 - r);
            double[] s = sums[component[u]];
            long o = (long) u * f;
            for (int c = 0; c < f; c++) {
                s[c] += scale * xd.getAtIndex(F, o + c);
            }
        }
        double[] norms = new double[count];
        for (int i = 0; i < count; i++) {
            double sq = 0;
            for (double v : sums[i]) {
                sq += v * v;
            }
            norms[i] = Math.sqrt(sq);
        }
        return new Stationary(component, sums, norms);
    }

    private static double[] rowNorms(MemorySegment d, int n, int f) {
        double[] out = new double[n];
        for (int v = 0; v < n; v++) {
            double sq = 0;
            long o = (long) v * f;
            for (int c = 0; c < f; c++) {
                double e = d.getAtIndex(F, o + c);
                sq += e * e;
            }
            out[v] = Math.sqrt(sq);
        }
        return out;
    }

    private static void requireInput(Graph graph, Tensor x) {
        if (x.rows() != graph.numNodes()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but the graph has " + graph.numNodes()
                    + " nodes");
        }
    }

    private static Tensor zeros(int rows, int cols) {
        return Tensor.constant(Nd4j.create(DataType.FLOAT, rows, cols));
    }

    private static Tensor copy(Tensor x) {
        Tensor t = zeros(x.rows(), x.cols());
        MemorySegment.copy(x.data(), 0, t.data(), 0, x.size() * Float.BYTES);
        return t;
    }

    @Override
    public String toString() {
        return "DGMLP(K=" + params.hops() + ", r=" + params.r() + ", " + mlp + ")";
    }
}
