package io.gnn4j.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.embed.FastRPParameters.IterationNormalization;
import io.gnn4j.embed.FastRPParameters.Operator;
import io.gnn4j.embed.FastRPParameters.Projection;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastRPTest {
    private static final ExecutionContext ONE = ExecutionContext.withThreads(1);
    private static final ExecutionContext FOUR = ExecutionContext.withThreads(4);

    /** A random graph on n nodes (the last `isolated` nodes have no edge), optionally directed and weighted. */
    static Graph randomGraph(int n, int edges, int isolated, boolean directed, boolean weighted, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GraphBuilder b = directed ? GraphBuilder.directed(n) : GraphBuilder.undirected(n);
        int m = n - isolated;
        int added = 0;
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        while (added < edges) {
            int u = r.nextInt(m), v = r.nextInt(m);
            long key = directed ? (long) u * n + v : (long) Math.min(u, v) * n + Math.max(u, v);
            if (u == v || !seen.add(key)) {
                continue;
            }
            if (weighted) {
                b.addEdge(u, v, 0.25f + (float) r.nextDouble() * 2);
            } else {
                b.addEdge(u, v);
            }
            added++;
        }
        return b.build();
    }

    /** The naive dense computation in double, from the initial vectors x0 that FastRP generated. */
    static double[] reference(Graph g, float[] x0, FastRPParameters p) {
        int n = g.numNodes(), d = p.dimension();
        double[][] a = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                a[u][g.colIdx()[k]] += p.useEdgeWeights() ? g.weight(k) : 1.0;
            }
        }
        if (p.operator() == Operator.TRANSITION) {
            for (int u = 0; u < n; u++) {
                double deg = Arrays.stream(a[u]).sum();
                for (int v = 0; v < n; v++) {
                    a[u][v] = deg > 0 ? a[u][v] / deg : 0;
                }
            }
        }
        double[][] cur = new double[n][d];
        double[][] e = new double[n][d];
        for (int u = 0; u < n; u++) {
            for (int c = 0; c < d; c++) {
                cur[u][c] = x0[u * d + c];
            }
            double nrm = norm(cur[u]);
            for (int c = 0; c < d; c++) {
                e[u][c] = nrm > 0 ? p.nodeSelfInfluence() * cur[u][c] / nrm : 0;
            }
        }
        for (int i = 1; i <= p.iterations(); i++) {
            double[][] next = new double[n][d];
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    if (a[u][v] != 0) {
                        for (int c = 0; c < d; c++) {
                            next[u][c] += a[u][v] * cur[v][c];
                        }
                    }
                }
            }
            double alpha = p.iterationWeight(i);
            for (int u = 0; u < n; u++) {
                double nrm = norm(next[u]);
                double f = switch (p.normalization()) {
                    case NONE -> alpha;
                    case L2_COMBINE, L2_PROPAGATE -> nrm > 0 ? alpha / nrm : 0;
                };
                for (int c = 0; c < d; c++) {
                    e[u][c] += f * next[u][c];
                }
                if (p.normalization() == IterationNormalization.L2_PROPAGATE && nrm > 0) {
                    for (int c = 0; c < d; c++) {
                        next[u][c] /= nrm;
                    }
                }
            }
            cur = next;
        }
        double[] out = new double[n * d];
        for (int c = 0; c < d; c++) {
            double mean = 0, var = 0;
            for (int u = 0; u < n; u++) {
                mean += e[u][c] / n;
            }
            for (int u = 0; u < n; u++) {
                var += (e[u][c] - mean) * (e[u][c] - mean) / n;
            }
            for (int u = 0; u < n; u++) {
                out[u * d + c] = p.standardize() ? (e[u][c] - mean) / (var > 0 ? Math.sqrt(var) : 1) : e[u][c];
            }
        }
        return out;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void assertClose(double[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1, scale), "entry " + i);
        }
    }

    private static void checkAgainstReference(Graph g, FastRPParameters p) {
        FastRP f = new FastRP(g, p, ONE);
        float[] x0 = f.initialVectors();
        FastRPResult r = f.compute();
        assertClose(reference(g, x0, p), r.embeddings(), 2e-5);
    }

    @Test
    void transitionMatrixWithoutNormalisationMatchesDenseReference() {
        Graph g = randomGraph(30, 70, 3, false, false, 1);
        checkAgainstReference(g, FastRPParameters.builder().dimension(16).iterationWeights(1, 2, 0.5)
                .normalizationStrength(-0.3).build());
    }

    @Test
    void weightedAdjacencyGaussianWithCombineNormalisationAndSelfInfluenceMatchesReference() {
        Graph g = randomGraph(25, 60, 2, false, true, 2);
        checkAgainstReference(g, FastRPParameters.builder().dimension(12).iterationWeights(0.5, 1, 3)
                .operator(Operator.ADJACENCY).projection(Projection.GAUSSIAN).normalizationStrength(-0.5)
                .normalization(IterationNormalization.L2_COMBINE).nodeSelfInfluence(0.7).build());
    }

    @Test
    void sparseFirstProductWithPropagateNormalisationAndStandardisationMatchesReference() {
        Graph g = randomGraph(40, 120, 4, false, false, 3);
        FastRPParameters p = FastRPParameters.builder().dimension(32).iterationWeights(0, 1, 1).sparsity(9)
                .normalization(IterationNormalization.L2_PROPAGATE).standardize(true).nodeSelfInfluence(0.3)
                .build();
        checkAgainstReference(g, p);
    }

    @Test
    void paperPresetOnDirectedWeightedGraphIgnoringWeightsMatchesReference() {
        Graph g = randomGraph(35, 150, 0, true, true, 4);
        FastRPParameters p = FastRPParameters.paperBlogCatalog(24, 7).toBuilder().useEdgeWeights(false).build();
        checkAgainstReference(g, p);
        checkAgainstReference(g, p.toBuilder().useEdgeWeights(true).build());
    }

    @Test
    void sparseAndDenseFirstProductsAgree() {
        Graph g = randomGraph(200, 900, 10, false, true, 5);
        for (double s : new double[] {3, 12}) {
            FastRPParameters p = FastRPParameters.builder().dimension(40).iterationWeights(1, 1, 1).sparsity(s)
                    .normalizationStrength(-0.5).nodeSelfInfluence(1)
                    .normalization(IterationNormalization.L2_COMBINE).build();
            FastRP sparse = new FastRP(g, p, ONE);
            FastRP dense = new FastRP(g, p, ONE);
            dense.forceDenseFirstProduct = true;
            float[] a = sparse.compute().embeddings(), b = dense.compute().embeddings();
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-5 * Math.max(1, Math.abs(b[i])), "s=" + s + " entry " + i);
            }
        }
    }

    @Test
    void handComputedTwoNodeGraphSwapsInitialVectors() {
        // M = D⁻¹A = [[0,1],[1,0]]: one step maps x0[0] to node 1 and x0[1] to node 0; two steps restore them.
        Graph g = GraphBuilder.undirected(2).addEdge(0, 1).build();
        FastRPParameters p = FastRPParameters.builder().dimension(8).iterationWeights(1, 10)
                .projection(Projection.GAUSSIAN).build();
        FastRP f = new FastRP(g, p, ONE);
        float[] x0 = f.initialVectors();
        float[] e = f.compute().embeddings();
        for (int c = 0; c < 8; c++) {
            assertEquals(x0[8 + c] + 10 * x0[c], e[c], 1e-5);
            assertEquals(x0[c] + 10 * x0[8 + c], e[8 + c], 1e-5);
        }
    }

    @Test
    void degreeScalingMultipliesInitialRowsByDegreeToTheBeta() {
        Graph g = randomGraph(50, 150, 5, false, false, 6);
        FastRPParameters p0 = FastRPParameters.builder().dimension(20).sparsity(2).build();
        float[] plain = new FastRP(g, p0, ONE).initialVectors();
        float[] scaled = new FastRP(g, p0.toBuilder().normalizationStrength(-0.7).build(), ONE).initialVectors();
        for (int u = 0; u < 50; u++) {
            int deg = g.degree(u);
            double f = deg == 0 ? 1 : Math.pow(deg, -0.7);
            for (int c = 0; c < 20; c++) {
                assertEquals(plain[u * 20 + c] * f, scaled[u * 20 + c], 1e-6);
            }
        }
    }

    @Test
    void sparseProjectionHasTheStatedDistribution() {
        for (double s : new double[] {3, 16}) {
            int n = 4000, d = 64;
            Graph g = GraphBuilder.undirected(n).build();
            float[] x0 = new FastRP(g, FastRPParameters.builder().dimension(d).sparsity(s).build(), ONE)
                    .initialVectors();
            int pos = 0, neg = 0;
            float v = (float) Math.sqrt(s);
            for (float x : x0) {
                if (x == v) {
                    pos++;
                } else if (x == -v) {
                    neg++;
                } else {
                    assertEquals(0f, x, "entries are ±√s or 0");
                }
            }
            double total = (double) n * d;
            double expect = total / s;
            double sd = Math.sqrt(total * (1 / s) * (1 - 1 / s));
            assertEquals(expect, pos + neg, 5 * sd, "non-zeros for s=" + s);
            assertEquals(0, pos - neg, 5 * Math.sqrt(expect), "sign balance for s=" + s);
        }
    }

    @Test
    void gaussianProjectionHasUnitVariance() {
        int n = 3000, d = 32;
        float[] x0 = new FastRP(GraphBuilder.undirected(n).build(),
                FastRPParameters.builder().dimension(d).projection(Projection.GAUSSIAN).build(), ONE).initialVectors();
        double mean = 0, sq = 0;
        for (float x : x0) {
            mean += x;
            sq += x * x;
        }
        mean /= x0.length;
        assertEquals(0, mean, 0.02);
        assertEquals(1, sq / x0.length - mean * mean, 0.03);
    }

    @Test
    void deterministicAcrossThreadCounts() {
        Graph g = randomGraph(3000, 15000, 50, false, true, 7);
        for (FastRPParameters p : new FastRPParameters[] {
                FastRPParameters.paperBlogCatalog(48, 3),
                FastRPParameters.gdsDefaults(33, 3).toBuilder().nodeSelfInfluence(0.5).build(),
                FastRPParameters.builder().dimension(20).projection(Projection.GAUSSIAN)
                        .normalization(IterationNormalization.L2_COMBINE).build()}) {
            float[] one = new FastRP(g, p, ONE).compute().embeddings();
            float[] four = new FastRP(g, p, FOUR).compute().embeddings();
            assertArrayEquals(one, four, p.toString());
        }
    }

    @Test
    void sameSeedSameEmbeddingOtherSeedOtherEmbedding() {
        Graph g = randomGraph(500, 2000, 0, false, false, 8);
        FastRPParameters p = FastRPParameters.paperBlogCatalog(32, 11);
        float[] a = new FastRP(g, p, FOUR).compute().embeddings();
        float[] b = new FastRP(g, p, ONE).compute().embeddings();
        float[] c = new FastRP(g, p.toBuilder().seed(12).build(), ONE).compute().embeddings();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void isolatedNodesGetZeroOrOnlyTheirSelfInfluence() {
        Graph g = randomGraph(60, 150, 6, false, false, 9);
        FastRPParameters p = FastRPParameters.builder().dimension(16).sparsity(2)
                .normalization(IterationNormalization.L2_PROPAGATE).build();
        FastRPResult r = new FastRP(g, p, ONE).compute();
        for (int u = 54; u < 60; u++) {
            assertArrayEquals(new float[16], r.row(u), "isolated node " + u);
            assertFalse(Arrays.stream(toDouble(r.row(u))).anyMatch(Double::isNaN));
        }
        FastRP withSelf = new FastRP(g, p.toBuilder().nodeSelfInfluence(2).build(), ONE);
        float[] x0 = withSelf.initialVectors();
        FastRPResult rs = withSelf.compute();
        for (int u = 54; u < 60; u++) {
            double nrm = 0;
            for (int c = 0; c < 16; c++) {
                nrm += x0[u * 16 + c] * x0[u * 16 + c];
            }
            nrm = Math.sqrt(nrm);
            for (int c = 0; c < 16; c++) {
                assertEquals(nrm > 0 ? 2 * x0[u * 16 + c] / nrm : 0, rs.get(u, c), 1e-6);
            }
        }
    }

    @Test
    void featureColumnsAreALinearProjectionOfTheFeatures() {
        int n = 4, f = 5, d = 16;
        Graph g = GraphBuilder.undirected(n).addEdge(0, 1).addEdge(2, 3).build();
        float[] x = {
                1, 0, 2, 0, -1,
                2, 0, 4, 0, -2,  // 2 × node 0
                0, 0, 0, 0, 0,
                1, 0, 2, 0, -1}; // = node 0
        FastRPParameters p = FastRPParameters.builder().dimension(d).propertyRatio(0.5).sparsity(2).build();
        assertEquals(8, p.propertyDimension());
        float[] x0 = new FastRP(g, x, f, p, ONE).initialVectors();
        boolean anyNonZero = false;
        for (int c = 8; c < 16; c++) {
            assertEquals(2 * x0[c], x0[d + c], 1e-6);
            assertEquals(0f, x0[2 * d + c]);
            assertEquals(x0[c], x0[3 * d + c], 0f);
            anyNonZero |= x0[c] != 0;
        }
        assertTrue(anyNonZero, "node 0's feature columns are not all zero");
        FastRP withFeatures = new FastRP(g, x, f, p.toBuilder().nodeSelfInfluence(1).build(), ONE);
        assertClose(reference(g, withFeatures.initialVectors(), p.toBuilder().nodeSelfInfluence(1).build()),
                withFeatures.compute().embeddings(), 2e-5);
    }

    @Test
    void trailingZeroWeightsDoNotChangeTheResult() {
        Graph g = randomGraph(80, 300, 0, false, false, 10);
        FastRPParameters p = FastRPParameters.builder().dimension(8).iterationWeights(1, 2).build();
        float[] a = new FastRP(g, p, ONE).compute().embeddings();
        float[] b = new FastRP(g, p.toBuilder().iterationWeights(1, 2, 0, 0).build(), ONE).compute().embeddings();
        assertArrayEquals(a, b);
    }

    @Test
    void memoryEstimateCoversThreeBuffersAndTheOperator() {
        FastRPParameters p = FastRPParameters.gdsDefaults(128, 1);
        long n = 100_000, e = 2_000_000;
        long est = FastRP.memoryEstimateBytes((int) n, e, p);
        assertTrue(est >= 3 * n * 128 * 4 + e * 4, "estimate " + est);
        assertTrue(est < 3 * n * 128 * 4 + e * 4 + 64 * n, "estimate " + est + " has no slack beyond small arrays");
        long sparse = FastRP.memoryEstimateBytes((int) n, e, FastRPParameters.paperBlogCatalog(128, 1));
        assertTrue(sparse > est, "the paper's sparse R adds its non-zeros");
    }

    @Test
    void invalidParametersAreRejectedNamingValueAndBound() {
        var b = FastRPParameters.builder();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.dimension(0).build()).getMessage()
                .contains("dimension must be >= 1, got 0"));
        b.dimension(8);
        assertThrows(IllegalArgumentException.class, () -> b.iterationWeights().build());
        assertThrows(IllegalArgumentException.class, () -> b.iterationWeights(1, Double.NaN).build());
        b.iterationWeights(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.sparsity(0.5).build()).getMessage()
                .contains("got 0.5"));
        b.sparsity(FastRPParameters.AUTO_SPARSITY);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.propertyRatio(1.0).build()).getMessage()
                .contains("[0, 1), got 1.0"));
        assertThrows(IllegalArgumentException.class, () -> b.propertyRatio(-0.1).build());
        b.propertyRatio(0.5);
        Graph g = GraphBuilder.undirected(3).addEdge(0, 1).build();
        FastRPParameters p = b.build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FastRP(g, p, ONE)).getMessage()
                .contains("no features"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FastRP(g, new float[5], 2, p, ONE))
                .getMessage().contains("features hold 5 floats but N×F = 3×2"));
        assertThrows(IllegalArgumentException.class, () -> b.normalizationStrength(Double.NaN).build());
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
