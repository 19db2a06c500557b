package io.gnn4j.nn;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.SparseOps;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reverse-mode automatic differentiation: every operation called on a recording tape computes its output at once
 * and records a closure that, run by {@link #backward(Tensor)} in reverse order, adds the vector-Jacobian product
 * of its output gradient into its inputs' gradients (∂L/∂x += Jᵀ·∂L/∂y). A tape from {@link #noGrad()} records
 * nothing (inference). Dense products run as ND4J GEMMs into preallocated outputs, elementwise maths as Java loops
 * over the buffers' {@link MemorySegment}s, sparse work on graph-core's {@link SparseOps} kernels.
 *
 * <p>Intermediate tensors come from a buffer pool owned by the tape: call {@link #reset()} once per training step
 * (after the optimiser step) to recycle them, so that steady-state steps allocate no memory. Tensors returned by a
 * tape must not be used after its {@link #reset()}. Dropout masks are drawn from (seed, step, call number), so one
 * seed fixes them for any thread count. {@link #backward} hands an intermediate tensor's gradient back to the pool
 * as soon as the operation that produced the tensor has used it, as PyTorch frees non-leaf gradients, so a step
 * holds the forward's values plus only the gradients still to be propagated; call {@link Tensor#retainGrad()}
 * on an intermediate tensor to read its gradient after backward. A tape is used by one thread at a time. For
 * evaluation, keep one {@link #noGrad()} tape and {@link #reset()} it after reading its outputs, so that it too
 * reuses its buffers.
 *
 * <pre>{@code
 * Tape tape = new Tape(42);
 * Tensor loss = tape.crossEntropy(model.forward(tape, graph, x), labels, trainIdx);
 * tape.backward(loss);
 * optimizer.step();
 * tape.reset();
 * }</pre>
 */
public final class Tape {
    private final boolean recording;
    private final long seed;
    private final ExecutionContext ctx;
    private final BufferPool pool = new BufferPool();
    private final Groupings groupings = new Groupings();
    private final ArrayList<Tensor> owned = new ArrayList<>();
    private final ArrayList<Tensor> nodeOutputs = new ArrayList<>();
    private final ArrayList<Runnable> nodeBackwards = new ArrayList<>();
    private long step;
    private int randomCalls;
    private boolean backwardDone;

    private Tape(boolean recording, long seed, ExecutionContext ctx) {
        this.recording = recording;
        this.seed = seed;
        this.ctx = ctx;
    }

    /** A recording tape whose random operations (dropout) derive from {@code seed}, on the default context. */
    public Tape(long seed) {
        this(true, seed, ExecutionContext.defaultContext());
    }

    /** A recording tape running its sparse kernels on {@code ctx}. */
    public Tape(long seed, ExecutionContext ctx) {
        this(true, seed, ctx);
    }

    /** A tape that records nothing: for inference, where no gradient is needed. */
    public static Tape noGrad() {
        return new Tape(false, 0, ExecutionContext.defaultContext());
    }

    /** A non-recording tape on {@code ctx}. */
    public static Tape noGrad(ExecutionContext ctx) {
        return new Tape(false, 0, ctx);
    }

    /** Whether operations are recorded for {@link #backward}. */
    public boolean isRecording() {
        return recording;
    }

    /** The execution context of the sparse kernels. */
    public ExecutionContext context() {
        return ctx;
    }

    /** The regroupings of the index arrays this tape has seen, memoised weakly by array. */
    Groupings groupings() {
        return groupings;
    }

    /**
     * Bytes of pooled tensors (values and gradients) this tape holds now: everything recorded since the last
     * {@link #reset()}. A deterministic count of a step's activation memory (the parameters, owned by their modules,
     * are not included).
     */
    public long liveBytes() {
        return pool.liveBytes();
    }

    /** The largest {@link #liveBytes()} this tape has held: the activation memory of its heaviest step. */
    public long peakLiveBytes() {
        return pool.peakLiveBytes();
    }

    /** Number of completed {@link #reset()}s: the step number that dropout masks derive from. */
    public long step() {
        return step;
    }

    /**
     * Back-propagates from the 1×1 tensor {@code loss}: seeds ∂L/∂L = 1 and runs the recorded backward closures in
     * reverse order. Gradients are added into leaves ({@link Parameter}s and {@link Tensor#variable}s), so they
     * accumulate over calls until an optimiser's {@code zeroGrad}.
     */
    public void backward(Tensor loss) {
        if (loss.rows != 1 || loss.cols != 1) {
            throw new IllegalArgumentException("backward needs a 1×1 loss, got " + loss.rows + "×" + loss.cols);
        }
        if (!loss.requiresGrad) {
            throw new IllegalArgumentException("the loss does not depend on any tensor that requires a gradient"
                    + (recording ? "" : " (this tape records nothing)"));
        }
        if (backwardDone) {
            throw new IllegalStateException("backward already ran on this tape since its last reset(): intermediate "
                    + "gradients would be counted twice; call reset() and record the forward pass again");
        }
        backwardDone = true;
        gradient(loss).setAtIndex(Tensor.F, 0, loss.gradAt(0, 0) + 1f);
        for (int i = nodeBackwards.size() - 1; i >= 0; i--) {
            Tensor output = nodeOutputs.get(i);
            if (output.gradData != null) {
                nodeBackwards.get(i).run();
                if (!output.retainsGrad) {
                    pool.give(output.detachPooledGrad()); // every consumer of the output ran before its producer
                }
            }
        }
    }

    /**
     * Forgets the recorded operations and recycles every tensor this tape produced (values and gradients); leaf
     * gradients are kept. Advances the step number, so the next step draws new dropout masks.
     */
    public void reset() {
        for (Tensor t : owned) {
            pool.give(t.pooledValue);
            pool.give(t.pooledGrad);
        }
        owned.clear();
        nodeOutputs.clear();
        nodeBackwards.clear();
        randomCalls = 0;
        backwardDone = false;
        step++;
    }

    /**
     * Frees the pooled buffers now rather than when the garbage collector finds them: call it after {@link #reset()}
     * when the tape is done (e.g. at the end of a training run), so that a process training many models one after
     * the other does not hold every finished tape's memory. The tape stays usable; it allocates afresh.
     */
    public void release() {
        pool.release();
    }

    // ------------------------------------------------------------------------------------------------ dense algebra

    /**
     * {@code Y = A·B} (A is n×k, B is k×m, Y is n×m), one GEMM; a sparse-dense product when A is sparse
     * ({@link Tensor#ofSparse}).
     */
    public Tensor matmul(Tensor a, Tensor b) {
        return DenseOps.matmul(this, a, b);
    }

    /** {@code Y = A·Bᵀ} (A is n×k, B is m×k, Y is n×m), one GEMM: e.g. every row of A against every row of B. */
    public Tensor matmulTransposed(Tensor a, Tensor b) {
        return DenseOps.matmulTransposed(this, a, b);
    }

    /** {@code Y = X·W + b}: X is n×k, W is k×m, b is 1×m or {@code null}; X may be sparse, as for {@link #matmul}. */
    public Tensor linear(Tensor x, Tensor w, Tensor b) {
        return DenseOps.linear(this, x, w, b);
    }

    /**
     * {@code Y = Σ_k diag(W[:, k])·X_k}: the n×m matrices X_0 … X_{K−1} mixed per row by the n×K weights W (row r
     * of Y is Σ_k W[r][k]·X_k[r]), e.g. node-adaptive attention over propagation steps (GPR-GNN, DAGNN, ADPA). One
     * output instead of 2K − 1 intermediate products and sums; the same result, to the bit, as
     * {@code mul(X_0, W[:,0]) + mul(X_1, W[:,1]) + …} added left to right.
     */
    public Tensor rowWeightedSum(Tensor w, Tensor... xs) {
        return DenseOps.rowWeightedSum(this, w, xs);
    }

    /** {@code a + b}, b either a's shape, a 1×m row, an n×1 column or 1×1 (broadcast over a). */
    public Tensor add(Tensor a, Tensor b) {
        return DenseOps.binary(this, a, b, BinaryOp.ADD);
    }

    /** {@code a − b}, broadcasting b as in {@link #add}. */
    public Tensor sub(Tensor a, Tensor b) {
        return DenseOps.binary(this, a, b, BinaryOp.SUB);
    }

    /** Elementwise {@code a ⊙ b}, broadcasting b as in {@link #add}. */
    public Tensor mul(Tensor a, Tensor b) {
        return DenseOps.binary(this, a, b, BinaryOp.MUL);
    }

    /** Elementwise {@code a / b}, broadcasting b as in {@link #add}. */
    public Tensor div(Tensor a, Tensor b) {
        return DenseOps.binary(this, a, b, BinaryOp.DIV);
    }

    /** {@code s·x} for a constant scalar s. */
    public Tensor scale(Tensor x, float s) {
        return DenseOps.scale(this, x, s);
    }

    // ------------------------------------------------------------------------------------------------- activations

    /** {@code max(x, 0)}. */
    public Tensor relu(Tensor x) {
        return ActivationOps.relu(this, x);
    }

    /** {@code x} for x &gt; 0, {@code slope·x} otherwise (GAT uses slope 0.2). */
    public Tensor leakyRelu(Tensor x, float slope) {
        return ActivationOps.leakyRelu(this, x, slope);
    }

    /** ELU (Clevert et al. 2016): {@code x} for x &gt; 0, {@code α(eˣ − 1)} otherwise. */
    public Tensor elu(Tensor x, float alpha) {
        return ActivationOps.elu(this, x, alpha);
    }

    /** SELU (Klambauer et al. 2017, "Self-Normalizing Neural Networks"): {@code λ·ELU_α(x)}, α≈1.6733, λ≈1.0507. */
    public Tensor selu(Tensor x) {
        return ActivationOps.selu(this, x);
    }

    /** {@code tanh(x)}. */
    public Tensor tanh(Tensor x) {
        return ActivationOps.tanh(this, x);
    }

    /** {@code σ(x) = 1 / (1 + e^{−x})}. */
    public Tensor sigmoid(Tensor x) {
        return ActivationOps.sigmoid(this, x);
    }

    /** Row-wise softmax {@code y[r][c] = e^{x[r][c]} / Σ_j e^{x[r][j]}} (max-shifted for stability). */
    public Tensor softmax(Tensor x) {
        return ActivationOps.softmax(this, x);
    }

    /** Row-wise log-softmax {@code y[r][c] = x[r][c] − log Σ_j e^{x[r][j]}}. */
    public Tensor logSoftmax(Tensor x) {
        return ActivationOps.logSoftmax(this, x);
    }

    // ------------------------------------------------------------------------------------------------------ dropout

    /**
     * Inverted dropout: in training each element is zeroed with probability p and the survivors scaled by
     * 1/(1−p); with {@code training} false (or p = 0) it is the identity and returns x itself. The mask derives from
     * (seed, step, number of random calls so far in this step). On a sparse x ({@link Tensor#ofSparse}) only the
     * non-zeros draw; the output is the same and stays sparse.
     */
    public Tensor dropout(Tensor x, float p, boolean training) {
        return DropoutOps.dropout(this, x, p, training);
    }

    /**
     * {@code dropout(relu(x), p, training)} as one operation: the same values, gradients and mask as the chain, bit
     * for bit, without storing the ReLU's output (one N×F buffer fewer per layer in a step, e.g. in an {@link
     * io.gnn4j.nn.Linear} → ReLU → dropout stack).
     */
    public Tensor reluDropout(Tensor x, float p, boolean training) {
        return DropoutOps.leakyReluDropout(this, x, 0f, p, training);
    }

    /** {@code dropout(leakyRelu(x, slope), p, training)} as one operation, as {@link #reluDropout}. */
    public Tensor leakyReluDropout(Tensor x, float slope, float p, boolean training) {
        return DropoutOps.leakyReluDropout(this, x, slope, p, training);
    }

    /**
     * {@code linear(dropout(x, p, training), w, b)} as one operation (b may be null), e.g. the input dropout in front
     * of a network's first layer: the same mask, values and gradients as the chain, without storing the dropped N×k
     * input — the product and W's gradient remake it a block of rows at a time (≥ 8,192 rows, ≥ 4 MB), so a step holds
     * one N×k buffer fewer. With more than one block, W's gradient is the same sum added block by block (rounded in
     * that order); up to 8,192 rows it is the chain's to the bit. A sparse x ({@link Tensor#ofSparse}) runs as the
     * chain.
     */
    public Tensor dropoutThenLinear(Tensor x, float p, boolean training, Tensor w, Tensor b) {
        return DropoutOps.dropoutThenLinear(this, x, p, training, w, b);
    }

    /**
     * {@code linear(leakyReluDropout(x, slope, p, training), w, b)} as one operation (slope 0: ReLU), as {@link
     * #dropoutThenLinear}: neither the activation nor its dropout is stored, only x (which the chain keeps too, for
     * the activation's backward) — in a Linear → ReLU → dropout → Linear stack, one N×k buffer fewer per layer.
     */
    public Tensor leakyReluDropoutThenLinear(Tensor x, float slope, float p, boolean training, Tensor w, Tensor b) {
        return DropoutOps.leakyReluDropoutThenLinear(this, x, slope, p, training, w, b);
    }

    // ------------------------------------------------------------------------------------------------ normalisation

    /**
     * Batch normalisation in training mode (Ioffe &amp; Szegedy, "Batch Normalization", ICML 2015, arXiv:1502.03167,
     * Algorithm 1): per column c, over the N rows of the batch,
     * <pre>
     *   μ_c = (1/N) Σ_i x_ic,   σ²_c = (1/N) Σ_i (x_ic − μ_c)²   (biased, as PyTorch's BatchNorm1d in training)
     *   y_ic = γ_c · (x_ic − μ_c) / √(σ²_c + ε) + β_c
     * </pre>
     * x is N×F with N ≥ 2, γ and β are 1×F. Backward, with x̂ = (x − μ)/√(σ² + ε) and G = ∂L/∂Y:
     * ∂L/∂β_c = Σ_i G_ic, ∂L/∂γ_c = Σ_i G_ic x̂_ic, ∂L/∂x_ic = γ_c/(N√(σ²_c+ε)) · (N·G_ic − Σ_j G_jc − x̂_ic Σ_j
     * G_jc x̂_jc). Statistics are summed in double in a fixed order.
     */
    public Tensor batchNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        return batchNorm(x, gamma, beta, eps, null, null);
    }

    /**
     * {@link #batchNorm(Tensor, Tensor, Tensor, float)} that also writes the batch mean μ and the biased batch
     * variance σ² (length F each) into {@code batchMean} and {@code batchVar} when they are not {@code null}, so
     * that a module can update its running statistics.
     */
    public Tensor batchNorm(Tensor x, Tensor gamma, Tensor beta, float eps, float[] batchMean, float[] batchVar) {
        return NormalizationOps.batchNorm(this, x, gamma, beta, eps, batchMean, batchVar);
    }

    /**
     * Batch normalisation in evaluation mode: {@code y_ic = γ_c · (x_ic − mean_c) / √(var_c + ε) + β_c} with fixed
     * statistics (a module's running mean and variance, length F each) instead of the batch's; an affine map per
     * column, so any N ≥ 1 works. Backward: ∂L/∂x_ic = γ_c G_ic/√(var_c + ε), ∂L/∂γ_c = Σ_i G_ic x̂_ic,
     * ∂L/∂β_c = Σ_i G_ic.
     */
    public Tensor batchNormInference(Tensor x, Tensor gamma, Tensor beta, float[] mean, float[] var, float eps) {
        return NormalizationOps.batchNormInference(this, x, gamma, beta, mean, var, eps);
    }

    // ------------------------------------------------------------------------------------------ shape and reduction

    /**
     * Every row divided by its L2 norm, {@code y_r = x_r / max(‖x_r‖₂, eps)} (PyTorch's {@code F.normalize}): unit
     * rows for cosine similarities.
     */
    public Tensor normalizeRows(Tensor x, float eps) {
        return NormalizationOps.normalizeRows(this, x, eps);
    }

    /** Column-wise concatenation {@code [x₁ | x₂ | …]} of tensors with equal row counts. */
    public Tensor concat(Tensor... xs) {
        return ShapeOps.concat(this, xs);
    }

    /** Columns {@code [from, to)} of x. */
    public Tensor sliceColumns(Tensor x, int from, int to) {
        return ShapeOps.sliceColumns(this, x, from, to);
    }

    /** The same elements, row-major, as a rows×cols matrix (rows·cols must equal x's size). */
    public Tensor reshape(Tensor x, int rows, int cols) {
        return ShapeOps.reshape(this, x, rows, cols);
    }



    /** The sum of all elements, as a 1×1 tensor (accumulated in double). */
    public Tensor sum(Tensor x) {
        return ReductionOps.sum(this, x);
    }

    /** The mean of all elements, as a 1×1 tensor. */
    public Tensor mean(Tensor x) {
        return ReductionOps.mean(this, x);
    }

    /** Row sums, an n×1 column. */
    public Tensor sumRows(Tensor x) {
        return ReductionOps.sumRows(this, x);
    }

    /** The Frobenius (L2) norm {@code ‖x‖₂ = sqrt(Σ x²)}, 1×1; its gradient at 0 is taken as 0. */
    public Tensor l2Norm(Tensor x) {
        return ReductionOps.l2Norm(this, x);
    }

    /**
     * Sums of contiguous column groups: x is n×(h·c), the result n×h with {@code y[r][k] = Σ_j x[r][k·c + j]}
     * (per-head dot products in attention).
     */
    public Tensor sumGroups(Tensor x, int groups) {
        return ReductionOps.sumGroups(this, x, groups);
    }

    /** Mean of h column groups: x is n×(h·c), the result n×c with {@code y[r][j] = (1/h) Σ_k x[r][k·c + j]}. */
    public Tensor meanGroups(Tensor x, int groups) {
        return ReductionOps.meanGroups(this, x, groups);
    }

    // --------------------------------------------------------------------------------------- gather / scatter (sparse)

    /** {@code y[i] = x[index[i]]}: an index.length×f matrix of rows of x; backward scatter-adds into x. */
    public Tensor gatherRows(Tensor x, int[] index) {
        return SegmentOps.gatherRows(this, x, index);
    }

    /**
     * Per stored entry e = (u→v) of g, in CSR order: {@code y[e] = a[u] + b[v]} (DGL's {@code u_add_v}; a and b are
     * N×f, y is E×f) — GAT's attention logits before the LeakyReLU. The same values and gradients, to the bit, as
     * {@code add(gatherRows(a, src), gatherRows(b, dst))}, without the two E×f gathered copies.
     */
    public Tensor uAddV(Graph g, Tensor a, Tensor b) {
        return SegmentOps.uAddV(this, g, a, b);
    }

    /** Scatter-sum {@code y[s] = Σ_{i: index[i]=s} x[i]}, numSegments×f; empty segments are 0. */
    public Tensor scatterSum(Tensor x, int[] index, int numSegments) {
        return SegmentOps.scatterSum(this, x, index, numSegments);
    }

    /** Scatter-mean: the scatter-sum divided by each segment's size (0 for empty segments). */
    public Tensor scatterMean(Tensor x, int[] index, int numSegments) {
        return SegmentOps.scatterMean(this, x, index, numSegments);
    }

    /** Scatter-max {@code y[s][c] = max_{i: index[i]=s} x[i][c]}; empty segments are 0; the gradient goes to the first maximum. */
    public Tensor scatterMax(Tensor x, int[] index, int numSegments) {
        return SegmentOps.scatterMax(this, x, index, numSegments);
    }

    /**
     * Softmax within segments, per column: {@code y[i][c] = exp(x[i][c]) / Σ_{j: index[j]=index[i]} exp(x[j][c])}
     * — attention coefficients normalised over the edges entering each destination node (x is E×h).
     */
    public Tensor segmentSoftmax(Tensor x, int[] index, int numSegments) {
        return SegmentOps.segmentSoftmax(this, x, index, numSegments);
    }

    /**
     * Path encodings summed at their roots, the core of a k-path layer ({@code KPathConv}):
     * {@code y[r] = scale · Σ_{p: roots[p] = r} w_p · ReLU(Σ_i states[i][positions[i][p]] + table[patterns[p]])},
     * numRoots×f (the table term only when there is a table). The same values, up to the order of the float sums, as
     * gathering each position's rows, adding, applying ReLU, weighting and scatter-summing, but without the P×f
     * tensors those steps hold — P paths usually far outnumber the nodes. Backward recomputes the pre-activations.
     */
    public Tensor pathSum(PathIndex paths, Tensor[] states, Tensor table, int numRoots, float scale) {
        return PathOps.pathSum(this, paths, states, table, numRoots, scale);
    }

    // ---------------------------------------------------------------------------------------------- sparse operators

    /** {@code Y = A·X} with a fixed sparse operator A (N×N, e.g. a normalised adjacency); backward {@code X̄ += Aᵀ·Ȳ}. */
    public Tensor spmm(Graph a, Tensor x) {
        return SparseMatrixOps.spmm(this, a, x);
    }

    /**
     * {@code Y = Aᵀ·X}: row v sums its incoming edges, {@code Y[v] = Σ_{u→v} A[u][v]·X[u]} — message passing from
     * sources to targets; backward {@code X̄ += A·Ȳ}.
     */
    public Tensor spmmTranspose(Graph a, Tensor x) {
        return SparseMatrixOps.spmmTranspose(this, a, x);
    }

    /**
     * {@code Aᵀ·X + s·X} — GIN's {@code Σ_{j→i} x_j + (1 + ε)·x_i} — with the bits of
     * {@code add(spmmTranspose(a, x), s == 1 ? x : scale(x, s))} but one output tensor instead of that chain's two.
     */
    public Tensor spmmTransposePlusScaled(Graph a, Tensor x, float s) {
        return SparseMatrixOps.spmmTransposePlusScaled(this, a, x, s);
    }

    /**
     * Personalised-PageRank propagation (APPNP's): {@code Z⁰ = H, Z^{i+1} = (1 − α)·AᵀZ^i + α·H}, returning Z^K. The
     * same bits as the chain {@code add(scale(spmmTranspose(a, z), 1 − α), scale(h, α))} repeated K times, with
     * memory for a few N×F buffers rather than every step's tensors and gradients.
     */
    public Tensor personalizedPageRank(Graph a, Tensor h, int k, float alpha) {
        return SparseMatrixOps.personalizedPageRank(this, a, h, k, alpha);
    }

    /**
     * SDDMM: {@code y[e] = ⟨X[u], Y[v]⟩} for every stored entry e = (u→v) of A in CSR order, an E×1 column;
     * backward {@code X̄[u] += Σ_e ȳ[e]·Y[v]} and {@code Ȳ[v] += Σ_e ȳ[e]·X[u]}.
     */
    public Tensor sddmm(Graph a, Tensor x, Tensor y) {
        return SparseMatrixOps.sddmm(this, a, x, y);
    }

    /**
     * Aggregation with learned per-edge, per-head weights (attention): x is N×(h·c), w is E×h in the CSR entry order
     * of A, and {@code Y[v][k] = Σ_{e=(u→v)} w[e][k]·X[u][k]} for each head k (a c-wide column block).
     */
    public Tensor edgeAggregate(Graph a, Tensor w, Tensor x) {
        return SparseMatrixOps.edgeAggregate(this, a, w, x);
    }

    /**
     * GAT's attention and aggregation in one operation (Veličković et al. 2018, Eqs. 1–3): {@code Y[v] = Σ_{u→v}
     * dropout(α)[u→v][k]·X[u][k·c..(k+1)·c)} with {@code α = softmax over the edges entering v of LeakyReLU(sSrc[u][k]
     * + sDst[v][k], slope)}; sSrc and sDst are N×h (one score per head), X is N×(h·c). The same values, gradients and
     * dropout mask as the chain {@code edgeAggregate(a, dropout(segmentSoftmax(leakyRelu(uAddV(a, sSrc, sDst), slope),
     * dst, N), p, training), X)}, bit for bit, but the per-edge tensors are held in target order and only two of them
     * (the weights and their dropout) are stored.
     */
    public Tensor graphAttention(Graph a, Tensor sSrc, Tensor sDst, Tensor x, float slope, float p,
                                 boolean training) {
        return AttentionOps.graphAttention(this, a, sSrc, sDst, x, slope, p, training);
    }

    /**
     * Block SpMM {@code Y = L·X} with a learnable block operator (Neural Sheaf Diffusion's sheaf Laplacian): the
     * d×d block of entry k = (u→v) of {@code pattern} is row k of {@code blocks} (E×d², row-major), X and Y are
     * (n·d)×f. Backward {@code X̄ += Lᵀ·Ȳ} and {@code B̄_k += Ȳ_u·X_vᵀ} (block SDDMM), Ȳ_u and X_v the d×f row blocks.
     */
    public Tensor blockSpmm(Graph pattern, Tensor blocks, int d, Tensor x) {
        return SparseMatrixOps.blockSpmm(this, pattern, blocks, d, x);
    }

    // --------------------------------------------------------------------------------------------------------- losses

    /**
     * Mean cross-entropy {@code −(1/|I|) Σ_{i∈I} log softmax(z_i)[y_i]} of the logits z (N×C) over the rows I in
     * {@code index} ({@code null} for all rows); {@code labels[i]} is the class of row i (length N).
     */
    public Tensor crossEntropy(Tensor logits, int[] labels, int[] index) {
        return LossOps.crossEntropy(this, logits, labels, index);
    }

    /**
     * Mean binary cross-entropy with logits, {@code mean(max(z,0) − z·t + log(1 + e^{−|z|}))}, for targets t in
     * [0, 1] of z's shape (multi-label classification, link prediction).
     */
    public Tensor bceWithLogits(Tensor logits, Tensor targets) {
        return LossOps.bceWithLogits(this, logits, targets);
    }

    /**
     * Bayesian personalised ranking (Rendle et al. 2009): {@code −mean log σ(pos − neg)} over paired scores of the
     * same shape (one row per (user, positive item, negative item) triple).
     */
    public Tensor bpr(Tensor pos, Tensor neg) {
        return LossOps.bpr(this, pos, neg);
    }

    /** Mean squared error {@code mean((p − t)²)}. */
    public Tensor mse(Tensor pred, Tensor target) {
        return LossOps.mse(this, pred, target);
    }

    /** Mean absolute error {@code mean(|p − t|)}; its subgradient at p = t is 0. */
    public Tensor l1(Tensor pred, Tensor target) {
        return LossOps.l1(this, pred, target);
    }

    // ------------------------------------------------------------------------------------------------ extension point

    /**
     * Records an operation implemented outside gnn-layers (the sheaf module's Laplacian and Householder maps use
     * it): a rows×cols output is taken from the pool, {@code forward} writes all of its value, and during
     * {@link #backward} — only if the output received a gradient — {@code backward} gets the output's gradient and
     * adds each input's vector-Jacobian product with {@link #addToGradient}. The output requires a gradient when
     * this tape records and any input does.
     */
    public Tensor custom(int rows, int cols, Consumer<MemorySegment> forward, Consumer<MemorySegment> backward,
                         Tensor... inputs) {
        Tensor y = output(rows, cols, inputs);
        forward.accept(y.data);
        record(y, () -> backward.accept(y.gradData));
        return y;
    }

    /**
     * Adds into t's gradient what {@code kernel} writes: the kernel must overwrite every element of the segment it
     * is given (t's size, row-major). Does nothing when t requires no gradient. For {@link #custom} backwards.
     */
    public void addToGradient(Tensor t, Consumer<MemorySegment> kernel) {
        accumulate(t, kernel);
    }

    // ------------------------------------------------------------------------------------------------------ machinery
    // What the package-private op families (DenseOps, ActivationOps, …) build on: pooled outputs, recording of
    // backward closures, gradient buffers.

    /** The seed that dropout masks derive from. */
    long seed() {
        return seed;
    }

    /** The number of random calls so far in this step, then one more: dropout's per-call stream number. */
    int nextRandomCall() {
        return randomCalls++;
    }

    /** A fresh output tensor from the pool; it requires a gradient when recording and any input does. */
    Tensor output(int rows, int cols, Tensor... inputs) {
        boolean rg = false;
        if (recording) {
            for (Tensor t : inputs) {
                rg |= t.requiresGrad;
            }
        }
        Tensor t = new Tensor(rows, cols, pool.take((long) rows * cols), rg);
        owned.add(t);
        return t;
    }

    /** Records the backward closure of an operation whose output requires a gradient. */
    void record(Tensor output, Runnable backward) {
        if (output.requiresGrad) {
            nodeOutputs.add(output);
            nodeBackwards.add(backward);
        }
    }

    /** The gradient buffer of t, created zeroed on first use. */
    MemorySegment gradient(Tensor t) {
        if (t.gradData == null) {
            attachGradient(t);
            t.gradData.fill((byte) 0);
        }
        return t.gradData;
    }

    /**
     * Adds a kernel's output into t's gradient: the kernel writes straight into the gradient when it does not exist
     * yet, otherwise into a pooled scratch buffer that is added and handed back to the pool at once.
     */
    void accumulate(Tensor t, Consumer<MemorySegment> kernel) {
        if (!t.requiresGrad) {
            return;
        }
        if (t.gradData == null) {
            attachGradient(t);
            kernel.accept(t.gradData);
            return;
        }
        withScratch(t.rows, t.cols, scratch -> {
            kernel.accept(scratch);
            ParallelLoops.addInto(ctx, t.gradData, scratch, t.size());
        });
    }

    /**
     * Runs {@code body} on a pooled rows×cols buffer with unspecified contents and hands the buffer back to the pool
     * as soon as it returns.
     */
    void withScratch(int rows, int cols, Consumer<MemorySegment> body) {
        withScratch(1, rows, cols, buffers -> body.accept(buffers[0]));
    }

    /** {@link #withScratch(int, int, Consumer)} with {@code count} buffers at once. */
    void withScratch(int count, int rows, int cols, Consumer<MemorySegment[]> body) {
        DataBuffer[] taken = new DataBuffer[count];
        MemorySegment[] buffers = new MemorySegment[count];
        for (int i = 0; i < count; i++) {
            taken[i] = pool.take((long) rows * cols);
            buffers[i] = Tensor.segment(taken[i], rows, cols);
        }
        body.accept(buffers);
        for (DataBuffer b : taken) {
            pool.give(b);
        }
    }

    /** Gives t an uninitialised gradient buffer: pooled for tape tensors, owned for leaves. */
    private void attachGradient(Tensor t) {
        if (t.pooled) {
            t.attachPooledGrad(pool.take(t.size()));
        } else {
            t.attachGrad(Nd4j.create(DataType.FLOAT, t.rows, t.cols));
        }
    }
}
