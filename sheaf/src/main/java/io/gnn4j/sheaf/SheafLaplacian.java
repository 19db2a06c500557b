package io.gnn4j.sheaf;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.RowPartition;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;

/**
 * The sheaf Laplacian of a cellular sheaf on an undirected graph (Hansen &amp; Ghrist 2019; Bodnar et al., NeurIPS
 * 2022, Definition 2 and eq. (2)) as a block-sparse n·d × n·d operator with d×d blocks. The restriction map of node
 * u in edge {u, v} is the map of the directed entry u→v of the graph (row k of an E×d² tensor, E = the graph's
 * entries, both directions of every edge stored). With L_F = δᵀδ:
 * <pre>
 *   L_uu = Σ_{u→v} F_{u⊴e}ᵀF_{u⊴e} =: D_u,      L_uv = −F_{u⊴e}ᵀF_{v⊴e}   (e = {u, v})
 * </pre>
 * and the normalised Laplacian Δ_F = D̃^{-1/2} L_F D̃^{-1/2} with D̃ = D + I (the augmented block diagonal), in one
 * of two forms ({@link Normalisation}): with the full d×d blocks D_u (general maps) or with their diagonals only
 * (diagonal maps, where nothing else is non-zero, and orthogonal maps, whose D_u is Σ w²·I up to rounding — the
 * official code's elementwise and scalar normalisations). The blocks are computed on a {@link Tape} with their exact
 * backward to the maps (for full blocks through D̃^{-1/2} by the derivative of the matrix function on the
 * eigen-decomposition of each D̃_u), and applied with graph-core's block SpMM ({@link Tape#blockSpmm}). Each edge's
 * product −F_{u⊴e}ᵀF_{v⊴e} is formed once per forward (its other direction is its transpose) and kept for the
 * backward. The d×d products skip the zero entries of their left factor (diagonal maps and their normalisation are
 * mostly zeros); a skipped term adds ±0 to a sum, so the results are those of the full products whenever every
 * value is finite. The per-call state (a few E×d² doubles) is recycled once its backward has run, so a training
 * loop allocates it in its first step only and the Laplacian keeps one state per blocks call of a step.
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
    /** Per graph entry u→v: its index in the pattern. */
    private final int[] patternEntry;
    /** Per graph entry: the index of its undirected edge (the same for u→v and v→u), numbered from 0. */
    private final int[] edgeIndex;
    /** Forward states whose backward has run (or will not), kept per normalisation to be filled again. */
    private final EnumMap<Normalisation, ArrayDeque<Forward>> spare = new EnumMap<>(Normalisation.class);

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
        edgeIndex = new int[graph.numEntries()];
        int edges = 0;
        for (int k = 0; k < reverse.length; k++) {
            if (k < reverse[k]) {
                edgeIndex[k] = edges;
                edgeIndex[reverse[k]] = edges++;
            }
        }
        edgeOf = new int[pattern.numEntries()];
        patternEntry = new int[graph.numEntries()];
        int[] pp = pattern.rowPtr(), pc = pattern.colIdx();
        for (int u = 0; u < n; u++) {
            for (int k = pp[u]; k < pp[u + 1]; k++) {
                edgeOf[k] = pc[k] == u ? -1 : Arrays.binarySearch(col, ptr[u], ptr[u + 1], pc[k]);
                if (edgeOf[k] >= 0) {
                    patternEntry[edgeOf[k]] = k;
                }
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

    /** How {@link #blocks} normalises L_F. */
    public enum Normalisation {
        /** L_F itself. */
        NONE,
        /**
         * D̃^{-1/2} L_F D̃^{-1/2} with the full blocks D̃_u = D_u + I: the official code's normalisation of general
         * maps ({@code GeneralLaplacianBuilder}, without its training-time perturbation of the diagonal).
         */
        BLOCK,
        /**
         * The same with the diagonal of each D_u only: for diagonal maps the same values as {@link #BLOCK} (bit for
         * bit), for orthogonal maps F = w·Q the official scalar normalisation by Σ w² ({@code
         * NormConnectionLaplacianBuilder}, whose D_u is exactly that multiple of I), at O(d²) per block where the
         * full form costs O(d³) products and an eigen-decomposition.
         */
        DIAGONAL
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
     * The blocks of L_F or Δ_F (by {@code normalisation}), one row of d² values per entry of {@link #pattern()}, from
     * the restriction maps (E×d², row k the map of entry k's source node).
     */
    public Tensor blocks(Tape tape, Tensor maps, Normalisation normalisation) {
        int dd = d * d, e = graph.numEntries();
        if (maps.rows() != e || maps.cols() != dd) {
            throw new IllegalArgumentException("maps is " + maps.rows() + "×" + maps.cols() + " but the graph's " + e
                    + " entries need " + e + "×" + dd);
        }
        Forward fw = take(normalisation);
        fw.compute(tape.context(), maps.data());
        Tensor blocks = tape.custom(pattern.numEntries(), dd, fw::write, g -> {
            tape.addToGradient(maps, into -> fw.backward(g, into));
            give(fw);
        }, maps);
        if (!blocks.requiresGrad()) {
            give(fw); // no backward will read it
        }
        return blocks;
    }

    /**
     * A forward state to fill: a spare one when a backward has given one back, so that a training loop allocates
     * the states' arrays (several E×d² doubles each) in its first step only.
     */
    private Forward take(Normalisation normalisation) {
        synchronized (spare) {
            ArrayDeque<Forward> q = spare.get(normalisation);
            Forward fw = q == null ? null : q.pollFirst();
            return fw != null ? fw : new Forward(normalisation);
        }
    }

    private void give(Forward fw) {
        synchronized (spare) {
            spare.computeIfAbsent(fw.normalisation, k -> new ArrayDeque<>()).addFirst(fw);
        }
    }

    /** {@code Y = L·X} for blocks from {@link #blocks}, X of n·d rows. */
    public Tensor apply(Tape tape, Tensor blocks, Tensor x) {
        return tape.blockSpmm(pattern, blocks, d, x);
    }

    /**
     * The forward state kept for the backward: maps, D_u and D̃_u^{-1/2} per node (with its eigen-decomposition for
     * {@link Normalisation#BLOCK}; D_u and D̃_u^{-1/2} diagonal for {@link Normalisation#DIAGONAL}), and the
     * backward's per-entry terms. Its arrays are sized by the graph once and overwritten by every {@link #compute}.
     * Every loop runs over node blocks of the context ({@link RowPartition}) and every value is summed in the order
     * of a single pass over the rows, so results do not depend on the thread count.
     */
    private final class Forward {
        final Normalisation normalisation;
        ExecutionContext ctx;
        int[] bounds;
        final double[] maps;
        final boolean normalised;
        /** D_u keeps its diagonal only, and D̃_u^{-1/2} is diagonal. */
        final boolean diagonalOnly;
        final double[][] diag;
        /** Per undirected edge, P = −F_kᵀF_r of its entry k = u→v with u &lt; v (r = v→u; P_r = P_kᵀ). */
        final double[] transports;
        final double[][] sqrtInv;
        final SymmetricEigen[] eigen;
        /** Backward: per off-diagonal pattern entry, P̄ = S_u B̄ S_v. */
        double[] pBars;
        /**
         * Backward: per off-diagonal pattern entry, its terms of S̄_u and of S̄_v (d×d, or their diagonals only, d
         * values, when {@link #diagonalOnly}).
         */
        double[] toSelf, toOther;

        Forward(Normalisation normalisation) {
            int n = graph.numNodes(), dd = d * d;
            this.normalisation = normalisation;
            this.normalised = normalisation != Normalisation.NONE;
            this.diagonalOnly = normalisation == Normalisation.DIAGONAL;
            maps = new double[graph.numEntries() * dd];
            diag = new double[n][dd];
            transports = new double[graph.numEntries() / 2 * dd];    // one per edge: entries come in pairs
            sqrtInv = new double[n][dd];
            eigen = normalisation == Normalisation.BLOCK ? new SymmetricEigen[n] : null;
        }

        /** Fills the state from the maps (E×d², row-major) on the context's node blocks. */
        void compute(ExecutionContext context, MemorySegment mapData) {
            int dd = d * d;
            ctx = context;
            bounds = RowPartition.balanced(pattern.rowPtr(), graph.numNodes(),
                    ctx.threads() == 1 ? 1 : ctx.threads() * 4);
            for (int i = 0; i < maps.length; i++) {
                maps[i] = mapData.getAtIndex(F, i);
            }
            int[] ptr = graph.rowPtr();
            forEachNodeBlock((from, to) -> {
                double[] p = new double[dd], row = new double[d];
                for (int u = from; u < to; u++) {
                    Arrays.fill(diag[u], 0);
                    for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                        if (k < reverse[k]) {
                            Arrays.fill(p, 0);
                            addTransposeTimes(k, reverse[k], -1, p, row);
                            System.arraycopy(p, 0, transports, edgeIndex[k] * dd, dd);
                        }
                        if (diagonalOnly) {
                            addSquaredColumns(k, diag[u]);
                        } else {
                            addTransposeTimes(k, k, 1, diag[u], row);
                        }
                    }
                    Arrays.fill(sqrtInv[u], 0);
                    if (diagonalOnly) {
                        for (int i = 0; i < d; i++) {
                            sqrtInv[u][i * d + i] = 1 / Math.sqrt(diag[u][i * d + i] + 1);
                        }
                    } else if (normalised) {
                        double[] a = diag[u].clone();
                        for (int i = 0; i < d; i++) {
                            a[i * d + i] += 1;
                        }
                        eigen[u] = SymmetricEigen.of(a, d);
                        writeFunction(eigen[u], lambda -> 1 / Math.sqrt(lambda), sqrtInv[u]);
                    } else {
                        for (int i = 0; i < d; i++) {
                            sqrtInv[u][i * d + i] = 1;
                        }
                    }
                }
            });
        }

        /** Runs body over the node blocks, in parallel. */
        void forEachNodeBlock(NodeRange body) {
            ctx.forEachBlock(bounds.length - 1, b -> body.run(bounds[b], bounds[b + 1]));
        }

        /**
         * {@code p = −F_kᵀF_r} for the graph entry k and r its reverse, from {@link #transports}: as stored, or
         * transposed (the same values as the product itself).
         */
        void transport(int k, double[] p) {
            int dd = d * d, at = edgeIndex[k] * dd;
            if (k < reverse[k]) {
                System.arraycopy(transports, at, p, 0, dd);
                return;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    p[i * d + j] = transports[at + j * d + i];
                }
            }
        }

        /** {@code out_ii += Σ_k F_a[k][i]²}: the diagonal of F_aᵀF_a. */
        void addSquaredColumns(int a, double[] out) {
            int dd = d * d;
            for (int i = 0; i < d; i++) {
                double acc = 0;
                for (int k = 0; k < d; k++) {
                    double f = maps[a * dd + k * d + i];
                    if (f != 0) {
                        acc += f * f;
                    }
                }
                out[i * d + i] += acc;
            }
        }

        /** {@code out = a·m·b} (t scratch); a and b diagonal when {@link #diagonalOnly}. Returns out. */
        double[] sandwich(double[] a, double[] m, double[] b, double[] t, double[] out) {
            if (!diagonalOnly) {
                return mulInto(mulInto(a, m, t), b, out);
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out[i * d + j] = a[i * d + i] * m[i * d + j] * b[j * d + j];
                }
            }
            return out;
        }

        /** {@code out += s·F_aᵀ·F_b}; row is d scratch values. */
        void addTransposeTimes(int a, int b, double s, double[] out, double[] row) {
            int dd = d * d;
            addProduct(maps, a * dd, true, maps, b * dd, false, s, out, row);
        }

        void write(MemorySegment out) {
            int dd = d * d;
            int[] pp = pattern.rowPtr(), pc = pattern.colIdx();
            forEachNodeBlock((from, to) -> {
                double[] p = new double[dd], t = new double[dd], block = new double[dd];
                for (int u = from; u < to; u++) {
                    for (int k = pp[u]; k < pp[u + 1]; k++) {
                        int v = pc[k], edge = edgeOf[k];
                        if (edge < 0) {
                            sandwich(sqrtInv[u], diag[u], sqrtInv[u], t, block);
                        } else {
                            transport(edge, p);
                            sandwich(sqrtInv[u], p, sqrtInv[v], t, block);
                        }
                        for (int q = 0; q < dd; q++) {
                            out.setAtIndex(F, (long) k * dd + q, (float) block[q]);
                        }
                    }
                }
            });
        }

        /**
         * Maps the blocks' gradient to the maps' gradient: with B_uu = S_u D_u S_u, B_uv = S_u P_e S_v,
         * P_e = −F_eᵀF_r, S_u = (D_u + I)^{-1/2}, D_u = Σ F_eᵀF_e. Two passes over the node blocks: the first works
         * out, per off-diagonal entry u→v, P̄ = S_u B̄ S_v and the entry's terms of S̄_u and S̄_v; the second gathers
         * each node's S̄, D̄ and map gradients from the entries of its own row and of its neighbours' rows, adding
         * them in the order of one pass over the rows (neighbours before u, u's own row, neighbours after u).
         */
        void backward(MemorySegment g, MemorySegment into) {
            int dd = d * d;
            int[] pp = pattern.rowPtr(), pc = pattern.colIdx();
            int entries = pattern.numEntries(), termSize = diagonalOnly ? d : dd;
            if (pBars == null) {
                pBars = new double[entries * dd];
                toSelf = normalised ? new double[entries * termSize] : null;
                toOther = normalised ? new double[entries * termSize] : null;
            }
            forEachNodeBlock((from, to) -> {
                double[] bBar = new double[dd], p = new double[dd], pT = new double[dd], pBar = new double[dd];
                double[] t1 = new double[dd], t2 = new double[dd];
                for (int u = from; u < to; u++) {
                    double[] s = sqrtInv[u];
                    for (int k = pp[u]; k < pp[u + 1]; k++) {
                        int v = pc[k], edge = edgeOf[k];
                        if (edge < 0) {
                            continue;
                        }
                        read(g, k, bBar);
                        transport(edge, p);
                        System.arraycopy(sandwich(s, bBar, sqrtInv[v], t1, pBar), 0, pBars, k * dd, dd);
                        if (diagonalOnly) {
                            addDiagonalTerms(k, bBar, p, s, sqrtInv[v]);
                        } else if (normalised) {
                            transposeInto(p, pT);
                            mulInto(bBar, sqrtInv[v], t1);
                            System.arraycopy(mulInto(t1, pT, t2), 0, toSelf, k * dd, dd);
                            mulInto(pT, s, t1);
                            System.arraycopy(mulInto(t1, bBar, t2), 0, toOther, k * dd, dd);
                        }
                    }
                }
            });
            int[] ptr = graph.rowPtr();
            forEachNodeBlock((from, to) -> {
                double[] bBar = new double[dd], t1 = new double[dd], t2 = new double[dd], row = new double[d];
                double[] sBar = new double[dd], dBar = new double[dd], fBar = new double[dd];
                for (int u = from; u < to; u++) {
                    Arrays.fill(sBar, 0);
                    Arrays.fill(dBar, 0);
                    for (int k = pp[u]; k < pp[u + 1]; k++) {
                        if (pc[k] != u) {
                            if (normalised) {
                                addTerm(sBar, toOther, patternEntry[reverse[edgeOf[k]]]);
                            }
                            continue;
                        }
                        addOwnRow(g, u, sBar, dBar, bBar, t1, t2);    // u's own row, at u's place
                    }
                    if (diagonalOnly) {
                        keepDiagonalSqrtInvAdjoint(u, sBar, dBar);
                    } else if (normalised) {
                        addInto(dBar, sqrtInvAdjoint(eigen[u], sBar));
                    }
                    double[] sym = dBar.clone();
                    addInto(sym, transposeInto(dBar, t1));
                    for (int e = ptr[u]; e < ptr[u + 1]; e++) {
                        // P = −F_eᵀF_r for the entry e = u→v and r = v→u: F̄_e += −F_r·P̄_eᵀ (from u→v) and
                        // −F_r·P̄_r (from v→u), then D = Σ FᵀF: F̄_e += F_e·(D̄ + D̄ᵀ)
                        int r = reverse[e];
                        Arrays.fill(fBar, 0);
                        addProduct(maps, r * dd, false, pBars, patternEntry[e] * dd, true, -1, fBar, row);
                        addProduct(maps, r * dd, false, pBars, patternEntry[r] * dd, false, -1, fBar, row);
                        if (diagonalOnly) {
                            addScaledColumns(fBar, e, sym);
                        } else {
                            addProduct(maps, e * dd, false, sym, 0, false, 1, fBar, row);
                        }
                        for (int q = 0; q < dd; q++) {
                            into.setAtIndex(F, (long) e * dd + q, (float) fBar[q]);
                        }
                    }
                }
            });
        }

        /**
         * Adds the terms of node u's own pattern row to S̄_u and D̄_u, in row order: each off-diagonal entry's stored
         * S̄_u term, and the diagonal block's D̄ term S_u B̄ S_u and S̄ terms (B̄ S_u) D_u and (D_u S_u) B̄.
         */
        void addOwnRow(MemorySegment g, int u, double[] sBar, double[] dBar, double[] bBar, double[] t1,
                       double[] t2) {
            int dd = d * d;
            int[] pp = pattern.rowPtr(), pc = pattern.colIdx();
            double[] s = sqrtInv[u];
            for (int k = pp[u]; k < pp[u + 1]; k++) {
                if (pc[k] != u) {
                    if (normalised) {
                        addTerm(sBar, toSelf, k);
                    }
                    continue;
                }
                read(g, k, bBar);
                mulInto(s, bBar, t1);
                addInto(dBar, mulInto(t1, s, t2));
                if (normalised) {
                    mulInto(bBar, s, t1);
                    addInto(sBar, mulInto(t1, diag[u], t2));
                    mulInto(diag[u], s, t1);
                    addInto(sBar, mulInto(t1, bBar, t2));
                }
            }
        }

        /**
         * For {@link Normalisation#DIAGONAL}: the diagonals of entry k's terms of S̄_u, (B̄ S_v Pᵀ)_ii, and of S̄_v,
         * (Pᵀ S_u B̄)_jj, with S_u and S_v diagonal.
         */
        void addDiagonalTerms(int k, double[] bBar, double[] p, double[] su, double[] sv) {
            for (int i = 0; i < d; i++) {
                double self = 0, other = 0;
                for (int j = 0; j < d; j++) {
                    self += bBar[i * d + j] * sv[j * d + j] * p[i * d + j];
                    other += p[j * d + i] * su[j * d + j] * bBar[j * d + i];
                }
                toSelf[k * d + i] = self;
                toOther[k * d + i] = other;
            }
        }

        /** {@code sBar += terms of pattern entry k} (its diagonal only when {@link #diagonalOnly}). */
        void addTerm(double[] sBar, double[] terms, int k) {
            if (diagonalOnly) {
                for (int i = 0; i < d; i++) {
                    sBar[i * d + i] += terms[k * d + i];
                }
            } else {
                addInto(sBar, terms, k * d * d);
            }
        }

        /**
         * For {@link Normalisation#DIAGONAL}: D̄_u keeps its diagonal, plus the adjoint of x ↦ (x + 1)^{-1/2} per
         * diagonal entry, −S̄_ii / (2·(D_ii + 1)^{3/2}), written as {@link #sqrtInvAdjoint} writes it.
         */
        void keepDiagonalSqrtInvAdjoint(int u, double[] sBar, double[] dBar) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    if (i != j) {
                        dBar[i * d + j] = 0;
                    }
                }
                double a = Math.sqrt(diag[u][i * d + i] + 1);
                dBar[i * d + i] += sBar[i * d + i] * (-1 / (a * a * (a + a)));
            }
        }

        /** {@code out_ij += F_source[i][j]·m_jj} (m diagonal): F_source·m. */
        void addScaledColumns(double[] out, int source, double[] m) {
            int dd = d * d;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out[i * d + j] += maps[source * dd + i * d + j] * m[j * d + j];
                }
            }
        }

        /**
         * {@code out += s·op(X)·op(Y)} for the d×d blocks of x at offset xAt and of y at offset yAt, op the transpose
         * where asked; row is d scratch values. Each sum runs over k in ascending order from 0, as a dot product per
         * entry would, and skips the zero entries of op(X).
         */
        void addProduct(double[] x, int xAt, boolean xT, double[] y, int yAt, boolean yT, double s, double[] out,
                        double[] row) {
            for (int i = 0; i < d; i++) {
                Arrays.fill(row, 0);
                for (int k = 0; k < d; k++) {
                    double f = xT ? x[xAt + k * d + i] : x[xAt + i * d + k];
                    if (f != 0) {
                        for (int j = 0; j < d; j++) {
                            row[j] += f * (yT ? y[yAt + j * d + k] : y[yAt + k * d + j]);
                        }
                    }
                }
                for (int j = 0; j < d; j++) {
                    out[i * d + j] += s * row[j];
                }
            }
        }

        /** Block k of the gradient, widened to double. */
        void read(MemorySegment g, int k, double[] out) {
            int dd = d * d;
            for (int q = 0; q < dd; q++) {
                out[q] = g.getAtIndex(F, (long) k * dd + q);
            }
        }
    }

    /** A loop body over the node range [from, to). */
    private interface NodeRange {
        void run(int from, int to);
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

    /** {@code out = U·f(Λ)·Uᵀ} for e = (Λ, U). */
    private void writeFunction(SymmetricEigen e, java.util.function.DoubleUnaryOperator f, double[] out) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += e.vectors[i * d + k] * f.applyAsDouble(e.values[k]) * e.vectors[j * d + k];
                }
                out[i * d + j] = s;
            }
        }
    }

    private double[] mul(double[] a, double[] b) {
        return mulInto(a, b, new double[d * d]);
    }

    /** {@code c = a·b} (d×d, c distinct from a and b), returned. */
    private double[] mulInto(double[] a, double[] b, double[] c) {
        Arrays.fill(c, 0);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double aik = a[i * d + k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    c[i * d + j] += aik * b[k * d + j];
                }
            }
        }
        return c;
    }

    private double[] transpose(double[] a) {
        return transposeInto(a, new double[d * d]);
    }

    /** {@code t = aᵀ} (d×d, t distinct from a), returned. */
    private double[] transposeInto(double[] a, double[] t) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[j * d + i] = a[i * d + j];
            }
        }
        return t;
    }

    private static void addInto(double[] acc, double[] m) {
        addInto(acc, m, 0);
    }

    /** {@code acc += m[offset … offset + acc.length)}. */
    private static void addInto(double[] acc, double[] m, int offset) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += m[offset + i];
        }
    }
}
