package io.gnn4j.bench.task;

import io.gnn4j.forward.TopDownTrainer;

/**
 * How a node classifier is trained: end to end by backpropagation ({@link NodeClassification}), or layer by layer
 * with a local objective ({@link ForwardNodeClassification}): forward-forward (labels appended to the features, or
 * linked to class virtual nodes), ForwardGNN-SF, ForwardGNN-SF with the
 * top-down signal into the input or into the loss, or tpSGD (predicting through its fixed projections, or through a
 * readout trained on the last layer).
 */
public enum Training {
    BACKPROP("backprop", null), FF("ff", null), FF_VN("ff-vn", null), FORWARD_SF("forward-sf", null),
    FORWARD_TD_INPUT("forward-td-input", TopDownTrainer.Signal.INPUT),
    FORWARD_TD_LOSS("forward-td-loss", TopDownTrainer.Signal.LOSS), TPSGD("tpsgd", null),
    TPSGD_READOUT("tpsgd-readout", null);

    private final String label;
    private final TopDownTrainer.Signal topDown;

    Training(String label, TopDownTrainer.Signal topDown) {
        this.label = label;
        this.topDown = topDown;
    }

    /** The top-down signal of a ForwardGNN-SF variant with one, else null. */
    public TopDownTrainer.Signal topDown() {
        return topDown;
    }

    /** The command-line spelling. */
    public String label() {
        return label;
    }

    /** Parses a command-line spelling, case-insensitively. */
    public static Training parse(String s) {
        for (Training t : values()) {
            if (t.label.equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown training '" + s + "': use backprop, ff, ff-vn, forward-sf, "
                + "forward-td-input, forward-td-loss, tpsgd or tpsgd-readout");
    }
}
