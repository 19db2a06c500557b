package io.gnn4j.sheaf;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The sheaf Laplacian of a cellular sheaf on an undirected graph (Hansen &amp; Ghrist 2019; Bodnar et al., NeurIPS
 * 2022, Definition 2 and eq. (2)) as a block-sparse n·d × n·d operator with d×d blocks. The restriction map of node
 * u in edge {u, v} is the map of the directed entry u→v of the graph (row k of an E×d² tensor, E = the graph's
 * entries, both directions of every edge stored). With L_F = δᵀδ:
 * <pre>
 *   L_uu = Σ_{u→v} F_{u⊴e}ᵀF_{u⊴e} =: D_u,      L_uv = −F_{u⊴e}ᵀF_{v⊴e}   (e = {u, v})
 * </pre>
 * and the normalised Laplacian Δ_F = D̃^{-1/2} L_F D̃^{-1/2} with D̃ = D + I (the augmented block diagonal, as the
 * official code normalises every map type; for diagonal and orthogonal maps this is its elementwise and scalar
 * normalisation). The blocks are computed on a {@link Tape} with their exact backward to the maps (including
 * through D̃^{-1/2}, by the derivative of the matrix function on the eigen-decomposition of each D̃_u), and applied
 * with graph-core's block SpMM ({@link Tape#blockSpmm}).
 */
public final class SheafLaplacian {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private final Graph graph;
    private final Graph pattern;
    private final int d;
    /** Per pattern entry: the graph entry u→v holding F_{u⊴e}, or −1 for a diagonal block. */
    private final int[] edgeOf;
    /** Per graph entry u→v: the entry v→u. */
    private final int[] reverse;

    private SheafLaplacian(Graph graph, int d) {
        this.graph = graph;
        this.d = d;
        int n = graph.numNodes();
        int[] ptr = graph.rowPtr(), col = graph.colIdx();
        reverse = new int[graph.numEntries()];
        GraphBuilder b = GraphBuilder.directed(n);
        for (int u = 0; u < n; u++) {
            b.addEdge(u, u);
            for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                int v = col[k];
                if (v == u) {
                    throw new IllegalArgumentException("a sheaf Laplacian needs a graph without self loops, node " + u
                            + " has one");
                }
                if (k > ptr[u] && col[k - 1] == v) {
                    throw new IllegalArgumentException("duplicate edge " + u + "→" + v);
                }
                int r = Arrays.binarySearch(col, ptr[v], ptr[v + 1], u);
                if (r < 0) {
                    throw new IllegalArgumentException("a sheaf Laplacian needs both directions of every edge: " + u
                            + "→" + v + " has no " + v + "→" + u);
                }
                reverse[k] = r;
                b.addEdge(u, v);
            }
        }
        pattern = b.build();
        edgeOf = new int[pattern.numEntries()];
        int[] pp = pattern.rowPtr(), pc = pattern.colIdx();
        for (int u = 0; u < n; u++) {
            for (int k = pp[u]; k < pp[u + 1]; k++) {
                edgeOf[k] = pc[k] == u ? -1 : Arrays.binarySearch(col, ptr[u], ptr[u + 1], pc[k]);
            }
        }
    }

    /** The Laplacian structure of {@code graph} (both directions of every edge, no self loops) for stalk dimension d. */
    public static SheafLaplacian of(Graph graph, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("the stalk dimension d must be >= 1, got " + d);
        }
        return new SheafLaplacian(graph, d);
    }

    /** The block pattern: the graph's entries plus one diagonal entry per node, rows sorted. */
    public Graph pattern() {
        return pattern;
    }

    /** The stalk dimension. */
    public int stalkDimension() {
        return d;
    }

    /** The graph entry v→u for the entry k = u→v (the other incidence of the same edge). */
    public int[] reverseEntries() {
        return reverse;
    }

    /** Identity restriction maps for every incidence: a constant E×d² tensor (the trivial sheaf). */
    public Tensor identityMaps() {
        float[] v = new float[graph.numEntries() * d * d];
        for (int e = 0; e < graph.numEntries(); e++) {
            for (int i = 0; i < d; i++) {
                v[e * d * d + i * d + i] = 1;
            }
        }
        return Tensor.of(graph.numEntries(), d * d, v);
    }

    /**
     * The blocks of L_F ({@code normalised} false) or Δ_F (true), one row of d² values per entry of
     * {@link #pattern()}, from the restriction maps (E×d², row k the map of entry k's source node).
     */
    public Tensor blocks(Tape tape, Tensor maps, boolean normalised) {
        int dd = d * d, e = graph.numEntries();
        if (maps.rows() != e || maps.cols() != dd) {
            throw new IllegalArgumentException("maps is " + maps.rows() + "×" + maps.cols() + " but the graph's " + e
                    + " entries need " + e + "×" + dd);
        }
        Forward fw = new Forward(maps.data(), normalised);
        return tape.custom(pattern.numEntries(), dd, fw::write, g -> tape.addToGradient(maps, into -> fw.backward(g,
                into)), maps);
    }

    /** {@code Y = L·X} for blocks from {@link #blocks}, X of n·d rows. */
    public Tensor apply(Tape tape, Tensor blocks, Tensor x) {
        return tape.blockSpmm(pattern, blocks, d, x);
    }

    /** The forward state kept for the backward: maps, D_u and D̃_u^{-1/2} per node with its eigen-decomposition. */
    private final class Forward {
        final double[] maps;
        final boolean normalised;
        final double[][] diag;
        final double[][] sqrtInv;
        final SymmetricEigen[] eigen;

        Forward(MemorySegment mapData, boolean normalised) {
            int n = graph.numNodes(), dd = d * d;
            this.maps = new double[graph.numEntries() * dd];
            for (int i = 0; i < maps.length; i++) {
                maps[i] = mapData.getAtIndex(F, i);
            }
            this.normalised = normalised;
            diag = new double[n][dd];
            sqrtInv = new double[n][];
            eigen = new SymmetricEigen[n];
            int[] ptr = graph.rowPtr();
            for (int u = 0; u < n; u++) {
                for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                    addTransposeTimes(k, k, 1, diag[u]);
                }
                if (normalised) {
                    double[] a = diag[u].clone();
                    for (int i = 0; i < d; i++) {
                        a[i * d + i] += 1;
                    }
                    eigen[u] = SymmetricEigen.of(a, d);
                    sqrtInv[u] = function(eigen[u], lambda -> 1 / Math.sqrt(lambda));
                } else {
                    sqrtInv[u] = identity();
                }
            }
        }

        /** {@code out += s·F_aᵀ·F_b}. */
        void addTransposeTimes(int a, int b, double s, double[] out) {
            int dd = d * d;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double acc = 0;
                    for (int k = 0; k < d; k++) {
                        acc += maps[a * dd + k * d + i] * maps[b * dd + k * d + j];
                    }
                    out[i * d + j] += s * acc;
                }
            }
        }

        void write(MemorySegment out) {
            int dd = d * d;
            int[] pp = pattern.rowPtr(), pc = pattern.colIdx();
            double[] p = new double[dd];
            for (int u = 0; u < graph.numNodes(); u++) {
                for (int k = pp[u]; k < pp[u + 1]; k++) {
                    int v = pc[k], edge = edgeOf[k];
                    double[] block;
                    if (edge < 0) {
                        block = mul(mul(sqrtInv[u], diag[u]), sqrtInv[u]);
                    } else {
                        Arrays.fill(p, 0);
                        addTransposeTimes(edge, reverse[edge], -1, p);
                        block = mul(mul(sqrtInv[u], p), sqrtInv[v]);
                    }
                    for (int q = 0; q < dd; q++) {
                        out.setAtIndex(F, (long) k * dd + q, (float) block[q]);
                    }
                }
            }
        }

        /**
         * Maps the blocks' gradient to the maps' gradient: with B_uu = S_u D_u S_u, B_uv = S_u P_e S_v,
         * P_e = −F_eᵀF_r, S_u = (D_u + I)^{-1/2}, D_u = Σ F_eᵀF_e.
         */
        void backward(MemorySegment g, MemorySegment into) {
            int n = graph.numNodes(), dd = d * d;
            int[] pp = pattern.rowPtr(), pc = pattern.colIdx();
            double[][] sBar = new double[n][dd], dBar = new double[n][dd];
            double[] fBar = new double[maps.length];
            double[] bBar = new double[dd], p = new double[dd];
            for (int u = 0; u < n; u++) {
                for (int k = pp[u]; k < pp[u + 1]; k++) {
                    for (int q = 0; q < dd; q++) {
                        bBar[q] = g.getAtIndex(F, (long) k * dd + q);
                    }
                    int v = pc[k], edge = edgeOf[k];
                    double[] s = sqrtInv[u];
                    if (edge < 0) {
                        addInto(dBar[u], mul(mul(s, bBar), s));
                        if (normalised) {
                            addInto(sBar[u], mul(mul(bBar, s), diag[u]));
                            addInto(sBar[u], mul(mul(diag[u], s), bBar));
                        }
                        continue;
                    }
                    int r = reverse[edge];
                    Arrays.fill(p, 0);
                    addTransposeTimes(edge, r, -1, p);
                    double[] pBar = mul(mul(s, bBar), sqrtInv[v]);
                    if (normalised) {
                        addInto(sBar[u], mul(mul(bBar, sqrtInv[v]), transpose(p)));
                        addInto(sBar[v], mul(mul(transpose(p), s), bBar));
                    }
                    // P = −F_eᵀF_r: F̄_e += −F_r·P̄ᵀ, F̄_r += −F_e·P̄
                    addProduct(fBar, edge, r, transpose(pBar), -1);
                    addProduct(fBar, r, edge, pBar, -1);
                }
            }
            int[] ptr = graph.rowPtr();
            for (int u = 0; u < n; u++) {
                if (normalised) {
                    addInto(dBar[u], sqrtInvAdjoint(eigen[u], sBar[u]));
                }
                double[] sym = dBar[u].clone();
                addInto(sym, transpose(dBar[u]));
                for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                    addProduct(fBar, k, k, sym, 1);     // D = Σ FᵀF: F̄ += F·(D̄ + D̄ᵀ)
                }
            }
            for (int i = 0; i < fBar.length; i++) {
                into.setAtIndex(F, i, (float) fBar[i]);
            }
        }

        /** {@code fBar[target] += s·F_source·m}. */
        void addProduct(double[] fBar, int target, int source, double[] m, double s) {
            int dd = d * d;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double acc = 0;
                    for (int k = 0; k < d; k++) {
                        acc += maps[source * dd + i * d + k] * m[k * d + j];
                    }
                    fBar[target * dd + i * d + j] += s * acc;
                }
            }
        }
    }

    /**
     * The adjoint of A ↦ A^{-1/2} at A = U·diag(λ)·Uᵀ applied to S̄: {@code U·((UᵀS̄U) ∘ K)·Uᵀ} with
     * {@code K_ij = (λ_i^{-1/2} − λ_j^{-1/2}) / (λ_i − λ_j) = −1 / (√λ_i·√λ_j·(√λ_i + √λ_j))}, a form that needs no
     * case for equal eigenvalues (Daleckii–Krein).
     */
    private double[] sqrtInvAdjoint(SymmetricEigen e, double[] sBar) {
        double[] u = e.vectors;
        double[] m = mul(mul(transpose(u), sBar), u);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double a = Math.sqrt(e.values[i]), b = Math.sqrt(e.values[j]);
                m[i * d + j] *= -1 / (a * b * (a + b));
            }
        }
        return mul(mul(u, m), transpose(u));
    }

    private double[] function(SymmetricEigen e, java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += e.vectors[i * d + k] * f.applyAsDouble(e.values[k]) * e.vectors[j * d + k];
                }
                out[i * d + j] = s;
            }
        }
        return out;
    }

    private double[] identity() {
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            m[i * d + i] = 1;
        }
        return m;
    }

    private double[] mul(double[] a, double[] b) {
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double aik = a[i * d + k];
                for (int j = 0; j < d; j++) {
                    c[i * d + j] += aik * b[k * d + j];
                }
            }
        }
        return c;
    }

    private double[] transpose(double[] a) {
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[j * d + i] = a[i * d + j];
            }
        }
        return t;
    }

    private static void addInto(double[] acc, double[] m) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += m[i];
        }
    }
}
