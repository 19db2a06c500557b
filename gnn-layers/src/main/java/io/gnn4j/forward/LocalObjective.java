package io.gnn4j.forward;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Collections;
import java.util.List;

/**
 * What each layer of a forward-learned stack is trained to do, and how the stack predicts. A layer is applied to
 * every input stream (the positive and negative inputs of forward-forward, the one class-augmented input of
 * ForwardGNN-SF) over {@link #graph()}; {@link #loss} scores the layer's outputs on the training streams, and
 * {@link #scores} turns its outputs on the prediction streams into scores — class scores for the real nodes, or edge
 * probabilities of fixed pairs for link prediction — which the {@link LocalTrainer} sums over the layers (the
 * per-layer accumulation of ForwardGNN's predictions).
 */
public interface LocalObjective {
    /** The graph the layers propagate over (possibly augmented with virtual nodes). */
    Graph graph();

    /** The inputs of the first layer during training, each {@code graph().numNodes()} rows. */
    List<Tensor> trainingInputs();

    /**
     * The inputs of the first layer for prediction; may be the very list of {@link #trainingInputs()}, in which case
     * the streams are computed once.
     */
    List<Tensor> predictionInputs();

    /**
     * The graph each training stream propagates over, in stream order: {@link #graph()} for every stream unless the
     * streams differ in their edges (forward-forward with virtual nodes).
     */
    default List<Graph> trainingGraphs() {
        return Collections.nCopies(trainingInputs().size(), graph());
    }

    /** The graph each prediction stream propagates over, in stream order; {@link #graph()} by default. */
    default List<Graph> predictionGraphs() {
        return Collections.nCopies(predictionInputs().size(), graph());
    }

    /**
     * Whether every training stream of a layer reads the same input — the layer below's output on the first stream —
     * so that the streams differ only in their {@link #trainingGraphs() graphs}; otherwise each stream carries its own
     * output to the next layer.
     */
    default boolean trainingStreamsShareInput() {
        return false;
    }

    /** The local loss of layer {@code layer} (from 0) on its outputs for the training streams, in stream order. */
    Tensor loss(Tape tape, int layer, List<Tensor> outputs);

    /**
     * Layer {@code layer}'s scores from its outputs for the prediction streams: class scores (real nodes × classes),
     * or {@link LinkObjective}'s column of edge probabilities.
     */
    Tensor scores(Tape tape, int layer, List<Tensor> outputs);
}
