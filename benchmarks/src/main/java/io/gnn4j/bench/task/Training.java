package io.gnn4j.bench.task;

/**
 * How a node classifier is trained: end to end by backpropagation ({@link NodeClassification}), or layer by layer
 * with a local objective ({@link ForwardNodeClassification}): forward-forward, ForwardGNN-SF or tpSGD.
 */
public enum Training {
    BACKPROP("backprop"), FF("ff"), FORWARD_SF("forward-sf"), TPSGD("tpsgd");

    private final String label;

    Training(String label) {
        this.label = label;
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
        throw new IllegalArgumentException("unknown training '" + s + "': use backprop, ff, forward-sf or tpsgd");
    }
}
