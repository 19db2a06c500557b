package io.gnn4j.datasets.tu;

import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.graph.Graph;
import java.util.ArrayList;
import java.util.List;

/**
 * Node features from node degrees, for graph datasets without node labels (IMDB-BINARY): the input of the social
 * datasets in Xu et al., "How Powerful are Graph Neural Networks?" (ICLR 2019). Degree = stored entries of the
 * node's CSR row (neighbours; a self loop counts once), as PyG's {@code degree} counts.
 */
public final class DegreeFeatures {
    private DegreeFeatures() {
    }

    /** The largest node degree over all graphs. */
    public static int maxDegree(GraphDataset d) {
        int max = 0;
        for (Graph g : d.graphs()) {
            for (int u = 0; u < g.numNodes(); u++) {
                max = Math.max(max, g.degree(u));
            }
        }
        return max;
    }

    /**
     * PyG's {@code OneHotDegree(maxDegree)}: column {@code degree} of a width {@code maxDegree + 1} one-hot block,
     * appended after the existing features ({@code cat=True}) or replacing them.
     *
     * @throws IllegalArgumentException when some node's degree exceeds maxDegree (naming both)
     */
    public static GraphDataset oneHot(GraphDataset d, int maxDegree, boolean append) {
        if (maxDegree < 0) {
            throw new IllegalArgumentException("maxDegree must be >= 0, got " + maxDegree);
        }
        int[] columnOfDegree = new int[maxDegree + 1];
        for (int k = 0; k <= maxDegree; k++) {
            columnOfDegree[k] = k;
        }
        return withDegreeColumns(d, columnOfDegree, maxDegree + 1, append, "maxDegree " + maxDegree);
    }

    /**
     * The GIN code's {@code degree_as_tag}: the distinct degrees present in the dataset, sorted ascending, each get
     * one one-hot column; the result replaces the features.
     */
    public static GraphDataset degreeAsTag(GraphDataset d) {
        int max = maxDegree(d);
        boolean[] present = new boolean[max + 1];
        for (Graph g : d.graphs()) {
            for (int u = 0; u < g.numNodes(); u++) {
                present[g.degree(u)] = true;
            }
        }
        int[] column = new int[max + 1];
        int width = 0;
        for (int k = 0; k <= max; k++) {
            column[k] = present[k] ? width++ : -1;
        }
        return withDegreeColumns(d, column, width, false, "");
    }

    private static GraphDataset withDegreeColumns(GraphDataset d, int[] column, int width, boolean append, String bound) {
        int old = append ? d.numFeatures() : 0;
        int f = old + width;
        List<float[]> feats = new ArrayList<>(d.graphs().size());
        for (int gi = 0; gi < d.graphs().size(); gi++) {
            Graph g = d.graphs().get(gi);
            float[] src = d.nodeFeatures().get(gi);
            float[] x = new float[g.numNodes() * f];
            for (int u = 0; u < g.numNodes(); u++) {
                int deg = g.degree(u);
                if (deg >= column.length) {
                    throw new IllegalArgumentException("node " + u + " of graph " + gi + " has degree " + deg
                            + ", above " + bound);
                }
                if (old > 0) {
                    System.arraycopy(src, u * d.numFeatures(), x, u * f, old);
                }
                x[u * f + old + column[deg]] = 1f;
            }
            feats.add(x);
        }
        return d.withNodeFeatures(f, feats);
    }
}
