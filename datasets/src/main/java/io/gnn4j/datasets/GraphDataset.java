package io.gnn4j.datasets;

import io.gnn4j.graph.Graph;
import java.util.List;

/**
 * A dataset of many small graphs for graph-level tasks: graph i is {@code graphs.get(i)} with node features
 * {@code nodeFeatures.get(i)} (row-major, numNodes×numFeatures) and class {@code labels[i]} in
 * {@code 0..numClasses-1}.
 */
public record GraphDataset(String name, List<Graph> graphs, int numFeatures, List<float[]> nodeFeatures, int[] labels,
                           int numClasses) implements Dataset {
    public GraphDataset {
        graphs = List.copyOf(graphs);
        nodeFeatures = List.copyOf(nodeFeatures);
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
}
