package io.gnn4j.embed;

import io.gnn4j.embed.FastRPParameters.IterationNormalization;
import io.gnn4j.embed.FastRPParameters.Operator;
import io.gnn4j.embed.FastRPParameters.Projection;
import io.gnn4j.graph.Elementwise;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.RowPartition;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.Normalization;
import io.gnn4j.graph.SparseOps;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * FastRP node embeddings: "Fast and Accurate Network Embeddings via Very Sparse Random Projection" (H. Chen,
 * S. F. Sultan, Y. Tian, M. Chen, S. Skiena, CIKM 2019, doi:10.1145/3357384.3357879).
 *
 * <p>With M the operator ({@code D⁻¹A} or A, optionally weighted), {@code L = diag(deg^β)} and R the N×d very sparse
 * random projection (entries √s·{+1, 0, −1} with probabilities {1/2s, 1−1/s, 1/2s}, s = √N by default, or
 * Gaussian), it computes {@code N₁ = M·L·R}, {@code Nᵢ = M·Nᵢ₋₁} for i ≤ q and {@code E = Σᵢ αᵢ·Nᵢ}, with the
 * optional row normalisations of {@link IterationNormalization}, Neo4j GDS's node self-influence (each node's own
 * L2-normalised initial vector added with a weight) and node features projected into the last
 * {@code round(propertyRatio·d)} columns of the initial vectors by a fixed sparse random F×d' matrix (sparsity 3, as
 * GDS does). Per node: {@code E[u] = σ·R̃[u] + Σᵢ αᵢ·Nᵢ[u]} (σ the self-influence, R̃ the row-normalised initial
 * vectors) and {@code Nᵢ[u] = Σ_{u→v} M[u][v]·Nᵢ₋₁[v]}.
 *
 * <p>The random vector of node u is generated on the fly from (seed, u), so the result is the same for every thread
 * count. With a sparse projection and s ≥ 16 the first product is computed directly from the O(N·d/s) non-zeros of R
 * (R is never dense); otherwise the initial vectors are written into one of the two ping-pong buffers. Memory is
 * three N×d float arrays (two ping-pong buffers and the result), never O(N·d·q). Later powers use
 * {@link SparseOps#spmm}; row scaling runs over row blocks on the {@link ExecutionContext}.
 *
 * <p>Shapes: graph with N nodes (+ optional N×F features) → N×d embedding, row-major.
 */
public final class FastRP {
    /** From this sparsity on, the first power is computed from the non-zeros of R (cost E·d/s instead of E·d). */
    static final double SPARSE_FIRST_PRODUCT_MIN_SPARSITY = 16;
    /** From this sparsity on, the non-zero positions of a row of R are drawn by geometric gaps. */
    static final double GEOMETRIC_MIN_SPARSITY = 8;
    /** Sparsity of the feature projection, as in Neo4j GDS. */
    static final int PROPERTY_SPARSITY = 3;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Graph graph;
    private final float[] features;
    private final int numFeatures;
    private final FastRPParameters params;
    private final ExecutionContext ctx;
    /** Tests force the dense first product to compare it with the sparse one. */
    boolean forceDenseFirstProduct;

    /** FastRP on the graph's structure alone. */
    public FastRP(Graph graph, FastRPParameters params, ExecutionContext ctx) {
        this(graph, null, 0, params, ctx);
    }

    /**
     * FastRP with node features (row-major N×F, no copy) projected into the last {@code round(propertyRatio·d)}
     * columns of the initial vectors.
     */
    public FastRP(Graph graph, float[] features, int numFeatures, FastRPParameters params, ExecutionContext ctx) {
        if (graph == null || params == null || ctx == null) {
            throw new IllegalArgumentException("graph, params and ctx must not be null");
        }
        long cells = (long) graph.numNodes() * params.dimension();
        if (cells > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("N×d = " + graph.numNodes() + "×" + params.dimension() + " = " + cells
                    + " exceeds the " + (Integer.MAX_VALUE - 16) + " floats of one Java array");
        }
        if (features != null && (long) graph.numNodes() * numFeatures != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " floats but N×F = "
                    + graph.numNodes() + "×" + numFeatures + " = " + (long) graph.numNodes() * numFeatures);
        }
        if (params.propertyDimension() > 0 && (features == null || numFeatures < 1)) {
            throw new IllegalArgumentException("propertyRatio " + params.propertyRatio() + " gives "
                    + params.propertyDimension() + " property columns but no features (F = " + numFeatures
                    + ") were given");
        }
        this.graph = graph;
        this.features = features;
        this.numFeatures = numFeatures;
        this.params = params;
        this.ctx = ctx;
    }

    /** Bytes FastRP allocates on a graph with N nodes and E stored entries: three N×d buffers plus small arrays. */
    public static long memoryEstimateBytes(int numNodes, long numEntries, FastRPParameters params) {
        long nd = (long) numNodes * params.dimension();
        double s = params.effectiveSparsity(numNodes);
        long sparseR = params.projection() == Projection.SPARSE && s >= SPARSE_FIRST_PRODUCT_MIN_SPARSITY
                ? (long) Math.ceil(nd / s * 1.2) * 4 + 8L * (numNodes + 1) : 0;
        return 3 * nd * Float.BYTES + numEntries * Float.BYTES + 12L * numNodes + sparseR;
    }

    /** Runs FastRP and returns the N×d embedding. */
    public FastRPResult compute() {
        int n = graph.numNodes();
        int d = params.dimension();
        Graph a = graph.isWeighted() && !params.useEdgeWeights() ? unweighted(graph) : graph;
        double[] deg = Normalization.degrees(a);
        Graph op = operator(a, params);
        float[] scale = new float[n];
        for (int u = 0; u < n; u++) {
            scale[u] = degreeScale(deg[u], params);
        }
        float[] result = new float[n * d];
        float[] cur = new float[n * d];
        float[] other = null;
        double[] alpha = params.iterationWeights();
        int last = params.effectiveIterations();
        double s = params.effectiveSparsity(n);
        int pd = features == null ? 0 : params.propertyDimension();
        boolean sparseFirst = params.projection() == Projection.SPARSE && pd == 0
                && s >= SPARSE_FIRST_PRODUCT_MIN_SPARSITY && !forceDenseFirstProduct;
        if (sparseFirst) {
            SparseRows r = sparseInitial(n, d, s, scale);
            if (params.nodeSelfInfluence() != 0) {
                addSelfInfluence(r, result, d);
            }
            if (last > 0) {
                multiplySparse(op, r, cur, d);
            }
        } else {
            float[] x0 = new float[n * d];
            denseInitial(n, d, pd, s, scale, x0);
            if (params.nodeSelfInfluence() != 0) {
                addSelfInfluence(x0, result, n, d);
            }
            if (last > 0) {
                SparseOps.spmm(op, MemorySegment.ofArray(x0), MemorySegment.ofArray(cur), d, ctx);
            }
            other = x0;
        }
        boolean resultIsZero = params.nodeSelfInfluence() == 0;
        for (int i = 1; i <= last; i++) {
            if (i > 1) {
                if (other == null) {
                    other = new float[n * d];
                }
                SparseOps.spmm(op, MemorySegment.ofArray(cur), MemorySegment.ofArray(other), d, ctx);
                float[] t = cur;
                cur = other;
                other = t;
            }
            combine(cur, result, n, d, alpha[i - 1], resultIsZero, i == last);
            resultIsZero &= alpha[i - 1] == 0;
        }
        if (params.standardize()) {
            standardizeColumns(result, n, d);
        }
        return new FastRPResult(n, d, result);
    }

    /** The N×d initial vectors {@code L·R} (with the feature columns), dense; for tests and inspection. */
    float[] initialVectors() {
        int n = graph.numNodes(), d = params.dimension();
        Graph a = graph.isWeighted() && !params.useEdgeWeights() ? unweighted(graph) : graph;
        double[] deg = Normalization.degrees(a);
        float[] scale = new float[n];
        for (int u = 0; u < n; u++) {
            scale[u] = degreeScale(deg[u], params);
        }
        float[] x0 = new float[n * d];
        int pd = features == null ? 0 : params.propertyDimension();
        denseInitial(n, d, pd, params.effectiveSparsity(n), scale, x0);
        return x0;
    }

    // ---- random vectors -------------------------------------------------------------------------------------------

    /**
     * The non-zeros of {@code L·R} in CSR form: entry t of row u is {@code ±rowValue[u]} in column
     * {@code packed[t] >>> 1}, negative when bit 0 of {@code packed[t]} is set; {@code rowValue[u] = deg(u)^β·√s}.
     */
    private record SparseRows(int[] rowPtr, int[] packed, float[] rowValue) {}

    /** The generator of node u's random stream: depends only on (seed, u). */
    static SplittableRandom nodeRandom(long seed, long u) {
        return new SplittableRandom(Elementwise.splitMix64(seed * GOLDEN + Elementwise.splitMix64(u + GOLDEN)));
    }

    /**
     * The non-zeros of one row of the very sparse projection over {@code width} columns, in ascending column order,
     * as {@code column << 1 | negative}; returns how many there are. Each entry is non-zero with probability 1/s,
     * positive or negative with equal odds, independently. For s &lt; 8 every entry reads 21 fresh random bits (three
     * entries per 64-bit draw; the probability is 1/s rounded to a multiple of 2⁻²¹); from s = 8 on, the gaps between
     * non-zeros are drawn from the geometric distribution, so a row costs O(d/s) draws.
     */
    static int sparseRow(SplittableRandom rnd, int width, double s, int[] packed) {
        int count = 0;
        if (s < GEOMETRIC_MIN_SPARSITY) {
            int half = (int) Math.round(0x200000 / (2 * s));
            int nonZero = 2 * half;
            long bits = 0;
            int left = 0;
            for (int c = 0; c < width; c++) {
                if (left == 0) {
                    bits = rnd.nextLong();
                    left = 3;
                }
                int x = (int) (bits & 0x1FFFFF);
                bits >>>= 21;
                left--;
                if (x < nonZero) {
                    packed[count++] = c << 1 | (x < half ? 0 : 1);
                }
            }
            return count;
        }
        double logQ = Math.log1p(-1.0 / s);
        int c = -1;
        while (true) {
            double gap = Math.floor(Math.log(1.0 - rnd.nextDouble()) / logQ);
            if (gap >= width - c - 1) {
                return count;
            }
            c += (int) gap + 1;
            packed[count++] = c << 1 | (rnd.nextBoolean() ? 0 : 1);
        }
    }

    /**
     * The same row as {@link #sparseRow} for s &lt; 8 (same random bits, same entries), written densely as
     * {+v, 0, −v} into {@code out[off .. off+width)} without branching on the random draw.
     */
    static void denseSparseRow(SplittableRandom rnd, int width, double s, float v, float[] out, int off) {
        int half = (int) Math.round(0x200000 / (2 * s));
        int nonZero = 2 * half;
        int c = 0;
        // Three 21-bit draws per 64-bit word, low bits first, exactly as sparseRow consumes them.
        for (; c + 2 < width; c += 3) {
            long bits = rnd.nextLong();
            out[off + c] = pick((int) (bits & 0x1FFFFF), half, nonZero, v);
            out[off + c + 1] = pick((int) ((bits >>> 21) & 0x1FFFFF), half, nonZero, v);
            out[off + c + 2] = pick((int) ((bits >>> 42) & 0x1FFFFF), half, nonZero, v);
        }
        if (c < width) {
            long bits = rnd.nextLong();
            for (; c < width; c++) {
                out[off + c] = pick((int) (bits & 0x1FFFFF), half, nonZero, v);
                bits >>>= 21;
            }
        }
    }

    /** +v if x &lt; half, −v if half ≤ x &lt; nonZero, else 0; integer masks instead of unpredictable branches. */
    private static float pick(int x, int half, int nonZero, float v) {
        int negative = ~((x - half) >> 31) & 0x80000000;
        int keep = (x - nonZero) >> 31;
        return Float.intBitsToFloat((Float.floatToRawIntBits(v) ^ negative) & keep);
    }

    /** The non-zeros of L·R, generated once per node (per block into a local buffer, then concatenated). */
    private SparseRows sparseInitial(int n, int d, double s, float[] scale) {
        int[] count = new int[n];
        int[] bounds = evenBlocks(n, blocks());
        int[][] local = new int[bounds.length - 1][];
        long seed = params.seed();
        ctx.forEachBlock(bounds.length - 1, b -> {
            int[] row = new int[d];
            int[] buf = new int[Math.max(16, (int) Math.min(Integer.MAX_VALUE - 16,
                    (long) (bounds[b + 1] - bounds[b]) * d / s * 1.1 + d))];
            int used = 0;
            for (int u = bounds[b]; u < bounds[b + 1]; u++) {
                int k = sparseRow(nodeRandom(seed, u), d, s, row);
                if (used + k > buf.length) {
                    buf = Arrays.copyOf(buf, Math.max(used + k, buf.length + (buf.length >> 1)));
                }
                System.arraycopy(row, 0, buf, used, k);
                used += k;
                count[u] = k;
            }
            local[b] = Arrays.copyOf(buf, used);
        });
        int[] rowPtr = new int[n + 1];
        for (int u = 0; u < n; u++) {
            rowPtr[u + 1] = rowPtr[u] + count[u];
        }
        int[] packed = new int[rowPtr[n]];
        for (int b = 0; b < local.length; b++) {
            System.arraycopy(local[b], 0, packed, rowPtr[bounds[b]], local[b].length);
        }
        float[] rowValue = new float[n];
        float root = (float) Math.sqrt(s);
        for (int u = 0; u < n; u++) {
            rowValue[u] = scale[u] * root;
        }
        return new SparseRows(rowPtr, packed, rowValue);
    }

    /** Writes the dense initial vectors: {@code deg(u)^β·R[u]} in the first d−d' columns, {@code x_u·P} after. */
    private void denseInitial(int n, int d, int pd, double s, float[] scale, float[] x0) {
        int bd = d - pd;
        float[] p = pd > 0 ? propertyProjection(pd) : null;
        int[] bounds = evenBlocks(n, blocks());
        long seed = params.seed();
        boolean gaussian = params.projection() == Projection.GAUSSIAN;
        float root = (float) Math.sqrt(s);
        ctx.forEachBlock(bounds.length - 1, b -> {
            int[] packed = new int[Math.max(1, bd)];
            for (int u = bounds[b]; u < bounds[b + 1]; u++) {
                int off = u * d;
                randomRow(seed, gaussian, bd, s, root, scale[u], u, x0, off, packed);
                if (p != null) {
                    for (int j = 0; j < numFeatures; j++) {
                        float x = features[u * numFeatures + j];
                        if (x != 0f) {
                            int po = j * pd;
                            for (int c = 0; c < pd; c++) {
                                x0[off + bd + c] += x * p[po + c];
                            }
                        }
                    }
                }
            }
        });
    }

    /**
     * Writes {@code scale·R[u]} over {@code width} columns into {@code x0[off ..)} (zeros left as they are):
     * Gaussian entries, or the very sparse row of {@link #sparseRow} with magnitude {@code root·scale}.
     */
    private static void randomRow(long seed, boolean gaussian, int width, double s, float root, float scale, int u,
                                  float[] x0, int off, int[] packed) {
        SplittableRandom rnd = nodeRandom(seed, u);
        if (gaussian) {
            for (int c = 0; c < width; c++) {
                x0[off + c] = (float) rnd.nextGaussian() * scale;
            }
        } else if (s < GEOMETRIC_MIN_SPARSITY) {
            denseSparseRow(rnd, width, s, root * scale, x0, off);
        } else {
            int k = sparseRow(rnd, width, s, packed);
            float v = root * scale;
            for (int t = 0; t < k; t++) {
                x0[off + (packed[t] >>> 1)] = (packed[t] & 1) == 0 ? v : -v;
            }
        }
    }

    /** The F×d' feature projection: row j from (seed, −1−j), entries √3·{+1, 0, −1} with odds {1/6, 2/3, 1/6}. */
    float[] propertyProjection(int pd) {
        float[] p = new float[numFeatures * pd];
        int[] packed = new int[pd];
        float v = (float) Math.sqrt(PROPERTY_SPARSITY);
        for (int j = 0; j < numFeatures; j++) {
            int k = sparseRow(nodeRandom(params.seed(), -1L - j), pd, PROPERTY_SPARSITY, packed);
            for (int t = 0; t < k; t++) {
                p[j * pd + (packed[t] >>> 1)] = (packed[t] & 1) == 0 ? v : -v;
            }
        }
        return p;
    }

    // ---- products and combinations --------------------------------------------------------------------------------

    /**
     * {@code out = M·X} for X given by its packed non-zeros; rows split by entries, each row written by one thread.
     * Per edge u→v the factor {@code M[u][v]·rowValue[v]} is formed once and added with the entry's sign into the
     * output row (which stays in L1), so an edge costs d/s scattered adds instead of d.
     */
    private void multiplySparse(Graph op, SparseRows x, float[] out, int d) {
        int[] rowPtr = op.rowPtr(), colIdx = op.colIdx();
        float[] w = op.isWeighted() ? op.weights() : null;
        int[] xPtr = x.rowPtr(), packed = x.packed();
        float[] rowValue = x.rowValue();
        int[] bounds = RowPartition.balanced(rowPtr, op.numNodes(), blocks());
        ctx.forEachBlock(bounds.length - 1, b -> {
            for (int u = bounds[b]; u < bounds[b + 1]; u++) {
                int off = u * d;
                Arrays.fill(out, off, off + d, 0f);
                for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                    int v = colIdx[k];
                    int bits = Float.floatToRawIntBits((w == null ? 1f : w[k]) * rowValue[v]);
                    for (int t = xPtr[v]; t < xPtr[v + 1]; t++) {
                        int e = packed[t];
                        // Bit 0 of the entry flips the sign bit of the factor: no branch on a random sign.
                        out[off + (e >>> 1)] += Float.intBitsToFloat(bits ^ (e << 31));
                    }
                }
            }
        });
    }

    private void addSelfInfluence(SparseRows r, float[] result, int d) {
        float si = (float) params.nodeSelfInfluence();
        int n = r.rowPtr().length - 1;
        for (int u = 0; u < n; u++) {
            int from = r.rowPtr()[u], to = r.rowPtr()[u + 1];
            if (to == from || r.rowValue()[u] == 0) {
                continue;
            }
            // All non-zeros of a row have the same magnitude: ‖row‖ = |rowValue|·√count.
            float f = (float) (si / Math.sqrt(to - from));
            float pos = Math.signum(r.rowValue()[u]) * f;
            for (int t = from; t < to; t++) {
                int e = r.packed()[t];
                result[u * d + (e >>> 1)] += (e & 1) == 0 ? pos : -pos;
            }
        }
    }

    private void addSelfInfluence(float[] x0, float[] result, int n, int d) {
        int[] bounds = evenBlocks(n, blocks());
        ctx.forEachBlock(bounds.length - 1,
                b -> addSelfInfluenceRows(params.nodeSelfInfluence(), x0, result, bounds[b], bounds[b + 1], d));
    }

    /**
     * Adds power i (in {@code cur}) to the result with weight α, over row blocks (see {@link #combineRows}).
     */
    private void combine(float[] cur, float[] result, int n, int d, double alpha, boolean assign, boolean lastPower) {
        IterationNormalization mode = params.normalization();
        int[] bounds = evenBlocks(n, blocks());
        ctx.forEachBlock(bounds.length - 1,
                b -> combineRows(mode, cur, result, bounds[b], bounds[b + 1], d, alpha, assign, lastPower));
    }

    // ---- row-range steps, shared with engines that hold the graph in node-range blocks (gnn4j-spark) -----------

    /** The operator M that FastRP powers on the adjacency {@code a}: {@code D⁻¹A} for TRANSITION, else A itself. */
    public static Graph operator(Graph a, FastRPParameters params) {
        return params.operator() == Operator.TRANSITION ? Normalization.randomWalk(a) : a;
    }

    /** The scale {@code deg^β} of a node's initial vector (1 for degree 0). */
    public static float degreeScale(double degree, FastRPParameters params) {
        return degree > 0 ? (float) Math.pow(degree, params.normalizationStrength()) : 1f;
    }

    /**
     * Writes the initial vectors {@code deg(u)^β·R[u]} of the consecutive nodes {@code firstNode ..
     * firstNode + degrees.length} into {@code out} (row-major, d columns, zero-filled by the caller), exactly as
     * {@link #compute()} generates them for a graph of {@code numNodes} nodes (which fixes the automatic sparsity √N).
     * Structure only: parameters with feature columns ({@code propertyRatio > 0}) are rejected.
     */
    public static void initialRows(FastRPParameters params, int numNodes, int firstNode, double[] degrees,
                                   float[] out) {
        int d = params.dimension();
        if (params.propertyDimension() > 0) {
            throw new IllegalArgumentException("propertyRatio " + params.propertyRatio() + " needs node features, "
                    + "which initialRows does not take: use new FastRP(graph, features, F, params, ctx)");
        }
        if ((long) degrees.length * d != out.length) {
            throw new IllegalArgumentException("out holds " + out.length + " floats but rows×d = " + degrees.length
                    + "×" + d);
        }
        double s = params.effectiveSparsity(numNodes);
        float root = (float) Math.sqrt(s);
        boolean gaussian = params.projection() == Projection.GAUSSIAN;
        int[] packed = new int[d];
        for (int i = 0; i < degrees.length; i++) {
            randomRow(params.seed(), gaussian, d, s, root, degreeScale(degrees[i], params), firstNode + i, out,
                    i * d, packed);
        }
    }

    /** Adds {@code σ·x0[u]/‖x0[u]‖} to {@code result[u]} for rows {@code from ≤ u < to} (GDS's self-influence). */
    public static void addSelfInfluenceRows(double selfInfluence, float[] x0, float[] result, int from, int to,
                                            int d) {
        for (int u = from; u < to; u++) {
            int off = u * d;
            double norm = norm(x0, off, d);
            if (norm > 0) {
                float f = (float) (selfInfluence / norm);
                for (int c = 0; c < d; c++) {
                    result[off + c] += f * x0[off + c];
                }
            }
        }
    }

    /**
     * Adds power i (rows {@code from ≤ u < to} of {@code cur}) to the result with weight α under the normalisation
     * {@code mode}: assigned instead of accumulated when {@code assign}; with L2_PROPAGATE the rows of {@code cur}
     * are normalised in place unless this is the last power.
     */
    public static void combineRows(IterationNormalization mode, float[] cur, float[] result, int from, int to, int d,
                                   double alpha, boolean assign, boolean lastPower) {
        if (alpha == 0 && (mode != IterationNormalization.L2_PROPAGATE || lastPower)) {
            return;
        }
        float a = (float) alpha;
        for (int u = from; u < to; u++) {
            int off = u * d;
            if (mode == IterationNormalization.NONE) {
                addScaled(a, cur, result, off, d, assign);
                continue;
            }
            double norm = norm(cur, off, d);
            if (norm == 0) {
                continue;
            }
            if (mode == IterationNormalization.L2_COMBINE || lastPower) {
                addScaled((float) (alpha / norm), cur, result, off, d, assign);
            } else {
                float inv = (float) (1.0 / norm);
                for (int c = off; c < off + d; c++) {
                    cur[c] *= inv;
                }
                if (a != 0) {
                    addScaled(a, cur, result, off, d, assign);
                }
            }
        }
    }

    /** {@code y[off..off+len) (+)= a·x[off..off+len)}: assigned when {@code assign}, else accumulated. */
    private static void addScaled(float a, float[] x, float[] y, int off, int len, boolean assign) {
        if (assign) {
            for (int c = off; c < off + len; c++) {
                y[c] = a * x[c];
            }
        } else {
            axpy(a, x, y, off, len);
        }
    }

    private static void axpy(float a, float[] x, float[] y, int off, int len) {
        for (int c = off; c < off + len; c++) {
            y[c] += a * x[c];
        }
    }

    private static double norm(float[] x, int off, int len) {
        // Four independent accumulators: the sum is latency-bound otherwise. The order is fixed, so still deterministic.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int c = off, end = off + len;
        for (; c + 3 < end; c += 4) {
            s0 += (double) x[c] * x[c];
            s1 += (double) x[c + 1] * x[c + 1];
            s2 += (double) x[c + 2] * x[c + 2];
            s3 += (double) x[c + 3] * x[c + 3];
        }
        for (; c < end; c++) {
            s0 += (double) x[c] * x[c];
        }
        return Math.sqrt((s0 + s1) + (s2 + s3));
    }

    /** Column z-scores with the population standard deviation; constant columns are only centred (as sklearn). */
    static void standardizeColumns(float[] x, int n, int d) {
        if (n == 0) {
            return;
        }
        double[] mean = columnSums(x, n, d, null);
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        double[] var = columnSums(x, n, d, mean);
        for (int c = 0; c < d; c++) {
            var[c] /= n;
        }
        standardizeRows(x, n, d, mean, var);
    }

    /**
     * Per column, the sum over the first {@code rows} rows of x, or with {@code mean} given the sum of squared
     * deviations from it: the two passes of the standardisation, which a partitioned engine adds up over blocks.
     */
    public static double[] columnSums(float[] x, int rows, int d, double[] mean) {
        double[] s = new double[d];
        for (int u = 0; u < rows; u++) {
            for (int c = 0; c < d; c++) {
                if (mean == null) {
                    s[c] += x[u * d + c];
                } else {
                    double t = x[u * d + c] - mean[c];
                    s[c] += t * t;
                }
            }
        }
        return s;
    }

    /**
     * {@code x[u][c] = (x[u][c] − mean[c]) / sd[c]} over the first {@code rows} rows, {@code sd = √variance}
     * (population); a column of variance 0 is only centred.
     */
    public static void standardizeRows(float[] x, int rows, int d, double[] mean, double[] variance) {
        float[] inv = new float[d];
        float[] m = new float[d];
        for (int c = 0; c < d; c++) {
            double sd = Math.sqrt(variance[c]);
            inv[c] = sd > 0 ? (float) (1.0 / sd) : 1f;
            m[c] = (float) mean[c];
        }
        for (int u = 0; u < rows; u++) {
            for (int c = 0; c < d; c++) {
                x[u * d + c] = (x[u * d + c] - m[c]) * inv[c];
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private int blocks() {
        return ctx.threads() == 1 ? 1 : ctx.threads() * 8;
    }

    private static int[] evenBlocks(int n, int blocks) {
        int[] b = new int[blocks + 1];
        for (int i = 0; i <= blocks; i++) {
            b[i] = (int) ((long) n * i / blocks);
        }
        return b;
    }

    /** The same entries with every weight 1 (a directed copy: the rows are what FastRP reads). */
    private static Graph unweighted(Graph g) {
        int n = g.numNodes();
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        int[] src = new int[g.numEntries()];
        for (int u = 0; u < n; u++) {
            Arrays.fill(src, rowPtr[u], rowPtr[u + 1], u);
        }
        return GraphBuilder.directed(n).addEdges(src, colIdx.clone()).build();
    }

    @Override
    public String toString() {
        return "FastRP(" + graph + ", " + params + ")";
    }
}
