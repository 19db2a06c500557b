package io.gnn4j.sheaf;

import static io.gnn4j.nn.GradCheck.check;
import static io.gnn4j.nn.GradCheck.variable;
import static io.gnn4j.sheaf.SheafLaplacian.Normalisation.BLOCK;
import static io.gnn4j.sheaf.SheafLaplacian.Normalisation.DIAGONAL;
import static io.gnn4j.sheaf.SheafLaplacian.Normalisation.NONE;
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
            assertMatrix(coboundaryLaplacian(g, maps, d), dense(lap, lap.blocks(Tape.noGrad(), maps, NONE)));
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
        for (SheafLaplacian.Normalisation form : new SheafLaplacian.Normalisation[] {BLOCK, DIAGONAL}) {
            assertMatrix(expected, dense(lap, lap.blocks(Tape.noGrad(), maps, form)));
        }
    }

    @Test
    void orthogonalMapsNormaliseByTheirSummedSquaredWeights() {
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
        // F = w·Q with a weight per entry: D_u = Σ w²·I, the official scalar normalisation
        double[] w = new double[g.numEntries()], degree = new double[g.numNodes()];
        float[] weighted = q.toFloatArray();
        java.util.SplittableRandom r = new java.util.SplittableRandom(6);
        for (int u = 0; u < g.numNodes(); u++) {
            for (int e = g.rowPtr()[u]; e < g.rowPtr()[u + 1]; e++) {
                w[e] = 0.2 + r.nextDouble();
                degree[u] += w[e] * w[e];
                for (int k = 0; k < d * d; k++) {
                    weighted[e * d * d + k] *= (float) w[e];
                }
            }
        }
        Tensor maps = Tensor.of(g.numEntries(), d * d, weighted);
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        double[][] l = coboundaryLaplacian(g, maps, d);
        double[][] diagonal = dense(lap, lap.blocks(Tape.noGrad(), maps, DIAGONAL));
        double[][] block = dense(lap, lap.blocks(Tape.noGrad(), maps, BLOCK));
        for (int a = 0; a < l.length; a++) {
            for (int b = 0; b < l.length; b++) {    // the official (Σw² + 1)^{-1/2} on both sides, diag Σw²/(Σw² + 1)
                double du = degree[a / d], dv = degree[b / d];
                double expected = a / d == b / d ? (a == b ? du / (du + 1) : 0)
                        : l[a][b] / Math.sqrt((du + 1.0) * (dv + 1.0));
                assertEquals(expected, diagonal[a][b], 1e-6, a + "," + b);
                assertEquals(expected, block[a][b], 1e-4, a + "," + b);
            }
        }
    }

    @Test
    void diagonalMapsNormaliseToTheSameBitsEitherWay() {
        Graph g = randomGraph();
        int d = 3;
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        Tensor maps = diagonalMaps(g, d, 61);
        Tensor weights = variable(lap.pattern().numEntries(), d * d, 62);
        float[][] block = blocksAndGradient(lap, maps, weights, BLOCK, 1);
        float[][] diagonal = blocksAndGradient(lap, maps, weights, DIAGONAL, 1);
        assertArrayEquals(block[0], diagonal[0], "blocks");
        for (int k = 0; k < g.numEntries(); k++) {    // the maps' diagonals: what a diagonal learner receives
            for (int i = 0; i < d; i++) {
                int at = k * d * d + i * d + i;
                assertEquals(block[1][at], diagonal[1][at], "entry " + k + ", " + i);
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
        for (SheafLaplacian.Normalisation form : SheafLaplacian.Normalisation.values()) {
            check(t -> lap.apply(t, lap.blocks(t, maps, form), x), maps, x);
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
        for (SheafLaplacian.Normalisation form : new SheafLaplacian.Normalisation[] {BLOCK, DIAGONAL}) {
            check(t -> lap.apply(t, lap.blocks(t, learner.forward(t, g, lap, feats), form), x),
                    learner.parameters().get(0), feats, x);
        }
    }

    @Test
    void gradientsOfOrthogonalMaps() {
        Graph g = graph();
        int d = 3;
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        Tensor params = variable(g.numEntries(), 3, 41), x = variable(g.numNodes() * d, 2, 42);
        check(t -> Householder.apply(t, params, d), params);
        SheafLearner learner = new SheafLearner(RestrictionMaps.ORTHOGONAL, d, 2);
        learner.resetParameters(new java.util.SplittableRandom(2));
        Tensor feats = variable(g.numNodes(), 2, 43);
        for (SheafLaplacian.Normalisation form : new SheafLaplacian.Normalisation[] {BLOCK, DIAGONAL}) {
            check(t -> lap.apply(t, lap.blocks(t, Householder.apply(t, params, d), form), x), params, x);
            check(t -> lap.apply(t, lap.blocks(t, learner.forward(t, g, lap, feats), form), x),
                    learner.parameters().get(0), learner.parameters().get(1), feats);
        }
    }

    @Test
    void blocksAndMapGradientsDoNotDependOnTheThreadCount() {
        Graph g = randomGraph();
        int d = 3;
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        Tensor general = variable(g.numEntries(), d * d, 51);
        Tensor diagonal = diagonalMaps(g, d, 52);
        Tensor weights = variable(lap.pattern().numEntries(), d * d, 53);
        for (Tensor maps : new Tensor[] {general, diagonal}) {
            for (SheafLaplacian.Normalisation form : SheafLaplacian.Normalisation.values()) {
                float[][] one = blocksAndGradient(lap, maps, weights, form, 1);
                float[][] three = blocksAndGradient(lap, maps, weights, form, 3);
                assertArrayEquals(one[0], three[0], "blocks");
                assertArrayEquals(one[1], three[1], "gradient to the maps");
            }
        }
    }

    @Test
    void recycledForwardStatesGiveWhatFreshOnesGive() {
        Graph g = randomGraph();
        int d = 3;
        SheafLaplacian shared = SheafLaplacian.of(g, d);
        Tensor weights = variable(shared.pattern().numEntries(), d * d, 84);
        for (SheafLaplacian.Normalisation form : SheafLaplacian.Normalisation.values()) {
            int seed = 80;
            for (Tensor maps : new Tensor[] {variable(g.numEntries(), d * d, 81), diagonalMaps(g, d, 82),
                    variable(g.numEntries(), d * d, 83)}) {
                shared.blocks(Tape.noGrad(), maps, form);          // a state given back at once
                // Two states in flight on one tape (two layers' Laplacians), then both backwards.
                java.util.function.Function<SheafLaplacian, float[][]> twoLayers = lap -> outputAndGradient(maps,
                        weights, 1, t -> t.add(lap.blocks(t, maps, form), lap.blocks(t, t.scale(maps, 0.5f), form)));
                float[][] fresh = twoLayers.apply(SheafLaplacian.of(g, d));
                float[][] reused = twoLayers.apply(shared);
                assertArrayEquals(fresh[0], reused[0], form + ", maps " + ++seed + ": blocks");
                assertArrayEquals(fresh[1], reused[1], form + ", maps " + seed + ": gradient to the maps");
            }
        }
    }

    @Test
    void householderMapsAndGradientsDoNotDependOnTheThreadCount() {
        int d = 4, rows = 20_000;    // above the size at which rows are split over threads
        Tensor params = variable(rows, d * (d - 1) / 2, 71), weights = variable(rows, d * d, 72);
        float[][] one = outputAndGradient(params, weights, 1, t -> Householder.apply(t, params, d));
        float[][] three = outputAndGradient(params, weights, 3, t -> Householder.apply(t, params, d));
        assertArrayEquals(one[0], three[0], "maps");
        assertArrayEquals(one[1], three[1], "gradient to the parameters");
    }

    /** A random simple undirected graph on 300 nodes. */
    private static Graph randomGraph() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        GraphBuilder b = GraphBuilder.undirected(300);
        for (int i = 0; i < 1500; i++) {
            int u = r.nextInt(300), v = r.nextInt(300);
            if (u != v) {
                b.addEdge(u, v);
            }
        }
        return b.build();
    }

    /** Random diagonal d×d maps, one per entry of g (a variable). */
    private static Tensor diagonalMaps(Graph g, int d, long seed) {
        Tensor maps = variable(g.numEntries(), d * d, seed);
        for (int k = 0; k < g.numEntries(); k++) {
            for (int q = 0; q < d * d; q++) {
                if (q % (d + 1) != 0) {
                    maps.set(k, q, 0f);
                }
            }
        }
        return maps;
    }

    /** The blocks and the gradient of Σ blocks ⊙ weights to the maps, on a tape with {@code threads} threads. */
    private static float[][] blocksAndGradient(SheafLaplacian lap, Tensor maps, Tensor weights,
                                               SheafLaplacian.Normalisation form, int threads) {
        return outputAndGradient(maps, weights, threads, t -> lap.blocks(t, maps, form));
    }

    /** op's output and the gradient of Σ output ⊙ weights to {@code input}, on a tape with {@code threads} threads. */
    private static float[][] outputAndGradient(Tensor input, Tensor weights, int threads,
                                               java.util.function.Function<Tape, Tensor> op) {
        if (input.grad() != null) {
            input.gradData().fill((byte) 0);
        }
        Tape tape = new Tape(7, ExecutionContext.withThreads(threads));
        Tensor out = op.apply(tape);
        tape.backward(tape.sum(tape.mul(out, weights)));
        float[] grad = new float[(int) input.size()];
        for (int i = 0; i < input.rows(); i++) {
            for (int j = 0; j < input.cols(); j++) {
                grad[i * input.cols() + j] = input.gradAt(i, j);
            }
        }
        return new float[][] {out.toFloatArray(), grad};
    }

    @Test
    void badGraphsAndShapesAreRefused() {
        Graph directed = GraphBuilder.directed(3).addEdge(0, 1).build();
        var e = assertThrows(IllegalArgumentException.class, () -> SheafLaplacian.of(directed, 2));
        assertTrue(e.getMessage().contains("0→1 has no 1→0"), e.getMessage());
        SheafLaplacian lap = SheafLaplacian.of(graph(), 2);
        var m = assertThrows(IllegalArgumentException.class, () -> lap.blocks(Tape.noGrad(), variable(3, 4, 1), BLOCK));
        assertTrue(m.getMessage().contains("3×4") && m.getMessage().contains("10×4"), m.getMessage());
    }
}
