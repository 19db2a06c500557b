package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Init;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Batch normalisation over the rows (nodes or graphs) of an N×F feature matrix, as PyTorch's BatchNorm1d (Ioffe
 * &amp; Szegedy, "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift",
 * ICML 2015, arXiv:1502.03167); GIN (Xu et al. 2019) applies it in every MLP layer.
 * <pre>
 *   y_ic = γ_c · (x_ic − μ_c) / √(σ²_c + ε) + β_c
 * </pre>
 * In training mode μ and σ² are the batch's per-column mean and biased variance, and each forward pass updates the
 * running statistics: {@code running = (1 − momentum)·running + momentum·batch}, with the unbiased variance
 * σ²·N/(N−1) for the running variance. In evaluation mode the running statistics replace the batch's. Options:
 * ε (default {@value #DEFAULT_EPS}), momentum (default {@value #DEFAULT_MOMENTUM}). Parameters {@code weight} (γ,
 * 1×F, initialised to 1) and {@code bias} (β, 1×F, initialised to 0); running mean starts at 0, running variance
 * at 1. The running statistics are buffers ({@code running_mean}, {@code running_var}, PyTorch's names), not
 * parameters: optimisers do not see them, {@link io.gnn4j.nn.StateDict} saves and loads them. Shapes:
 * N×F → N×F (N ≥ 2 in training).
 */
public final class BatchNorm extends GraphModule {
    /** PyTorch's default ε. */
    public static final float DEFAULT_EPS = 1e-5f;
    /** PyTorch's default momentum of the running statistics. */
    public static final float DEFAULT_MOMENTUM = 0.1f;

    private final int features;
    private final float eps;
    private final float momentum;
    private final Parameter weight;
    private final Parameter bias;
    private final float[] runningMean;
    private final float[] runningVar;
    private final float[] batchMean;
    private final float[] batchVar;
    private long batchesTracked;

    /** Batch normalisation of F = {@code features} columns with ε = 1e-5 and momentum 0.1. */
    public BatchNorm(int features) {
        this(features, DEFAULT_EPS, DEFAULT_MOMENTUM);
    }

    /** Batch normalisation with ε &gt; 0 and momentum in [0, 1]. */
    public BatchNorm(int features, float eps, float momentum) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be > 0, got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], got " + momentum);
        }
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = addParameter("weight", 1, features);
        this.bias = addParameter("bias", 1, features);
        this.runningMean = addBuffer("running_mean", new float[features]);
        this.runningVar = addBuffer("running_var", new float[features]);
        this.batchMean = new float[features];
        this.batchVar = new float[features];
        initialise();
    }

    /** γ = 1, β = 0, running mean 0, running variance 1; draws nothing from {@code rng}. */
    @Override
    public void resetParameters(RandomGenerator rng) {
        initialise();
        super.resetParameters(rng);
    }

    private void initialise() {
        Init.constant(weight, 1f);
        Init.zeros(bias);
        Arrays.fill(runningMean, 0f);
        Arrays.fill(runningVar, 1f);
        batchesTracked = 0;
    }

    /** Normalises x (N×F) with the batch's statistics in training mode, the running ones in evaluation mode. */
    public Tensor forward(Tape tape, Tensor x) {
        if (x.cols() != features) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns but the layer normalises " + features);
        }
        if (!isTraining()) {
            return tape.batchNormInference(x, weight, bias, runningMean, runningVar, eps);
        }
        Tensor y = tape.batchNorm(x, weight, bias, eps, batchMean, batchVar);
        int n = x.rows();
        float unbias = (float) n / (n - 1);
        for (int c = 0; c < features; c++) {
            runningMean[c] = (1 - momentum) * runningMean[c] + momentum * batchMean[c];
            runningVar[c] = (1 - momentum) * runningVar[c] + momentum * batchVar[c] * unbias;
        }
        batchesTracked++;
        return y;
    }

    @Override
    public Tensor forward(Tape tape, Graph graph, Tensor x) {
        return forward(tape, x);
    }

    /** γ, 1×F. */
    public Parameter weight() {
        return weight;
    }

    /** β, 1×F. */
    public Parameter bias() {
        return bias;
    }

    /** The running per-column mean, length F; the live buffer, no copy. */
    public float[] runningMean() {
        return runningMean;
    }

    /** The running per-column unbiased variance, length F; the live buffer, no copy. */
    public float[] runningVar() {
        return runningVar;
    }

    /** Number of training-mode forward passes since construction or the last reset. */
    public long batchesTracked() {
        return batchesTracked;
    }

    @Override
    public String toString() {
        return "BatchNorm(" + features + ")";
    }
}
