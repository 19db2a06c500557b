package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraphContrastiveLossTest {
    @Test
    void ntXentMatchesTheSimClrFormulaComputedByHand() {
        Tensor z1 = Tensor.of(3, 2, 1, 0, 0, 2, 1, 1), z2 = Tensor.of(3, 2, 2, 1, -1, 1, 0, -3);
        float tau = 0.5f;
        double[][] rows = new double[6][];
        for (int i = 0; i < 3; i++) {
            rows[2 * i] = unit(z1.get(i, 0), z1.get(i, 1));
            rows[2 * i + 1] = unit(z2.get(i, 0), z2.get(i, 1));
        }
        double total = 0;
        for (int i = 0; i < 6; i++) {
            double denominator = 0;
            for (int k = 0; k < 6; k++) {
                if (k != i) {
                    denominator += Math.exp(dot(rows[i], rows[k]) / tau);
                }
            }
            total += -Math.log(Math.exp(dot(rows[i], rows[i ^ 1]) / tau) / denominator);
        }
        assertEquals(total / 6, GraphContrastiveLoss.ntXent(Tape.noGrad(), z1, z2, tau).item(), 1e-5);
    }

    @Test
    void ntXentGradientsMatchFiniteDifferences() {
        Tensor z1 = GradCheck.variable(4, 3, 1), z2 = GradCheck.variable(4, 3, 2);
        GradCheck.check(t -> GraphContrastiveLoss.ntXent(t, z1, z2, 0.5f), z1, z2);
    }

    @Test
    void ntXentRejectsMismatchedViewsAndSinglePairs() {
        Tape t = Tape.noGrad();
        assertThrows(IllegalArgumentException.class,
                () -> GraphContrastiveLoss.ntXent(t, Tensor.of(2, 1, 1, 2), Tensor.of(1, 2, 1, 2), 0.5f));
        assertThrows(IllegalArgumentException.class,
                () -> GraphContrastiveLoss.ntXent(t, Tensor.of(1, 2, 1, 2), Tensor.of(1, 2, 1, 2), 0.5f));
    }

    @Test
    void viewsKeepTheNodesAndLoseOnlyEdges() {
        GraphBatch batch = GraphBatch.of(randomGraphs(6, 3));
        GraphContrastiveLoss cl = new GraphContrastiveLoss(4, 8, 0.5f, 0.4, 0.7);
        GraphContrastiveLoss.View v = cl.view(batch, new SplittableRandom(5));
        assertNull(v.nodes());
        GraphBatch view = v.batch();
        assertEquals(batch.numGraphs(), view.numGraphs());
        assertEquals(batch.graph().numNodes(), view.graph().numNodes());
        assertTrue(view.graph().numEntries() < batch.graph().numEntries());
        for (int g = 0; g < batch.numGraphs(); g++) {
            assertEquals(batch.numNodes(g), view.numNodes(g));
        }
    }

    @Test
    void nodeDroppedViewsGatherTheKeptNodesOfEachGraph() {
        GraphBatch batch = GraphBatch.of(randomGraphs(6, 3));
        GraphContrastiveLoss cl = new GraphContrastiveLoss(4, 8, 0.5f, GraphContrastiveLoss.Augmentation.NODE_DROP,
                0.3, 0.7);
        GraphContrastiveLoss.View v = cl.view(batch, new SplittableRandom(5));
        GraphBatch view = v.batch();
        assertEquals(batch.numGraphs(), view.numGraphs());
        assertEquals(view.graph().numNodes(), v.nodes().length);
        assertTrue(v.nodes().length < batch.graph().numNodes());
        for (int i = 0; i < v.nodes().length; i++) {
            // view node i is a node of the same graph of the batch, and the nodes keep their order
            assertEquals(batch.graphOf(v.nodes()[i]), view.graphOf(i));
            assertTrue(i == 0 || v.nodes()[i - 1] < v.nodes()[i]);
        }
        // the views' features are the kept nodes' rows: the loss trains like the edge-dropping one
        PerLayerReadoutNetwork net = PerLayerReadoutNetwork.gin(2, 16, 2, 3, 0f);
        net.resetParameters(new SplittableRandom(1));
        GraphContrastiveLoss objective = new GraphContrastiveLoss(net.embeddingWidth(), 16, 0.5f,
                GraphContrastiveLoss.Augmentation.NODE_DROP, 0.2, 0.7);
        lowersTheLossAlone(net, objective, 2);
    }

    @Test
    void trainingGinOnTheLossAloneLowersIt() {
        lowersTheLossAlone(PerLayerReadoutNetwork.gin(1, 16, 2, 3, 0f));
    }

    @Test
    void trainingKPathOnTheLossAloneLowersItAndTrainsThePathEncoders() {
        PerLayerReadoutNetwork net = PerLayerReadoutNetwork.kpath(1, 16, 2, 3, 0f, 3, 8);
        lowersTheLossAlone(net);
        // the views' own paths (not the full graphs') feed the embedding: every path encoder got a gradient
        Tensor x = ones(GraphBatch.of(randomGraphs(8, 11)).graph().numNodes());
        GraphContrastiveLoss cl = new GraphContrastiveLoss(net.embeddingWidth(), 16, 0.5f, 0.3, 0.7);
        cl.resetParameters(new SplittableRandom(2));
        net.zeroGrad();
        Tape tape = new Tape(3);
        tape.backward(cl.loss(tape, net, GraphBatch.of(randomGraphs(8, 11)), x, new SplittableRandom(7)));
        int encoders = 0;
        for (var e : net.namedParameters().entrySet()) {
            if (e.getKey().contains("_position") && e.getKey().endsWith(".weight")) {
                encoders++;
                assertTrue(e.getValue().grad().norm2Number().doubleValue() > 0, e.getKey() + " got no gradient");
            }
        }
        assertEquals(2 * (2 + 3 + 4), encoders, "position blocks of k = 1..3 in two KPathConv layers");
    }

    /** Minimises NT-Xent alone for {@code net} on fixed views, and checks it falls and the embedding's width. */
    private static void lowersTheLossAlone(GraphLevelModule net) {
        net.resetParameters(new SplittableRandom(1));
        lowersTheLossAlone(net, new GraphContrastiveLoss(net.embeddingWidth(), 16, 0.5f, 0.3, 0.7), 1);
    }

    /** As above with {@code cl}, on random node features of {@code width} columns. */
    private static void lowersTheLossAlone(GraphLevelModule net, GraphContrastiveLoss cl, int width) {
        GraphBatch batch = GraphBatch.of(randomGraphs(8, 11));
        Tensor x = width == 1 ? ones(batch.graph().numNodes()) : GradCheck.variable(batch.graph().numNodes(), width, 4);
        cl.resetParameters(new SplittableRandom(2));
        List<Parameter> params = new ArrayList<>(net.parameters());
        params.addAll(cl.parameters());
        Adam adam = new Adam(params, 0.01, 0);
        Tape tape = new Tape(3);
        double first = 0, last = 0;
        for (int step = 0; step < 60; step++) {
            adam.zeroGrad();
            // the same two views every step: the loss of a fixed objective must fall
            Tensor loss = cl.loss(tape, net, batch, x, new SplittableRandom(7));
            tape.backward(loss);
            adam.step();
            if (step == 0) {
                first = loss.item();
            }
            last = loss.item();
            tape.reset();
        }
        assertTrue(last < 0.8 * first, "NT-Xent went from " + first + " to " + last);
        assertEquals(net.embeddingWidth(), net.embed(Tape.noGrad(), batch, x).cols());
    }

    /** The constant node feature 1 for n nodes (n×1). */
    private static Tensor ones(int n) {
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        return Tensor.of(n, 1, ones);
    }

    private static List<Graph> randomGraphs(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Graph> graphs = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            int n = 6 + rng.nextInt(6);
            GraphBuilder b = GraphBuilder.undirected(n);
            for (int i = 1; i < n; i++) {
                b.addEdge(i, rng.nextInt(i)); // a random tree, then chords
            }
            for (int e = 0; e < n; e++) {
                int u = rng.nextInt(n), v = rng.nextInt(n);
                if (u != v) {
                    b.addEdge(u, v);
                }
            }
            graphs.add(b.build());
        }
        return graphs;
    }

    private static double[] unit(double a, double b) {
        double norm = Math.hypot(a, b);
        return new double[] {a / norm, b / norm};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1];
    }
}
