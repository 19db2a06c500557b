package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Every layer against PyTorch Geometric 2.4.0 on a directed graph ({@link PygFixture}): messages flow along the
 * arcs, source to target, and gcn_norm uses the in-degree of A + I at both ends.
 */
class PygDirectedLayersTest {
    private static final double TOL = 2e-5;
    private final PygFixture fixture = PygFixture.get();
    private final Graph graph = fixture.graph(false);

    @Test
    void gcn() {
        GCNConv conv = new GCNConv(5, 3);
        fixture.loadParameters("gcn", conv);
        fixture.assertMatches("gcn", (t, x) -> conv.forward(t, graph, x), TOL);
        conv.useFusedPath(false);
        fixture.assertMatches("gcn", (t, x) -> conv.forward(t, graph, x), TOL);
    }

    @Test
    void gcnWithEdgeWeights() {
        GCNConv conv = new GCNConv(5, 3);
        fixture.loadParameters("gcn_weighted", conv);
        Graph weighted = fixture.graph(true);
        fixture.assertMatches("gcn_weighted", (t, x) -> conv.forward(t, weighted, x), TOL);
    }

    @Test
    void sageMean() {
        SAGEConv conv = new SAGEConv(5, 3);
        fixture.loadParameters("sage_mean", conv);
        fixture.assertMatches("sage_mean", (t, x) -> conv.forward(t, graph, x), TOL);
    }

    @Test
    void sageMax() {
        SAGEConv conv = new SAGEConv(5, 3, Aggregation.MAX, true, true);
        fixture.loadParameters("sage_max", conv);
        fixture.assertMatches("sage_max", (t, x) -> conv.forward(t, graph, x), TOL);
    }

    @Test
    void gatConcatenatingHeads() {
        GATConv conv = new GATConv(5, 3, 2, true, 0.2f, 0f, true, true);
        fixture.loadParameters("gat_concat", conv);
        fixture.assertMatches("gat_concat", (t, x) -> conv.forward(t, graph, x), TOL);
    }

    @Test
    void gatAveragingHeads() {
        GATConv conv = new GATConv(5, 3, 2, false, 0.2f, 0f, true, true);
        fixture.loadParameters("gat_mean", conv);
        fixture.assertMatches("gat_mean", (t, x) -> conv.forward(t, graph, x), TOL);
    }

    @Test
    void gin() {
        GINConv conv = new GINConv(new MLP(5, 4, 3), 0.3f, true);
        fixture.loadParameters("gin", conv);
        fixture.assertMatches("gin", (t, x) -> conv.forward(t, graph, x), TOL);
    }

    @Test
    void sgc() {
        SGConv conv = new SGConv(5, 3, 2);
        fixture.loadParameters("sgc", conv);
        fixture.assertMatches("sgc", (t, x) -> conv.forward(t, graph, x), TOL);
    }

    @Test
    void appnp() {
        APPNP prop = new APPNP(3, 0.1f);
        fixture.assertMatches("appnp", (t, x) -> prop.forward(t, graph, x), TOL);
    }

    @Test
    void dgmlpCombinesHopsOfPygPropagation() {
        int hops = (int) fixture.number("dgmlp_combined", "hops");
        Tensor x = Tensor.of(graph.numNodes(), 5, fixture.input().toFloatArray());
        Tensor h = DGMLP.combine(graph, x, hops, 0.5, Tape.noGrad().context());
        PygFixture.assertClose("dgmlp combined", fixture.output("dgmlp_combined"), h.toFloatArray(), TOL);
    }
}
