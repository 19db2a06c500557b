package io.gnn4j.datasets;

import io.gnn4j.graph.Graph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The input features given to a node dataset that has none (F = 0), the featureless defaults PyG users know: the
 * identity matrix ({@code torch.eye(N)}, as PyG's {@code KarateClub}) or PyG's {@code OneHotDegree(maxDegree)} with
 * the graph's largest degree (degree = entries of the node's CSR row, as PyG's {@code degree} of the source index).
 * A dataset that has features is returned unchanged. A graph-level dataset without node features (IMDB-BINARY) takes
 * one-hot degrees only, with the largest degree over all its graphs, as PyG's {@code OneHotDegree} on a TU dataset
 * and the GIN paper's inputs for the social-network sets (Xu et al. 2019, §7): node ids mean nothing across graphs.
 */
public enum Featureless {
    /** One-hot node ids: an N×N identity matrix. */
    ONE_HOT_IDS,
    /** One-hot degrees: N×(maxDegree+1), column = degree. */
    DEGREE;

    /** Largest N×N identity this builds: a dense float matrix beyond it would not fit a Java array. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    /** By its command-line spelling, {@code one-hot-ids} or {@code degree} (any case, '_' for '-' allowed). */
    public static Featureless of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "one-hot-ids" -> ONE_HOT_IDS;
            case "degree" -> DEGREE;
            default -> throw new IllegalArgumentException("unknown featureless default '" + name
                    + "': use one-hot-ids or degree");
        };
    }

    /** {@code d} with these features when it has none, else {@code d} itself. */
    public NodeDataset apply(NodeDataset d) {
        if (d.numFeatures() > 0) {
            return d;
        }
        Graph g = d.graph();
        int n = g.numNodes();
        int width = this == ONE_HOT_IDS ? n : maxDegree(g) + 1;
        if ((long) n * width > MAX_VALUES) {
            throw new IllegalArgumentException(d.name() + ": " + this + " features would be " + n + "×" + width
                    + " floats, more than a Java array holds" + (this == ONE_HOT_IDS ? "; use DEGREE" : ""));
        }
        float[] x;
        if (this == DEGREE) {
            x = oneHotDegrees(g, width);
        } else {
            x = new float[n * width];
            for (int u = 0; u < n; u++) {
                x[u * width + u] = 1f;
            }
        }
        return new NodeDataset(d.name(), g, width, x, Arrays.copyOf(d.labels(), n), d.numClasses(), d.splits(),
                d.multiLabels());
    }

    /** {@code d} with one-hot degree features (width: the largest degree of any graph + 1) when it has none. */
    public GraphDataset apply(GraphDataset d) {
        if (d.numFeatures() > 0) {
            return d;
        }
        if (this != DEGREE) {
            throw new IllegalArgumentException(d.name() + ": " + this + " does not apply to a dataset of many graphs "
                    + "(node ids are not comparable across graphs); use DEGREE");
        }
        int width = 1;
        for (Graph g : d.graphs()) {
            width = Math.max(width, maxDegree(g) + 1);
        }
        List<float[]> features = new ArrayList<>(d.graphs().size());
        for (Graph g : d.graphs()) {
            features.add(oneHotDegrees(g, width));
        }
        return d.withNodeFeatures(width, features);
    }

    private static float[] oneHotDegrees(Graph g, int width) {
        float[] x = new float[g.numNodes() * width];
        for (int u = 0; u < g.numNodes(); u++) {
            x[u * width + g.degree(u)] = 1f;
        }
        return x;
    }

    private static int maxDegree(Graph g) {
        int max = 0;
        for (int u = 0; u < g.numNodes(); u++) {
            max = Math.max(max, g.degree(u));
        }
        return max;
    }
}
