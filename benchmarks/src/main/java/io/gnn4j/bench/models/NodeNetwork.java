package io.gnn4j.bench.models;

import io.gnn4j.layers.GraphModule;
import io.gnn4j.nn.Parameter;
import java.util.Set;

/**
 * A freshly initialised node-classification network (N×F features → N×C logits) and the parameters that get L2
 * weight decay; the others get none (GCN decays its first layer only, as in Kipf &amp; Welling's code).
 */
public record NodeNetwork(GraphModule module, Set<Parameter> decayed) {
}
