package io.gnn4j.directed;

import io.gnn4j.datasets.DatasetSummary;
import io.gnn4j.graph.Components;
import io.gnn4j.graph.Graph;
import java.util.Arrays;
import java.util.Locale;

/**
 * Label and direction statistics of a graph with node labels (label −1: unlabelled, ignored). Arcs are the stored
 * entries u→v with u ≠ v (self loops are ignored everywhere); labels are compared along arcs, grouped at the target
 * as PyG's {@code torch_geometric.utils.homophily} groups at {@code edge_index[1]}:
 * <ul>
 *   <li>edge homophily (Zhu et al., NeurIPS 2020): the share of arcs between labelled nodes whose endpoints share a
 *       class ({@link DatasetSummary#edgeHomophily});</li>
 *   <li>node homophily (Pei et al., Geom-GCN, ICLR 2020): the mean over nodes with at least one labelled
 *       in-neighbour of the share of in-neighbours in the node's class (PyG also averages in nodes without
 *       in-neighbours, as 0; this mean leaves them out);</li>
 *   <li>class-insensitive homophily (Lim et al., "Large Scale Learning on Non-Homophilous Graphs", NeurIPS 2021):
 *       {@code 1/(C−1) Σ_k max(0, h_k − |C_k|/n)}, h_k the share of arcs into class-k nodes that come from class k,
 *       |C_k|/n the class's share of the labelled nodes;</li>
 *   <li>reciprocity: the share of arcs u→v whose reverse v→u is stored (1 for an undirected graph);</li>
 *   <li>in- and out-degree summaries over arcs, and the numbers of weakly and strongly connected components
 *       ({@link Components}).</li>
 * </ul>
 * NaN marks a homophily that is undefined (no labelled arc, or fewer than two classes).
 */
public record DirectedStatistics(long arcs, double edgeHomophily, double nodeHomophily,
                                 double classInsensitiveHomophily, double reciprocity, DegreeSummary inDegree,
                                 DegreeSummary outDegree, int weakComponents, int strongComponents) {

    /**
     * Minimum, median, mean and maximum of a degree sequence, and how many nodes have degree 0.
     */
    public record DegreeSummary(int min, double median, double mean, int max, int zeros) {
        static DegreeSummary of(int[] degrees) {
            if (degrees.length == 0) {
                return new DegreeSummary(0, Double.NaN, Double.NaN, 0, 0);
            }
            int[] s = degrees.clone();
            Arrays.sort(s);
            long sum = 0;
            int zeros = 0;
            for (int d : s) {
                sum += d;
                zeros += d == 0 ? 1 : 0;
            }
            int m = s.length / 2;
            double median = s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
            return new DegreeSummary(s[0], median, (double) sum / s.length, s[s.length - 1], zeros);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "min %d, median %.1f, mean %.2f, max %d, %d zero", min, median, mean,
                    max, zeros);
        }
    }

    /** The statistics of {@code g} with one label per node (−1 for unlabelled). */
    public static DirectedStatistics of(Graph g, int[] labels) {
        int n = g.numNodes();
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " nodes");
        }
        int classes = 0;
        int labelled = 0;
        for (int y : labels) {
            classes = Math.max(classes, y + 1);
            labelled += y >= 0 ? 1 : 0;
        }
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        int[] out = new int[n], in = new int[n];
        long arcs = 0, reciprocated = 0;
        for (int u = 0; u < n; u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int v = colIdx[k];
                if (v == u) {
                    continue;
                }
                arcs++;
                out[u]++;
                in[v]++;
                if (g.hasEdge(v, u)) {
                    reciprocated++;
                }
            }
        }
        // Grouped at the target: per node the labelled in-neighbours and those in its class; per class the same.
        Graph t = g.transpose();
        int[] tRowPtr = t.rowPtr(), tColIdx = t.colIdx();
        long[] classArcs = new long[classes], classSame = new long[classes];
        double nodeSum = 0;
        int nodeCount = 0;
        for (int v = 0; v < n; v++) {
            if (labels[v] < 0) {
                continue;
            }
            int total = 0, same = 0;
            for (int k = tRowPtr[v]; k < tRowPtr[v + 1]; k++) {
                int u = tColIdx[k];
                if (u != v && labels[u] >= 0) {
                    total++;
                    same += labels[u] == labels[v] ? 1 : 0;
                }
            }
            classArcs[labels[v]] += total;
            classSame[labels[v]] += same;
            if (total > 0) {
                nodeSum += (double) same / total;
                nodeCount++;
            }
        }
        return new DirectedStatistics(arcs, DatasetSummary.edgeHomophily(g, labels),
                nodeCount == 0 ? Double.NaN : nodeSum / nodeCount,
                classInsensitive(labels, classes, labelled, classArcs, classSame),
                arcs == 0 ? Double.NaN : (double) reciprocated / arcs, DegreeSummary.of(in), DegreeSummary.of(out),
                Components.countWeak(g), Components.countStrong(g));
    }

    private static double classInsensitive(int[] labels, int classes, int labelled, long[] classArcs,
                                           long[] classSame) {
        if (classes < 2 || labelled == 0) {
            return Double.NaN;
        }
        long[] size = new long[classes];
        for (int y : labels) {
            if (y >= 0) {
                size[y]++;
            }
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            double h = classArcs[k] == 0 ? 0 : (double) classSame[k] / classArcs[k];
            sum += Math.max(0, h - (double) size[k] / labelled);
        }
        return sum / (classes - 1);
    }

    /** The statistics as aligned "key value" lines, in the style of {@link DatasetSummary#toString()}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        line(sb, "arcs", String.format(Locale.ROOT, "%,d (non-loop stored entries)", arcs));
        line(sb, "node homophily", fmt(nodeHomophily));
        line(sb, "class-insens. h", fmt(classInsensitiveHomophily));
        line(sb, "reciprocity", fmt(reciprocity));
        line(sb, "in-degree", inDegree.toString());
        line(sb, "out-degree", outDegree.toString());
        line(sb, "components", String.format(Locale.ROOT, "%,d weak, %,d strong", weakComponents, strongComponents));
        return sb.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-15s %s%n", key, value));
    }
}
