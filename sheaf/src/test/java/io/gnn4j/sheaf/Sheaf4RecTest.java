package io.gnn4j.sheaf;

import static io.gnn4j.recommend.RecommenderFixtures.ITEMS;
import static io.gnn4j.recommend.RecommenderFixtures.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.recommend.BprBatch;
import io.gnn4j.recommend.RecommenderFixtures;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sheaf4Rec against a dense transcription of the official layer (scalar maps, the (D + 1)-normalised Laplacian,
 * X − Δ(XW + b), the mean of the layers as the readout), its factorised map learner against the NSD learner on the
 * concatenation, and its BPR gradients.
 */
class Sheaf4RecTest {
    private static final int DIM = 3;

    private static void randomise(Sheaf4Rec m, long seed) {
        m.resetParameters(new SplittableRandom(seed));
        for (Parameter p : m.parameters()) {
            Tensor v = GradCheck.variable(p.rows(), p.cols(), seed + p.size());
            for (int i = 0; i < p.rows(); i++) {
                for (int j = 0; j < p.cols(); j++) {
                    p.set(i, j, v.get(i, j));
                }
            }
        }
    }

    @Test
    void layerMatchesTheDenseOfficialForm() {
        Graph g = RecommenderFixtures.graph();
        Sheaf4Rec m = new Sheaf4Rec(g, USERS, ITEMS, DIM, 1);
        randomise(m, 1);
        Map<String, Parameter> p = m.namedParameters();
        double[][] x = RecommenderFixtures.values(p.get("embedding")), w = RecommenderFixtures.values(
                p.get("linear0.weight")), b = RecommenderFixtures.values(p.get("linear0.bias")),
                a = RecommenderFixtures.values(p.get("maps0.weight"));
        int n = g.numNodes();
        double[][] map = new double[n][n];
        double[] deg = new double[n];
        for (int u = 0; u < n; u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                int v = g.colIdx()[k];
                double s = 0;
                for (int j = 0; j < DIM; j++) {
                    s += a[j][0] * x[u][j] + a[j][1] * x[v][j];
                }
                map[u][v] = Math.tanh(s);
                deg[u] += map[u][v] * map[u][v];
            }
        }
        double[][] lap = new double[n][n];
        for (int u = 0; u < n; u++) {
            lap[u][u] = deg[u] / (deg[u] + 1);
            for (int v = 0; v < n; v++) {
                if (v != u && map[u][v] != 0) {
                    lap[u][v] = -map[u][v] * map[v][u] / Math.sqrt((deg[u] + 1) * (deg[v] + 1));
                }
            }
        }
        double[][] y = RecommenderFixtures.times(x, w);
        for (double[] row : y) {
            for (int j = 0; j < DIM; j++) {
                row[j] += b[0][j];
            }
        }
        double[][] ly = RecommenderFixtures.times(lap, y);
        Tensor h = m.representations(Tape.noGrad());
        assertEquals(DIM, h.cols());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < DIM; j++) {   // the mean of X⁰ and X¹ = X⁰ − Δ(X⁰W + b)
                assertEquals((x[i][j] + x[i][j] - ly[i][j]) / 2, h.get(i, j), 1e-5, "node " + i + ", column " + j);
            }
        }
    }

    @Test
    void factorisedMapsEqualTheLearnerOnTheConcatenation() {
        Graph g = RecommenderFixtures.graph();
        Sheaf4Rec m = new Sheaf4Rec(g, USERS, ITEMS, DIM, 1);
        randomise(m, 2);
        Parameter a = m.namedParameters().get("maps0.weight");
        SheafLearner learner = new SheafLearner(RestrictionMaps.DIAGONAL, 1, DIM);
        Parameter w = learner.namedParameters().get("maps.weight");
        for (int j = 0; j < DIM; j++) {
            w.set(j, 0, a.get(j, 0));
            w.set(DIM + j, 0, a.get(j, 1));
        }
        Tensor x = m.namedParameters().get("embedding");
        Tensor mine = m.maps(Tape.noGrad(), 0, x);
        Tensor nsd = learner.forward(Tape.noGrad(), g, SheafLaplacian.of(g, 1), x);
        assertEquals(g.numEntries(), mine.rows());
        for (int e = 0; e < g.numEntries(); e++) {
            assertEquals(nsd.get(e, 0), mine.get(e, 0), 1e-6, "entry " + e);
        }
    }

    @Test
    void scalarLaplacianEqualsTheBlockLaplacianWithOneDimensionalStalks() {
        Graph g = RecommenderFixtures.graph();
        Tensor maps = GradCheck.variable(g.numEntries(), 1, 4), y = GradCheck.variable(g.numNodes(), DIM, 5);
        Sheaf4Rec m = new Sheaf4Rec(g, USERS, ITEMS, DIM, 1);
        Tensor mine = m.laplacian(Tape.noGrad(), maps, y);
        SheafLaplacian lap = SheafLaplacian.of(g, 1);
        Tape t = Tape.noGrad();
        Tensor blocks = lap.apply(t, lap.blocks(t, maps, SheafLaplacian.Normalisation.DIAGONAL), y);
        for (int i = 0; i < g.numNodes(); i++) {
            for (int j = 0; j < DIM; j++) {
                assertEquals(blocks.get(i, j), mine.get(i, j), 1e-5, "node " + i);
            }
        }
        GradCheck.check(tape -> m.laplacian(tape, maps, y), maps, y);
        GradCheck.check(tape -> Sheaf4Rec.inverseSqrtPlusOne(tape, tape.mul(maps, maps)), maps);
    }

    @Test
    void bprLossGradientsMatchFiniteDifferences() {
        Sheaf4Rec m = new Sheaf4Rec(RecommenderFixtures.graph(), USERS, ITEMS, DIM, 2);
        randomise(m, 3);
        BprBatch batch = new BprBatch(new int[] {0, 1, 2}, new int[] {1, 1, 2}, new int[] {3, 2, 3});
        GradCheck.check(t -> m.loss(t, batch, 0.5), m.parameters().toArray(Tensor[]::new));
    }
}
