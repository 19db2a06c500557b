package io.gnn4j.bench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.layers.GATConv;
import io.gnn4j.layers.Sequential;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The harness's networks have the depth, widths and weight decays their Javadoc states. */
class NodeNetworksTest {
    private static final NodeDataset DATA = new NodeDataset("path", GraphBuilder.undirected(4).addEdge(0, 1)
            .addEdge(1, 2).addEdge(2, 3).build(), 5, new float[20], new int[] {0, 1, 2, 0}, 3, List.of(), null);

    private static HyperParameters layers(int l) {
        return HyperParameters.DEFAULTS.with(HyperParameters.Overrides.of("hidden: 4, heads: 2, dropout: 0.0, "
                + "layers: " + l));
    }

    @Test
    void gatHasOneConvolutionPerLayerHeadsConcatenatedBetweenThemAndOneOutputHead() {
        for (int l = 1; l <= 4; l++) {
            Sequential net = (Sequential) NodeNetworks.factory("gat").create(DATA, layers(l), 7).module();
            List<GATConv> convs = net.steps().stream().filter(GATConv.class::isInstance).map(GATConv.class::cast)
                    .toList();
            assertEquals(l, convs.size());
            // W: in × (heads·out), attention vectors and bias: heads·out each (the output layer: one head of 3).
            int expected = 0;
            for (int i = 0; i < l; i++) {
                int in = i == 0 ? 5 : 4 * 2;
                int out = i == l - 1 ? 3 : 4 * 2;
                expected += in * out + 3 * out;
            }
            assertEquals(expected, net.parameters().stream().mapToLong(p -> p.size()).sum(), "L = " + l);
        }
    }

    @Test
    void sheafDecayGoesToTheLearnersMapsOnlyAndSecondLinearAddsAHiddenLayer() {
        HyperParameters plain = HyperParameters.DEFAULTS.with(HyperParameters.Overrides.of(
                "hidden: 2, stalkDim: 2, layers: 2, weightDecay: 0.005"));
        NodeNetwork same = NodeNetworks.factory("nsd-orth").create(DATA, plain, 3);
        assertTrue(same.weightDecay().values().stream().allMatch(v -> v == 0.005));
        assertEquals(same.module().parameters().size(), same.weightDecay().size());

        NodeNetwork own = NodeNetworks.factory("nsd-orth").create(DATA, plain.with(HyperParameters.Overrides.of(
                "sheafDecay: 0.0003, secondLinear: true")), 3);
        Map<String, Double> byName = new TreeMap<>();
        own.module().namedParameters().forEach((name, p) -> byName.put(name, own.weightDecay().get(p)));
        // Two layers' maps (no bias) get the sheaf decay; the O(d) edge weights and everything else the weight decay.
        assertEquals(2, byName.values().stream().filter(v -> v == 0.0003).count(), byName.toString());
        byName.forEach((name, decay) -> assertEquals(name.contains(".maps.") ? 0.0003 : 0.005, decay, name));
        // hidden 2 × d 2 = 4 wide: the second layer adds 4×4 weights and 4 biases.
        long extra = own.module().parameters().stream().mapToLong(p -> p.size()).sum()
                - same.module().parameters().stream().mapToLong(p -> p.size()).sum();
        assertEquals(4 * 4 + 4, extra);
    }
}
