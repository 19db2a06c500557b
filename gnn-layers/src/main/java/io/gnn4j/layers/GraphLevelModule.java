package io.gnn4j.layers;

import io.gnn4j.graph.GraphBatch;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;

/**
 * A network for graph-level tasks: a batch of B graphs with N nodes in all and their concatenated node features
 * (N×F) to one output row per graph (B×C: class logits or regression targets). The common type of
 * {@link PerLayerReadoutNetwork} (GIN, GCN) and other graph-level networks, so the harness trains any of them the same
 * way.
 */
public abstract class GraphLevelModule extends Module {
    /** The graphs' outputs, one row per graph of {@code batch}, for its concatenated node features {@code x}. */
    public abstract Tensor forward(Tape tape, GraphBatch batch, Tensor x);

    /**
     * A representation of each graph of {@code batch} before the output layer, one row per graph
     * ({@link #embeddingWidth()} columns): what contrastive objectives compare ({@link GraphContrastiveLoss}).
     */
    public abstract Tensor embed(Tape tape, GraphBatch batch, Tensor x);

    /** The number of columns of {@link #embed}'s result. */
    public abstract int embeddingWidth();
}
