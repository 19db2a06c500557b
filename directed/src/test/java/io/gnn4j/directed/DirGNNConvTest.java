package io.gnn4j.directed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.PygFixture;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirGNNConvTest {
    private static final double TOL = 2e-5;
    private final PygFixture fixture = PygFixture.get();

    private void assertMatchesPyG(String layer, DirGNNConv conv) {
        fixture.loadParameters(layer, conv);
        Graph g = fixture.graph(false);
        fixture.assertMatches(layer, (t, x) -> conv.forward(t, g, x), TOL);
    }

    @Test
    void dirGcnWithRootWeightMatchesPyG() {
        assertMatchesPyG("dirgnn_gcn", DirGNNConv.gcn(5, 3, fixture.number("dirgnn_gcn", "alpha"), true));
    }

    @Test
    void dirSageWithoutRootWeightMatchesPyG() {
        assertMatchesPyG("dirgnn_sage", DirGNNConv.sage(5, 3, fixture.number("dirgnn_sage", "alpha"), false));
    }

    @Test
    void alphaZeroAndOneSelectOneDirection() {
        Graph g = Generators.randomDirected(12, 30, false, 3);
        Tensor x = GradCheck.variable(12, 4, 5);
        for (double alpha : new double[] {0, 1}) {
            DirGNNConv dir = DirGNNConv.gcn(4, 3, alpha, false);
            dir.resetParameters(new SplittableRandom(7));
            GCNConv single = new GCNConv(4, 3, true, true, false);
            String side = alpha == 0 ? "conv_in." : "conv_out.";
            for (var e : single.namedParameters().entrySet()) {
                e.getValue().value().assign(dir.namedParameters().get(side + e.getKey()).value());
            }
            Graph along = alpha == 0 ? g : g.transpose();
            assertArrayEquals(single.forward(Tape.noGrad(), along, x).toFloatArray(),
                    dir.forward(Tape.noGrad(), g, x).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Graph g = Generators.randomDirected(10, 25, false, 5);
        DirGNNConv conv = DirGNNConv.gcn(3, 2, 0.3, true);
        conv.resetParameters(new SplittableRandom(9));
        Tensor x = GradCheck.variable(10, 3, 11);
        var p = conv.namedParameters();
        GradCheck.check(t -> conv.forward(t, g, x), x, p.get("conv_in.weight"), p.get("conv_out.weight"),
                p.get("conv_out.bias"), p.get("lin.weight"));
    }

    @Test
    void rejectsAlphaOutsideTheUnitInterval() {
        var e = assertThrows(IllegalArgumentException.class, () -> DirGNNConv.gcn(3, 2, 1.5, true));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }
}
