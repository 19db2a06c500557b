package io.gnn4j.embed;

import java.util.Arrays;

/**
 * The options of {@link FastRP}, validated on construction. With {@code M} the operator, {@code L = diag(deg^β)},
 * R the N×d random projection and α the iteration weights, FastRP computes {@code N₁ = M·L·R},
 * {@code Nᵢ = M·Nᵢ₋₁} and the embedding {@code E = σ·R̃ + Σᵢ αᵢ·norm(Nᵢ)} (Chen et al., CIKM 2019, Algorithm 1;
 * σ the node self-influence of Neo4j GDS, R̃ the row-normalised initial vectors).
 *
 * @param dimension             d, columns of the embedding (≥ 1)
 * @param iterationWeights      α₁..α_q: one weight per power of M, q ≥ 1 (finite); e.g. [0, 0, 1, 6.67]
 * @param operator              {@link Operator#TRANSITION} D⁻¹A (the paper's) or {@link Operator#ADJACENCY} A
 * @param useEdgeWeights        whether stored edge weights enter A and the degrees (otherwise every edge weighs 1)
 * @param normalizationStrength β: the initial vector of node u is scaled by {@code deg(u)^β} (deg 0 → 1);
 *                              the paper tunes β in [−1, 0]
 * @param projection            {@link Projection#SPARSE} (entries √s·{+1, 0, −1} with probabilities
 *                              {1/2s, 1−1/s, 1/2s}) or {@link Projection#GAUSSIAN} (entries N(0, 1))
 * @param sparsity              s ≥ 1 of the sparse projection, or {@link #AUTO_SPARSITY} for √N as in the paper
 * @param normalization         how the powers are row-normalised, see {@link IterationNormalization}
 * @param nodeSelfInfluence     weight of each node's own L2-normalised initial vector in the result (GDS)
 * @param propertyRatio         fraction in [0, 1) of the d columns that project node features instead of random
 *                              vectors (GDS); needs a feature matrix
 * @param standardize           whether the result's columns are finally scaled to zero mean and unit variance
 *                              (the authors' code ends with scikit-learn's {@code scale})
 * @param seed                  the random seed; the random vector of node u depends only on (seed, u)
 *
 * <p>Serializable, so that a distributed engine (gnn4j-spark) ships the options to its workers.
 */
public record FastRPParameters(int dimension, double[] iterationWeights, Operator operator, boolean useEdgeWeights,
                               double normalizationStrength, Projection projection, double sparsity,
                               IterationNormalization normalization, double nodeSelfInfluence,
                               double propertyRatio, boolean standardize, long seed)
        implements java.io.Serializable {
    /** Sparsity value meaning "√N of the graph", the paper's default. */
    public static final double AUTO_SPARSITY = 0.0;

    /** Which sparse operator is powered. */
    public enum Operator {
        /** The random-walk transition matrix {@code D⁻¹A} (row-stochastic), the paper's choice. */
        TRANSITION,
        /** The adjacency matrix A itself. */
        ADJACENCY
    }

    /** The distribution of the entries of the random projection R. */
    public enum Projection {
        /** Very sparse random projection (Li, Hastie &amp; Church 2006): √s·{+1, 0, −1}. */
        SPARSE,
        /** Dense Gaussian entries N(0, 1). */
        GAUSSIAN
    }

    /** Where per-iteration L2 row normalisation is applied. */
    public enum IterationNormalization {
        /** No normalisation: {@code E = Σ αᵢ Nᵢ}. */
        NONE,
        /**
         * The authors' code: each power enters the sum row-normalised, {@code E = Σ αᵢ Nᵢ/‖Nᵢ‖_row}, while the
         * propagation continues from the unnormalised {@code Nᵢ}.
         */
        L2_COMBINE,
        /**
         * Neo4j GDS: each power is row-normalised and the normalised rows are propagated,
         * {@code Nᵢ = norm(M·Nᵢ₋₁)}.
         */
        L2_PROPAGATE
    }

    /** Validates every field; copies the weights. */
    public FastRPParameters {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (iterationWeights == null || iterationWeights.length < 1) {
            throw new IllegalArgumentException("iterationWeights must hold at least 1 weight, got "
                    + (iterationWeights == null ? "null" : "0"));
        }
        iterationWeights = iterationWeights.clone();
        for (int i = 0; i < iterationWeights.length; i++) {
            if (!Double.isFinite(iterationWeights[i])) {
                throw new IllegalArgumentException("iterationWeights[" + i + "] must be finite, got "
                        + iterationWeights[i]);
            }
        }
        if (operator == null || projection == null || normalization == null) {
            throw new IllegalArgumentException("operator, projection and normalization must be set, got " + operator
                    + ", " + projection + ", " + normalization);
        }
        if (!Double.isFinite(normalizationStrength)) {
            throw new IllegalArgumentException("normalizationStrength must be finite, got " + normalizationStrength);
        }
        if (!(sparsity == AUTO_SPARSITY || sparsity >= 1.0 && Double.isFinite(sparsity))) {
            throw new IllegalArgumentException("sparsity must be >= 1 (or AUTO_SPARSITY = 0 for √N), got " + sparsity);
        }
        if (!Double.isFinite(nodeSelfInfluence)) {
            throw new IllegalArgumentException("nodeSelfInfluence must be finite, got " + nodeSelfInfluence);
        }
        if (!(propertyRatio >= 0.0 && propertyRatio < 1.0)) {
            throw new IllegalArgumentException("propertyRatio must be in [0, 1), got " + propertyRatio);
        }
    }

    /** Number of iterations q (powers of the operator). */
    public int iterations() {
        return iterationWeights.length;
    }

    /** The iteration weights (a copy). */
    @Override
    public double[] iterationWeights() {
        return iterationWeights.clone();
    }

    /** Powers actually computed: q without its trailing zero weights (they add nothing to the result). */
    public int effectiveIterations() {
        int last = iterationWeights.length;
        while (last > 0 && iterationWeights[last - 1] == 0) {
            last--;
        }
        return last;
    }

    /** α_i for i in 1..q. */
    public double iterationWeight(int i) {
        return iterationWeights[i - 1];
    }

    /** The sparsity used on a graph with {@code numNodes} nodes: s, or √N (at least 1) when automatic. */
    public double effectiveSparsity(int numNodes) {
        return sparsity == AUTO_SPARSITY ? Math.max(1.0, Math.sqrt(numNodes)) : sparsity;
    }

    /** Columns that carry projected node features: {@code round(propertyRatio·d)}. */
    public int propertyDimension() {
        return (int) Math.round(propertyRatio * dimension);
    }

    /** A builder starting from the paper's defaults (see {@link Builder}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these parameters. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dimension = dimension;
        b.iterationWeights = iterationWeights.clone();
        b.operator = operator;
        b.useEdgeWeights = useEdgeWeights;
        b.normalizationStrength = normalizationStrength;
        b.projection = projection;
        b.sparsity = sparsity;
        b.normalization = normalization;
        b.nodeSelfInfluence = nodeSelfInfluence;
        b.propertyRatio = propertyRatio;
        b.standardize = standardize;
        b.seed = seed;
        return b;
    }

    /**
     * The authors' BlogCatalog configuration (their notebook): transition matrix, very sparse projection with s = √N,
     * weights [0, 0, 1, 6.67], β = −0.64, powers row-normalised where they are combined, columns standardised.
     */
    public static FastRPParameters paperBlogCatalog(int dimension, long seed) {
        return builder().dimension(dimension).iterationWeights(0, 0, 1, 6.67).normalizationStrength(-0.64)
                .normalization(IterationNormalization.L2_COMBINE).standardize(true).seed(seed).build();
    }

    /**
     * Neo4j GDS's defaults: weights [0, 1, 1], β = 0, sparse projection with s = 3, each iteration normalised and
     * propagated, no self-influence, no standardisation.
     */
    public static FastRPParameters gdsDefaults(int dimension, long seed) {
        return builder().dimension(dimension).iterationWeights(0, 1, 1).sparsity(3)
                .normalization(IterationNormalization.L2_PROPAGATE).seed(seed).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastRPParameters p && dimension == p.dimension
                && Arrays.equals(iterationWeights, p.iterationWeights) && operator == p.operator
                && useEdgeWeights == p.useEdgeWeights
                && Double.compare(normalizationStrength, p.normalizationStrength) == 0 && projection == p.projection
                && Double.compare(sparsity, p.sparsity) == 0 && normalization == p.normalization
                && Double.compare(nodeSelfInfluence, p.nodeSelfInfluence) == 0
                && Double.compare(propertyRatio, p.propertyRatio) == 0 && standardize == p.standardize
                && seed == p.seed;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dimension, Arrays.hashCode(iterationWeights), operator, useEdgeWeights,
                normalizationStrength, projection, sparsity, normalization, nodeSelfInfluence, propertyRatio,
                standardize, seed);
    }

    @Override
    public String toString() {
        return "FastRPParameters(d=" + dimension + ", weights=" + Arrays.toString(iterationWeights) + ", " + operator
                + (useEdgeWeights ? "" : " (edge weights ignored)") + ", β=" + normalizationStrength + ", " + projection
                + (projection == Projection.SPARSE ? " s=" + (sparsity == AUTO_SPARSITY ? "√N" : sparsity) : "")
                + ", " + normalization + ", selfInfluence=" + nodeSelfInfluence + ", propertyRatio=" + propertyRatio
                + (standardize ? ", standardized" : "") + ", seed=" + seed + ")";
    }

    /**
     * Builds {@link FastRPParameters}. Defaults: d = 128, weights [1, 1, 1], transition matrix,
     * edge weights used, β = 0, sparse projection with s = √N, no normalisation, no self-influence, no properties,
     * no standardisation, seed 42.
     */
    public static final class Builder {
        private int dimension = 128;
        private double[] iterationWeights = {1, 1, 1};
        private Operator operator = Operator.TRANSITION;
        private boolean useEdgeWeights = true;
        private double normalizationStrength = 0;
        private Projection projection = Projection.SPARSE;
        private double sparsity = AUTO_SPARSITY;
        private IterationNormalization normalization = IterationNormalization.NONE;
        private double nodeSelfInfluence = 0;
        private double propertyRatio = 0;
        private boolean standardize = false;
        private long seed = 42;

        private Builder() {}

        public Builder dimension(int d) {
            this.dimension = d;
            return this;
        }

        public Builder iterationWeights(double... weights) {
            this.iterationWeights = weights == null ? null : weights.clone();
            return this;
        }

        public Builder operator(Operator op) {
            this.operator = op;
            return this;
        }

        public Builder useEdgeWeights(boolean use) {
            this.useEdgeWeights = use;
            return this;
        }

        public Builder normalizationStrength(double beta) {
            this.normalizationStrength = beta;
            return this;
        }

        public Builder projection(Projection p) {
            this.projection = p;
            return this;
        }

        public Builder sparsity(double s) {
            this.sparsity = s;
            return this;
        }

        public Builder normalization(IterationNormalization n) {
            this.normalization = n;
            return this;
        }

        public Builder nodeSelfInfluence(double s) {
            this.nodeSelfInfluence = s;
            return this;
        }

        public Builder propertyRatio(double r) {
            this.propertyRatio = r;
            return this;
        }

        public Builder standardize(boolean s) {
            this.standardize = s;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public FastRPParameters build() {
            return new FastRPParameters(dimension, iterationWeights, operator, useEdgeWeights, normalizationStrength,
                    projection, sparsity, normalization, nodeSelfInfluence, propertyRatio, standardize, seed);
        }
    }
}
