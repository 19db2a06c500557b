package io.gnn4j.bench.data;

import io.gnn4j.datasets.NodeDataset;

/**
 * Row normalisation of node features, as PyG's {@code NormalizeFeatures} and the GCN/GAT reference code apply it to
 * the citation datasets: each row x_u becomes x_u / Σ_j |x_uj|, and an all-zero row stays zero.
 */
public final class FeatureNormalization {
    private FeatureNormalization() {
    }

    /** {@code d} with row-normalised features (a copy; graph, labels and splits are shared). */
    public static NodeDataset rowNormalized(NodeDataset d) {
        int n = d.graph().numNodes(), f = d.numFeatures();
        float[] x = d.features().clone();
        for (int u = 0; u < n; u++) {
            double sum = 0;
            for (int j = 0; j < f; j++) {
                sum += Math.abs(x[u * f + j]);
            }
            if (sum > 0) {
                float inv = (float) (1.0 / sum);
                for (int j = 0; j < f; j++) {
                    x[u * f + j] *= inv;
                }
            }
        }
        return new NodeDataset(d.name(), d.graph(), f, x, d.labels(), d.numClasses(), d.splits(), d.multiLabels());
    }
}
