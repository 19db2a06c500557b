package io.gnn4j.datasets.tu;

/**
 * Which node features {@link TuFormat} builds. One-hot node labels follow PyG's {@code TUDataset}: column
 * {@code label − min(label)}, width {@code max − min + 1}. With attributes, the attribute columns come first and
 * the one-hot columns after them, as in PyG's {@code use_node_attr=True}.
 */
public enum TuFeatures {
    /** Attributes (when the dataset has {@code _node_attributes.txt}) followed by one-hot node labels. */
    ATTRIBUTES_AND_LABELS,
    /** One-hot node labels only: PyG's {@code TUDataset} default ({@code use_node_attr=False}). */
    LABELS_ONLY
}
