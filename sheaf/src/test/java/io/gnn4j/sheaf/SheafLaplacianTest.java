package io.gnn4j.sheaf;

import static io.gnn4j.nn.GradCheck.check;
import static io.gnn4j.nn.GradCheck.variable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The sheaf Laplacian against δᵀδ built densely from the coboundary, its normalisation against the elementwise and
 * scalar forms of the official code, and its gradients (to the features and to the maps of all three families)
 * against finite differences.
 */
class SheafLaplacianTest {
    /** A 5-node undirected graph with a triangle, a pendant node and an isolated node. */
    static Graph graph() {
        return GraphBuilder.undirected(6).addEdge(0, 1).addEdge(1, 2).addEdge(2, 0).addEdge(2, 3).addEdge(3, 4)
                .build();
    }

    /** The dense n·d × n·d matrix of the blocks. */
    static double[][] dense(SheafLaplacian lap, Tensor blocks) {
        Graph p = lap.pattern();
        int d = lap.stalkDimension(), n = p.numNodes();
        double[][] m = new double[n * d][n * d];
        for (int u = 0; u < n; u++) {
            for (int k = p.rowPtr()[u]; k < p.rowPtr()[u + 1]; k++) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        m[u * d + i][p.colIdx()[k] * d + j] += blocks.get(k, i * d + j);
                    }
                }
            }
        }
        return m;
    }

    /** δᵀδ from the coboundary δ: for each edge u&lt;v, (δx)_e = F_{u⊴e}x_u − F_{v⊴e}x_v. */
    static double[][] coboundaryLaplacian(Graph g, Tensor maps, int d) {
        int n = g.numNodes();
        double[][] l = new double[n * d][n * d];
        for (int u = 0; u < n; u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                int v = g.colIdx()[k];
                if (v < u) {
                    continue;
                }
                int r = java.util.Arrays.binarySearch(g.colIdx(), g.rowPtr()[v], g.rowPtr()[v + 1], u);
                double[][] delta = new double[d][n * d];     // the d rows of δ for this edge
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        delta[i][u * d + j] = maps.get(k, i * d + j);
                        delta[i][v * d + j] = -maps.get(r, i * d + j);
                    }
                }
                for (int a = 0; a < n * d; a++) {
                    for (int b = 0; b < n * d; b++) {
                        for (int i = 0; i < d; i++) {
                            l[a][b] += delta[i][a] * delta[i][b];
                        }
                    }
                }
            }
        }
        return l;
    }

    static void assertMatrix(double[][] expected, double[][] actual) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[i][j], actual[i][j], 1e-4, "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void unnormalisedBlocksAreDeltaTransposeDelta() {
        Graph g = graph();
        for (int d = 1; d <= 3; d++) {
            SheafLaplacian lap = SheafLaplacian.of(g, d);
            Tensor maps = variable(g.numEntries(), d * d, 10 + d);
            assertMatrix(coboundaryLaplacian(g, maps, d), dense(lap, lap.blocks(Tape.noGrad(), maps, false)));
        }
    }

    @Test
    void normalisedDiagonalMapsScaleEachStalkDimension() {
        Graph g = graph();
        int d = 3;
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        float[] v = new float[g.numEntries() * d * d];
        Tensor raw = variable(g.numEntries(), d, 3);
        for (int e = 0; e < g.numEntries(); e++) {
            for (int i = 0; i < d; i++) {
                v[e * d * d + i * d + i] = raw.get(e, i);
            }
        }
        Tensor maps = Tensor.of(g.numEntries(), d * d, v);
        double[][] l = coboundaryLaplacian(g, maps, d);
        double[][] expected = new double[l.length][l.length];
        for (int a = 0; a < l.length; a++) {
            for (int b = 0; b < l.length; b++) {    // the official code: (diag + 1)^{-1/2} elementwise
                expected[a][b] = l[a][b] / Math.sqrt((l[a][a] + 1) * (l[b][b] + 1));
            }
        }
        assertMatrix(expected, dense(lap, lap.blocks(Tape.noGrad(), maps, true)));
    }

    @Test
    void householderMapsAreOrthogonalAndNormaliseByDegree() {
        Graph g = graph();
        int d = 3;
        Tensor params = variable(g.numEntries(), 3, 5);
        Tensor q = Householder.apply(Tape.noGrad(), params, d);
        for (int e = 0; e < g.numEntries(); e++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += q.get(e, k * d + i) * q.get(e, k * d + j);
                    }
                    assertEquals(i == j ? 1 : 0, s, 1e-5);
                }
            }
        }
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        double[][] l = coboundaryLaplacian(g, q, d);
        double[][] actual = dense(lap, lap.blocks(Tape.noGrad(), q, true));
        for (int a = 0; a < l.length; a++) {
            for (int b = 0; b < l.length; b++) {    // D = deg·I: the official scalar (deg + 1)^{-1/2} normalisation
                int du = g.degree(a / d), dv = g.degree(b / d);
                assertEquals(l[a][b] / Math.sqrt((du + 1.0) * (dv + 1.0)), actual[a][b], 1e-4);
            }
        }
    }

    @Test
    void eigenDecompositionReconstructsTheMatrix() {
        double[] a = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 3};
        SymmetricEigen e = SymmetricEigen.of(a, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0, o = 0;
                for (int k = 0; k < 3; k++) {
                    s += e.vectors[i * 3 + k] * e.values[k] * e.vectors[j * 3 + k];
                    o += e.vectors[k * 3 + i] * e.vectors[k * 3 + j];
                }
                assertEquals(a[i * 3 + j], s, 1e-12);
                assertEquals(i == j ? 1 : 0, o, 1e-12);
            }
        }
    }

    @Test
    void gradientsOfGeneralMapsAndFeatures() {
        Graph g = graph();
        int d = 2;
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        Tensor maps = variable(g.numEntries(), d * d, 21), x = variable(g.numNodes() * d, 3, 22);
        for (boolean normalised : new boolean[] {false, true}) {
            check(t -> lap.apply(t, lap.blocks(t, maps, normalised), x), maps, x);
        }
    }

    @Test
    void gradientsOfDiagonalMaps() {
        Graph g = graph();
        int d = 3;
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        SheafLearner learner = new SheafLearner(RestrictionMaps.DIAGONAL, d, 2);
        learner.resetParameters(new java.util.SplittableRandom(1));
        Tensor feats = variable(g.numNodes(), 2, 31), x = variable(g.numNodes() * d, 2, 32);
        check(t -> lap.apply(t, lap.blocks(t, learner.forward(t, g, lap, feats), true), x),
                learner.parameters().get(0), feats, x);
    }

    @Test
    void gradientsOfOrthogonalMaps() {
        Graph g = graph();
        int d = 3;
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        Tensor params = variable(g.numEntries(), 3, 41), x = variable(g.numNodes() * d, 2, 42);
        check(t -> Householder.apply(t, params, d), params);
        check(t -> lap.apply(t, lap.blocks(t, Householder.apply(t, params, d), true), x), params, x);
        SheafLearner learner = new SheafLearner(RestrictionMaps.ORTHOGONAL, d, 2);
        learner.resetParameters(new java.util.SplittableRandom(2));
        Tensor feats = variable(g.numNodes(), 2, 43);
        check(t -> lap.apply(t, lap.blocks(t, learner.forward(t, g, lap, feats), true), x),
                learner.parameters().get(0), learner.parameters().get(1), feats);
    }

    @Test
    void blocksAndMapGradientsDoNotDependOnTheThreadCount() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        GraphBuilder b = GraphBuilder.undirected(300);
        for (int i = 0; i < 1500; i++) {
            int u = r.nextInt(300), v = r.nextInt(300);
            if (u != v) {
                b.addEdge(u, v);
            }
        }
        Graph g = b.build();
        int d = 3;
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        Tensor general = variable(g.numEntries(), d * d, 51);
        Tensor diagonal = variable(g.numEntries(), d * d, 52);
        for (int k = 0; k < g.numEntries(); k++) {
            for (int q = 0; q < d * d; q++) {
                if (q % (d + 1) != 0) {
                    diagonal.set(k, q, 0f);
                }
            }
        }
        Tensor weights = variable(lap.pattern().numEntries(), d * d, 53);
        for (Tensor maps : new Tensor[] {general, diagonal}) {
            for (boolean normalised : new boolean[] {false, true}) {
                float[][] one = blocksAndGradient(lap, maps, weights, normalised, 1);
                float[][] three = blocksAndGradient(lap, maps, weights, normalised, 3);
                assertArrayEquals(one[0], three[0], "blocks");
                assertArrayEquals(one[1], three[1], "gradient to the maps");
            }
        }
    }

    /** The blocks and the gradient of Σ blocks ⊙ weights to the maps, on a tape with {@code threads} threads. */
    private static float[][] blocksAndGradient(SheafLaplacian lap, Tensor maps, Tensor weights, boolean normalised,
                                               int threads) {
        if (maps.grad() != null) {
            maps.gradData().fill((byte) 0);
        }
        Tape tape = new Tape(7, ExecutionContext.withThreads(threads));
        Tensor blocks = lap.blocks(tape, maps, normalised);
        tape.backward(tape.sum(tape.mul(blocks, weights)));
        float[] grad = new float[(int) maps.size()];
        for (int i = 0; i < maps.rows(); i++) {
            for (int j = 0; j < maps.cols(); j++) {
                grad[i * maps.cols() + j] = maps.gradAt(i, j);
            }
        }
        return new float[][] {blocks.toFloatArray(), grad};
    }

    @Test
    void badGraphsAndShapesAreRefused() {
        Graph directed = GraphBuilder.directed(3).addEdge(0, 1).build();
        var e = assertThrows(IllegalArgumentException.class, () -> SheafLaplacian.of(directed, 2));
        assertTrue(e.getMessage().contains("0→1 has no 1→0"), e.getMessage());
        SheafLaplacian lap = SheafLaplacian.of(graph(), 2);
        var m = assertThrows(IllegalArgumentException.class, () -> lap.blocks(Tape.noGrad(), variable(3, 4, 1), true));
        assertTrue(m.getMessage().contains("3×4") && m.getMessage().contains("10×4"), m.getMessage());
    }
}
