package io.gnn4j.datasets.generate;

/**
 * Parameters of a contextual stochastic block model (Deshpande et al., "Contextual Stochastic Block Models",
 * NeurIPS 2018) parameterised by its expected edge homophily: C balanced classes, an undirected SBM whose
 * within-class and between-class edge probabilities give expected degree d and an expected fraction h of
 * same-class edges — p_in = h·d / (N/C − 1), p_out = (1 − h)·d / (N − N/C) — and Gaussian features
 * x = signal·μ[y] + N(0, I) with class means μ ~ N(0, I). See {@link Generators#contextualSbm(ContextualSbm)}.
 *
 * @param numNodes      N (a multiple of C keeps the formula exact; otherwise classes differ by one node)
 * @param numClasses    C ≥ 2
 * @param avgDegree     d
 * @param homophily     h in [0, 1]
 * @param numFeatures   F
 * @param featureSignal scale of the class means
 * @param seed          seed
 */
public record ContextualSbm(int numNodes, int numClasses, double avgDegree, double homophily, int numFeatures,
                            double featureSignal, long seed) {
    public ContextualSbm {
        if (numClasses < 2 || numNodes < 2 * numClasses) {
            throw new IllegalArgumentException("need numClasses >= 2 and numNodes >= 2·numClasses, got " + numClasses
                    + " classes and " + numNodes + " nodes");
        }
        if (!(homophily >= 0 && homophily <= 1)) {
            throw new IllegalArgumentException("homophily " + homophily + " is outside [0, 1]");
        }
        if (!(avgDegree >= 0)) {
            throw new IllegalArgumentException("avgDegree must be >= 0, got " + avgDegree);
        }
        if (numFeatures < 0) {
            throw new IllegalArgumentException("numFeatures must be >= 0, got " + numFeatures);
        }
    }

    /** Within-class edge probability h·d / (N/C − 1). */
    public double pIn() {
        return homophily * avgDegree / ((double) numNodes / numClasses - 1);
    }

    /** Between-class edge probability (1 − h)·d / (N − N/C). */
    public double pOut() {
        return (1 - homophily) * avgDegree / (numNodes - (double) numNodes / numClasses);
    }
}
