package io.gnn4j.datasets.tu;

import io.gnn4j.datasets.GraphDataset;
import java.util.List;

/**
 * A TU dataset as loaded by {@link TuFormat}: the {@link GraphDataset} plus everything in the files that a
 * GraphDataset has no field for, so nothing is dropped silently.
 *
 * @param dataset             graphs (undirected, local node ids in file order), node features, classes 0..C−1
 * @param graphLabelValues    the published graph label of class c is {@code graphLabelValues[c]} (sorted ascending)
 * @param nodeAttributeColumns number of leading feature columns that are node attributes (0 when absent/excluded)
 * @param nodeLabelColumns    number of one-hot node-label columns after the attributes (0 without node labels)
 * @param nodeLabelMin        the published node label of one-hot column 0 (0 without node labels)
 * @param edgeLabels          per graph, the edge label of each stored CSR entry (aligned with {@code colIdx});
 *                            null when the dataset has no {@code _edge_labels.txt}
 * @param aLines              lines in {@code _A.txt}
 * @param duplicateLines      lines of {@code _A.txt} repeating an earlier (row, col) pair (merged, counted here)
 * @param unreadFiles         optional files present but not loaded: {@code _edge_attributes.txt}, and
 *                            {@code _node_attributes.txt} with
 *                            {@link TuFeatures#LABELS_ONLY}
 */
public record TuGraphs(GraphDataset dataset, int[] graphLabelValues, int nodeAttributeColumns, int nodeLabelColumns,
                       int nodeLabelMin, List<int[]> edgeLabels, int aLines, int duplicateLines,
                       List<String> unreadFiles) {
    public TuGraphs {
        unreadFiles = List.copyOf(unreadFiles);
        graphLabelValues = graphLabelValues.clone();
        edgeLabels = edgeLabels == null ? null : List.copyOf(edgeLabels);
    }

    /** Total number of nodes over all graphs. */
    public long totalNodes() {
        long n = 0;
        for (var g : dataset.graphs()) {
            n += g.numNodes();
        }
        return n;
    }

    /** Total number of undirected edges over all graphs. */
    public long totalEdges() {
        long e = 0;
        for (var g : dataset.graphs()) {
            e += g.numEdges();
        }
        return e;
    }
}
