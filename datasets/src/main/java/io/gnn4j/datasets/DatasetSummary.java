package io.gnn4j.datasets;

import io.gnn4j.graph.Graph;
import java.util.List;
import java.util.Locale;

/**
 * The headline numbers of any {@link Dataset}, printable as a few aligned lines: nodes, edges (undirected pairs, or
 * arcs when directed), features, classes, edge homophily (Zhu et al., "Beyond Homophily in Graph Neural Networks",
 * NeurIPS 2020: the fraction of edges u–v, u ≠ v, whose endpoints share a class, over edges with both endpoints
 * labelled; NaN when undefined), degree statistics over stored entries per node (out-degree when directed; a self
 * loop counts once), isolated nodes (no edge to another node) and self loops. For a {@link GraphDataset} the
 * numbers run over all graphs together and {@code classes} counts graph classes; for a {@link RatingsDataset} the
 * graph is the user–item graph.
 */
public record DatasetSummary(String name, String kind, int graphs, long nodes, long edges, boolean directed, int features,
                             int classes, double edgeHomophily, int minDegree, double meanDegree, int maxDegree,
                             long isolatedNodes, long selfLoops) {

    /** Summarises a dataset. */
    public static DatasetSummary of(Dataset d) {
        return switch (d) {
            case NodeDataset n -> {
                int classes = n.multiLabels() != null ? n.multiLabels().numLabels() : n.numClasses();
                yield of(n.name(), "node classification" + (n.multiLabels() != null ? ", multi-label" : ""),
                        List.of(n.graph()), n.numFeatures(), classes, edgeHomophily(n.graph(), n.labels()));
            }
            case GraphDataset g -> of(g.name(), "graph classification", g.graphs(), g.numFeatures(), g.numClasses(),
                    Double.NaN);
            case RatingsDataset r -> of(r.name(), "ratings: " + r.numUsers() + " users × " + r.numItems() + " items, "
                    + r.numRatings() + " ratings", List.of(r.graph()), 0, 0, Double.NaN);
        };
    }

    private static DatasetSummary of(String name, String kind, List<Graph> graphs, int features, int classes, double h) {
        long nodes = 0, edges = 0, isolated = 0, loops = 0, entries = 0;
        int min = Integer.MAX_VALUE, max = 0;
        boolean directed = false;
        for (Graph g : graphs) {
            directed |= g.isDirected();
            int[] rp = g.rowPtr(), ci = g.colIdx();
            nodes += g.numNodes();
            edges += g.numEdges();
            entries += g.numEntries();
            for (int u = 0; u < g.numNodes(); u++) {
                int deg = rp[u + 1] - rp[u];
                min = Math.min(min, deg);
                max = Math.max(max, deg);
                boolean loop = deg > 0 && java.util.Arrays.binarySearch(ci, rp[u], rp[u + 1], u) >= 0;
                if (loop) {
                    loops++;
                }
                if (deg == (loop ? 1 : 0) && !(g.isDirected() && g.transpose().degree(u) > (loop ? 1 : 0))) {
                    isolated++;
                }
            }
        }
        return new DatasetSummary(name, kind, graphs.size(), nodes, edges, directed, features, classes, h,
                nodes == 0 ? 0 : min, nodes == 0 ? 0 : (double) entries / nodes, max, isolated, loops);
    }

    /**
     * Edge homophily: among stored entries u→v with u ≠ v and both labels ≥ 0, the fraction with equal labels
     * (for an undirected graph each edge is counted in both directions, which leaves the ratio unchanged); NaN when
     * there is no such entry.
     */
    public static double edgeHomophily(Graph g, int[] labels) {
        if (labels.length != g.numNodes()) {
            throw new IllegalArgumentException(labels.length + " labels for " + g.numNodes() + " nodes");
        }
        int[] rp = g.rowPtr(), ci = g.colIdx();
        long same = 0, total = 0;
        for (int u = 0; u < g.numNodes(); u++) {
            if (labels[u] < 0) {
                continue;
            }
            for (int k = rp[u]; k < rp[u + 1]; k++) {
                int v = ci[k];
                if (v != u && labels[v] >= 0) {
                    total++;
                    if (labels[v] == labels[u]) {
                        same++;
                    }
                }
            }
        }
        return total == 0 ? Double.NaN : (double) same / total;
    }

    /** The summary as aligned "key value" lines. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        line(sb, "dataset", name + " (" + kind + ")");
        if (graphs > 1) {
            line(sb, "graphs", fmt(graphs));
        }
        line(sb, "nodes", fmt(nodes));
        line(sb, "edges", fmt(edges) + (directed ? " directed" : " undirected"));
        line(sb, "features", fmt(features));
        line(sb, "classes", fmt(classes));
        line(sb, "edge homophily", Double.isNaN(edgeHomophily) ? "n/a" : String.format(Locale.ROOT, "%.4f", edgeHomophily));
        line(sb, "degree", String.format(Locale.ROOT, "min %d, mean %.2f, max %d", minDegree, meanDegree, maxDegree));
        line(sb, "isolated nodes", fmt(isolatedNodes));
        line(sb, "self loops", fmt(selfLoops));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-15s %s%n", key, value));
    }

    private static String fmt(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
