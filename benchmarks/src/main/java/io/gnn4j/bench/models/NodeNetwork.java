package io.gnn4j.bench.models;

import io.gnn4j.layers.GraphModule;
import io.gnn4j.nn.Parameter;
import java.util.Map;

/**
 * A freshly initialised node-classification network (N×F features → N×C logits) and the L2 weight decay of each of its
 * parameters that gets one; the others get none (GCN decays its first layer only, as in Kipf &amp; Welling's code; NSD
 * may give its sheaf learners their own decay, as the official code's sheaf_decay).
 */
public record NodeNetwork(GraphModule module, Map<Parameter, Double> weightDecay) {
}
