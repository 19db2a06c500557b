package io.gnn4j.datasets;

import io.gnn4j.graph.Graph;
import java.util.List;

/**
 * A dataset of many small graphs for graph-level tasks: graph i is {@code graphs.get(i)} with node features
 * {@code nodeFeatures.get(i)} (row-major, numNodes×numFeatures) and class {@code labels[i]} in
 * {@code 0..numClasses-1}. A regression dataset carries real {@code targets} (null otherwise; a dataset with targets
 * only has one class, every label 0); a dataset published with a fixed train/val/test division carries it in
 * {@code splits} (empty otherwise: cross-validation folds are drawn by the caller).
 */
public record GraphDataset(String name, List<Graph> graphs, int numFeatures, List<float[]> nodeFeatures, int[] labels,
                           int numClasses, GraphTargets targets, List<Split> splits) implements Dataset {
    /** A classification dataset without targets or fixed splits. */
    public GraphDataset(String name, List<Graph> graphs, int numFeatures, List<float[]> nodeFeatures, int[] labels,
                        int numClasses) {
        this(name, graphs, numFeatures, nodeFeatures, labels, numClasses, null, List.of());
    }

    public GraphDataset {
        graphs = List.copyOf(graphs);
        nodeFeatures = List.copyOf(nodeFeatures);
        splits = List.copyOf(splits);
        if (targets != null && targets.numGraphs() != graphs.size()) {
            throw new IllegalArgumentException(name + ": " + targets.numGraphs() + " target rows for " + graphs.size()
                    + " graphs");
        }
        for (Split s : splits) {
            s.checkedAgainst(graphs.size());
        }
        if (graphs.size() != labels.length || graphs.size() != nodeFeatures.size()) {
            throw new IllegalArgumentException(name + ": " + graphs.size() + " graphs, " + nodeFeatures.size()
                    + " feature matrices, " + labels.length + " labels");
        }
        for (int i = 0; i < graphs.size(); i++) {
            if ((long) graphs.get(i).numNodes() * numFeatures != nodeFeatures.get(i).length) {
                throw new IllegalArgumentException(name + ": graph " + i + " has " + graphs.get(i).numNodes()
                        + " nodes but " + nodeFeatures.get(i).length + " feature values for " + numFeatures + " features");
            }
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of graph " + i + " is outside 0.."
                        + (numClasses - 1));
            }
        }
    }

    /** The same dataset with other node features (F columns per node), keeping labels, targets and splits. */
    public GraphDataset withNodeFeatures(int numFeatures, List<float[]> nodeFeatures) {
        return new GraphDataset(name, graphs, numFeatures, nodeFeatures, labels.clone(), numClasses, targets, splits);
    }

    /** The split with this name. */
    public Split split(String splitName) {
        return splits.stream().filter(s -> s.name().equals(splitName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException(name + " has no split '" + splitName + "'; it has "
                        + splits.stream().map(Split::name).toList()));
    }
}
