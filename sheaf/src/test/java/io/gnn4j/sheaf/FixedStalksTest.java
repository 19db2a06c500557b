package io.gnn4j.sheaf;

import static io.gnn4j.nn.GradCheck.check;
import static io.gnn4j.nn.GradCheck.variable;
import static io.gnn4j.sheaf.SheafLaplacian.Normalisation.BLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The official code's fixed stalk dimensions: their normalised Laplacian entries against the official formula
 * (diagonal deg/(deg + 1), off-diagonal ±1/√((deg_u + 1)(deg_v + 1))), the learned block left as it was, no coupling
 * between learned and fixed dimensions, gradients through the extension, and parsing.
 */
class FixedStalksTest {
    @Test
    void fixedDimensionsGiveTheOfficialLaplacianEntries() {
        Graph g = SheafLaplacianTest.graph();
        int d = 2, n = g.numNodes();
        FixedStalks both = new FixedStalks(true, true);
        int full = d + both.count();
        Tensor learned = variable(g.numEntries(), d * d, 7);
        Tensor extended = both.extend(Tape.noGrad(), learned, both.embedding(d), both.constantMaps(g, d, false));
        SheafLaplacian small = SheafLaplacian.of(g, d), large = SheafLaplacian.of(g, full);
        double[][] base = SheafLaplacianTest.dense(small, small.blocks(Tape.noGrad(), learned, BLOCK));
        double[][] l = SheafLaplacianTest.dense(large, large.blocks(Tape.noGrad(), extended, BLOCK));
        int[] deg = new int[n];
        for (int u = 0; u < n; u++) {
            deg[u] = g.rowPtr()[u + 1] - g.rowPtr()[u];
        }
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                boolean edge = g.hasEdge(u, v);
                for (int i = 0; i < full; i++) {
                    for (int j = 0; j < full; j++) {
                        double expected;
                        if (i < d && j < d) {
                            expected = base[u * d + i][v * d + j];
                        } else if (i != j) {
                            expected = 0;                                  // no coupling across dimensions
                        } else if (u == v) {
                            expected = deg[u] / (deg[u] + 1.0);
                        } else {                                           // add_lp: +1, add_hp: −1, normalised
                            expected = edge ? (i == d ? 1 : -1) / Math.sqrt((deg[u] + 1.0) * (deg[v] + 1.0)) : 0;
                        }
                        assertEquals(expected, l[u * full + i][v * full + j], 1e-5,
                                "(" + u + "," + i + ") (" + v + "," + j + ")");
                    }
                }
            }
        }
    }

    @Test
    void trivialSheafWithoutFixedDimensionsIsTheIdentityMaps() {
        Graph g = SheafLaplacianTest.graph();
        SheafLaplacian lap = SheafLaplacian.of(g, 3);
        assertEquals(java.util.Arrays.toString(lap.identityMaps().toFloatArray()),
                java.util.Arrays.toString(FixedStalks.NONE.constantMaps(g, 3, true).toFloatArray()));
    }

    @Test
    void gradientsFlowThroughTheExtension() {
        Graph g = SheafLaplacianTest.graph();
        int d = 2;
        FixedStalks lp = new FixedStalks(true, false);
        SheafLaplacian lap = SheafLaplacian.of(g, d + 1);
        Tensor maps = variable(g.numEntries(), d * d, 11), x = variable(g.numNodes() * (d + 1), 2, 12);
        Tensor embedding = lp.embedding(d), constant = lp.constantMaps(g, d, false);
        check(t -> lap.apply(t, lap.blocks(t, lp.extend(t, maps, embedding, constant), BLOCK), x), maps, x);
    }

    @Test
    void networkWithFixedDimensionsLearns() {
        float[] losses = SheafDiffusionTest.train(RestrictionMaps.DIAGONAL, 2, 11, FixedStalks.parse("lp+hp"));
        assertTrue(losses[losses.length - 1] < 0.7f * losses[0], losses[0] + " → " + losses[losses.length - 1]);
    }

    @Test
    void parsesTheOfficialNames() {
        assertEquals(new FixedStalks(true, false), FixedStalks.parse("lp"));
        assertEquals(new FixedStalks(false, true), FixedStalks.parse("HP"));
        assertEquals(2, FixedStalks.parse("lp+hp").count());
        assertEquals("lp+hp", FixedStalks.parse("hp+lp").label());
        assertEquals(0, FixedStalks.parse("none").count());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FixedStalks.parse("lowpass"));
        assertTrue(e.getMessage().contains("lowpass"), e.getMessage());
    }
}
