package io.gnn4j.recommend;

import static io.gnn4j.recommend.RecommenderFixtures.ITEMS;
import static io.gnn4j.recommend.RecommenderFixtures.ITEMS_BY_USER;
import static io.gnn4j.recommend.RecommenderFixtures.PTR;
import static io.gnn4j.recommend.RecommenderFixtures.USERS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LightGCN and NGCF against dense references, the BPR objective's gradients, scoring, and the triple sampler. */
class RecommenderTest {
    private static final int DIM = 3;
    private static final BprBatch BATCH = new BprBatch(new int[] {0, 1, 2, 0}, new int[] {1, 1, 2, 0},
            new int[] {3, 2, 3, 2});

    @Test
    void lightGcnIsTheMeanOfNormalisedPropagations() {
        Graph g = RecommenderFixtures.graph();
        LightGCN m = new LightGCN(g, USERS, ITEMS, DIM, 2);
        m.resetParameters(new SplittableRandom(1));
        double[][] a = RecommenderFixtures.symmetric(RecommenderFixtures.adjacency(g));
        double[][] e0 = RecommenderFixtures.values(m.embedding()), e1 = RecommenderFixtures.times(a, e0),
                e2 = RecommenderFixtures.times(a, e1);
        Tensor h = m.representations(Tape.noGrad());
        for (int i = 0; i < USERS + ITEMS; i++) {
            for (int j = 0; j < DIM; j++) {
                assertEquals((e0[i][j] + e1[i][j] + e2[i][j]) / 3, h.get(i, j), 1e-6, "node " + i);
            }
        }
        float[] s = m.scores(Tape.noGrad());
        assertEquals(USERS * ITEMS, s.length);
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS; i++) {
                double dot = 0;
                for (int j = 0; j < DIM; j++) {
                    dot += h.get(u, j) * h.get(USERS + i, j);
                }
                assertEquals(dot, s[u * ITEMS + i], 1e-6);
            }
        }
    }

    @Test
    void ngcfLayerMatchesItsEquation() {
        Graph g = RecommenderFixtures.graph();
        NGCF m = new NGCF(g, USERS, ITEMS, DIM, 1, 0.1f);
        m.resetParameters(new SplittableRandom(2));
        m.eval();
        var p = m.namedParameters();
        double[][] l = RecommenderFixtures.symmetric(RecommenderFixtures.adjacency(g));
        double[][] e0 = RecommenderFixtures.values(p.get("embedding")), side = RecommenderFixtures.times(l, e0);
        double[][] w1 = RecommenderFixtures.values(p.get("sum0.weight")), b1 = RecommenderFixtures.values(
                p.get("sum0.bias")), w2 = RecommenderFixtures.values(p.get("product0.weight")),
                b2 = RecommenderFixtures.values(p.get("product0.bias"));
        double[][] plus = new double[e0.length][DIM], prod = new double[e0.length][DIM];
        for (int i = 0; i < e0.length; i++) {
            for (int j = 0; j < DIM; j++) {
                plus[i][j] = side[i][j] + e0[i][j];
                prod[i][j] = side[i][j] * e0[i][j];
            }
        }
        double[][] z1 = RecommenderFixtures.times(plus, w1), z2 = RecommenderFixtures.times(prod, w2);
        Tensor h = m.representations(Tape.noGrad());
        assertEquals(2 * DIM, h.cols());
        for (int i = 0; i < e0.length; i++) {
            for (int j = 0; j < DIM; j++) {
                double z = z1[i][j] + b1[0][j] + z2[i][j] + b2[0][j];
                assertEquals(e0[i][j], h.get(i, j), 1e-6);
                assertEquals(z > 0 ? z : 0.2 * z, h.get(i, DIM + j), 1e-5, "node " + i + ", column " + j);
            }
        }
    }

    @Test
    void bprLossGradientsMatchFiniteDifferences() {
        Graph g = RecommenderFixtures.graph();
        for (Recommender m : new Recommender[] {new LightGCN(g, USERS, ITEMS, DIM, 2), new NGCF(g, USERS, ITEMS,
                DIM, 2, 0f)}) {
            m.resetParameters(new SplittableRandom(3));
            for (Parameter p : m.parameters()) {   // away from the LeakyReLU kink and larger than the default 0.1
                Tensor v = GradCheck.variable(p.rows(), p.cols(), p.size());
                for (int i = 0; i < p.rows(); i++) {
                    for (int j = 0; j < p.cols(); j++) {
                        p.set(i, j, v.get(i, j));
                    }
                }
            }
            GradCheck.check(t -> m.loss(t, BATCH, 0.5), m.parameters().toArray(Tensor[]::new));
        }
    }

    @Test
    void regulariserIsHalfTheSquaredLayerZeroEmbeddingsPerTriple() {
        LightGCN m = new LightGCN(RecommenderFixtures.graph(), USERS, ITEMS, DIM, 1);
        m.resetParameters(new SplittableRandom(4));
        double plain = m.loss(Tape.noGrad(), BATCH, 0).item(), reg = m.loss(Tape.noGrad(), BATCH, 2).item();
        double sq = 0;
        int[][] rows = {BATCH.users(), offset(BATCH.positives()), offset(BATCH.negatives())};
        for (int[] r : rows) {
            for (int node : r) {
                for (int j = 0; j < DIM; j++) {
                    sq += m.embedding().get(node, j) * m.embedding().get(node, j);
                }
            }
        }
        assertEquals(plain + 2 * 0.5 * sq / BATCH.size(), reg, 1e-5);
    }

    private static int[] offset(int[] items) {
        int[] out = items.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += USERS;
        }
        return out;
    }

    @Test
    void samplerDrawsTrainingPositivesAndUnseenNegativesRepeatably() {
        BprSampler s = new BprSampler(ITEMS, PTR, ITEMS_BY_USER);
        BprBatch a = s.sample(500, new SplittableRandom(9)), b = s.sample(500, new SplittableRandom(9));
        assertArrayEquals(a.users(), b.users());
        assertArrayEquals(a.negatives(), b.negatives());
        boolean[] seenUser = new boolean[USERS];
        for (int k = 0; k < a.size(); k++) {
            int u = a.users()[k];
            seenUser[u] = true;
            assertTrue(java.util.Arrays.binarySearch(ITEMS_BY_USER, PTR[u], PTR[u + 1], a.positives()[k]) >= 0);
            assertTrue(java.util.Arrays.binarySearch(ITEMS_BY_USER, PTR[u], PTR[u + 1], a.negatives()[k]) < 0);
        }
        assertArrayEquals(new boolean[] {true, true, true}, seenUser);
        assertEquals(5, s.numInteractions());
        var e = assertThrows(IllegalArgumentException.class, () -> new BprSampler(2, new int[] {0, 2},
                new int[] {0, 1}));
        assertEquals("user 0 interacted with all 2 items: no negative can be drawn", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BprBatch(new int[2], new int[1], new int[2]));
        assertEquals("2 users, 1 positives and 2 negatives: a BPR batch needs one of each per triple",
                e.getMessage());
    }
}
