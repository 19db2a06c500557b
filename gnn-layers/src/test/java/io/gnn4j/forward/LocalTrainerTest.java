package io.gnn4j.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GATConv;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.LayerFixtures;
import io.gnn4j.layers.SAGEConv;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.EarlyStopping;
import io.gnn4j.train.EpochRecord;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class LocalTrainerTest {
    private static final LayerFixtures.Task TASK = LayerFixtures.plantedPartition(240, 3, 16, 7);
    private static final int[] VAL = odd(0);
    private static final int[] TEST = odd(1);

    /** Odd nodes alternately to validation (r = 0) and test (r = 1); the fixture trains on the even ones. */
    private static int[] odd(int r) {
        int n = TASK.graph().numNodes();
        int[] out = new int[n / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = 4 * i + 1 + 2 * r;
        }
        return out;
    }

    private static List<GraphModule> gcn(int depth, int in, int hidden, long seed) {
        List<GraphModule> layers = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            GCNConv conv = new GCNConv(i == 0 ? in : hidden, hidden);
            conv.resetParameters(new SplittableRandom(seed + i));
            layers.add(conv);
        }
        return layers;
    }

    private static LocalObjective singleForward() {
        return SingleForward.of(TASK.graph(), TASK.features(), TASK.labels(), TASK.train(), TASK.classes(), 1.0, 3);
    }

    private static LocalTrainer trainer(int epochs, double lr, TrainingListener... listeners) {
        return new LocalTrainer(i -> {
            Trainer.Builder b = Trainer.builder().epochs(epochs).earlyStopping(EarlyStopping.Monitor.VAL_ACC, 0)
                    .seed(5 + i);
            for (TrainingListener l : listeners) {
                b.listener(l);
            }
            return b;
        }, params -> new Adam(params, lr, 5e-4), ExecutionContext.defaultContext());
    }

    private static ForwardResult fit(List<GraphModule> layers, LocalObjective objective, int epochs) {
        return trainer(epochs, 0.01).fit(layers, objective, TASK.labels(), TASK.train(), VAL, TEST);
    }

    @Test
    void noGradientReachesAnEarlierLayer() {
        List<GraphModule> layers = gcn(2, 16, 16, 1);
        List<Parameter> first = layers.get(0).parameters();
        List<float[][]> gradients = new ArrayList<>();   // per epoch: layer 0's gradients, then values
        LocalTrainer trainer = trainer(12, 0.01, r -> {
            float[][] snapshot = new float[2 * first.size()][];
            for (int k = 0; k < first.size(); k++) {
                snapshot[k] = first.get(k).grad().data().asFloat();
                snapshot[first.size() + k] = first.get(k).toFloatArray();
            }
            gradients.add(snapshot);
        });
        ForwardResult result = trainer.fit(layers, singleForward(), TASK.labels(), TASK.train(), VAL, TEST);
        int firstEpochs = result.layers().get(0).epochs().size();
        assertEquals(24, gradients.size());
        float[][] endOfFirst = gradients.get(firstEpochs - 1);
        assertNotEquals(0f, max(endOfFirst[0]), "layer 0 was trained, so its gradient is not zero");
        assertNotEquals(max(gradients.get(0)[first.size()]), max(endOfFirst[first.size()]),
                "layer 0's weights moved while it trained");
        for (int e = firstEpochs; e < gradients.size(); e++) {
            for (int k = 0; k < first.size(); k++) {
                assertArrayEquals(endOfFirst[k], gradients.get(e)[k], "epoch " + e + ": a gradient reached layer 0");
                // layer 0 is back at its best epoch's values, and they stay there while layer 1 trains
                assertArrayEquals(first.get(k).toFloatArray(), gradients.get(e)[first.size() + k]);
            }
        }
        assertNotEquals(0f, max(layers.get(1).parameters().get(0).grad().data().asFloat()));
    }

    private static float max(float[] a) {
        float m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void activationMemoryDoesNotGrowWithDepthWhileBackpropagationsDoes() {
        long forward2 = fit(gcn(2, 16, 16, 1), singleForward(), 2).peakLiveBytes();
        long forward8 = fit(gcn(8, 16, 16, 1), singleForward(), 2).peakLiveBytes();
        assertTrue(forward2 > 0);
        assertEquals(forward2, forward8, "forward learning holds one layer's activations whatever the depth");

        long backprop2 = backpropPeak(gcn(2, 16, 16, 1));
        long backprop8 = backpropPeak(gcn(8, 16, 16, 1));
        assertTrue(backprop8 > 3 * backprop2, "end-to-end training keeps every layer: " + backprop2 + " -> "
                + backprop8);
    }

    /** The live bytes of one end-to-end training step through the same stack of ReLU(GCN) blocks. */
    private static long backpropPeak(List<GraphModule> layers) {
        Tape tape = new Tape(0);
        Tensor h = TASK.features();
        for (GraphModule layer : layers) {
            h = tape.relu(layer.forward(tape, TASK.graph(), h));
        }
        tape.backward(tape.mean(tape.mul(h, h)));
        long peak = tape.peakLiveBytes();
        tape.reset();
        assertEquals(0, tape.liveBytes(), "reset hands every buffer back");
        return peak;
    }

    @Test
    void everyVariantLearnsAPlantedPartitionOnGcnAndSage() {   // chance is 1/3
        Graph g = TASK.graph();
        int[] y = TASK.labels();
        List<LocalObjective> objectives = List.of(singleForward(),
                ForwardForward.of(g, TASK.features(), y, TASK.train(), TASK.classes(), 2, 2.0, 3),
                TargetProjection.of(g, TASK.features(), y, TASK.train(), TASK.classes(), 3));
        List<IntFunction<GraphModule>> backbones = List.of(in -> new GCNConv(in, 16), in -> new SAGEConv(in, 16));
        for (LocalObjective objective : objectives) {
            for (IntFunction<GraphModule> backbone : backbones) {
                int in = objective.trainingInputs().getFirst().cols();
                List<GraphModule> layers = List.of(backbone.apply(in), backbone.apply(16));
                for (int i = 0; i < layers.size(); i++) {
                    layers.get(i).resetParameters(new SplittableRandom(11 + i));
                }
                ForwardResult r = trainer(200, 0.03).fit(layers, objective, TASK.labels(), TASK.train(), VAL, TEST);
                String what = objective.getClass().getSimpleName() + " on " + layers.getFirst();
                assertTrue(r.testAccuracy() > 0.6, what + ": test accuracy " + r.testAccuracy());
                assertEquals(r.testAccuracy(), r.testAccuracy(2));
            }
        }
    }

    @Test
    void forwardForwardWithVirtualNodesLearnsAPlantedPartitionAboveChance() {   // chance is 1/3
        // Weaker than label appending here (≈0.5 against ≥0.95 with the same layers): a node sees its label only
        // through one normalised edge to a class node with random features.
        LocalObjective vn = VirtualNodeForwardForward.of(TASK.graph(), TASK.features(), TASK.labels(), TASK.train(),
                TASK.classes(), 2, 2.0, 3);
        List<GraphModule> layers = gcn(2, 16, 16, 11);
        ForwardResult r = trainer(200, 0.01).fit(layers, vn, TASK.labels(), TASK.train(), VAL, TEST);
        assertTrue(r.testAccuracy() > 0.45, "test accuracy " + r.testAccuracy());
    }

    @Test
    void singleForwardLearnsOnAMultiHeadGatBackbone() {
        List<GraphModule> layers = List.of(new GATConv(16, 4, 4, true, 0.2f, 0f, true, true),
                new GATConv(16, 4, 4, true, 0.2f, 0f, true, true));
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).resetParameters(new SplittableRandom(11 + i));
        }
        ForwardResult r = trainer(200, 0.03).fit(layers, singleForward(), TASK.labels(), TASK.train(), VAL, TEST);
        assertTrue(r.testAccuracy() > 0.6, "test accuracy " + r.testAccuracy());   // chance is 1/3
    }

    @Test
    void embedRunsTheTrainedStackOnRowNormalisedInputs() {
        LocalObjective tp = TargetProjection.of(TASK.graph(), TASK.features(), TASK.labels(), TASK.train(),
                TASK.classes(), 3);
        List<GraphModule> layers = gcn(2, 16, 16, 1);
        LocalTrainer trainer = trainer(3, 0.01);
        trainer.fit(layers, tp, TASK.labels(), TASK.train(), VAL, TEST);
        Tensor h = trainer.embed(layers, tp);
        Tape t = Tape.noGrad();
        Tensor expected = TASK.features();
        for (GraphModule layer : layers) {
            expected = LocalTrainer.copy(t.relu(layer.forward(t, TASK.graph(), LocalTrainer.copy(expected, true))),
                    false);
        }
        assertArrayEquals(LocalTrainer.copy(expected, true).toFloatArray(), h.toFloatArray(), 1e-6f);
        assertEquals(1f, rowNorm(h, 0), 1e-5f);
    }

    private static float rowNorm(Tensor h, int row) {
        double s = 0;
        for (int j = 0; j < h.cols(); j++) {
            s += h.get(row, j) * h.get(row, j);
        }
        return (float) Math.sqrt(s);
    }

    @Test
    void aRunIsRepeatableGivenItsSeeds() {
        ForwardResult a = fit(gcn(2, 16, 16, 1), singleForward(), 5);
        ForwardResult b = fit(gcn(2, 16, 16, 1), singleForward(), 5);
        for (int i = 0; i < 2; i++) {
            assertEquals(a.layers().get(i).bestMetrics(), b.layers().get(i).bestMetrics());
            List<EpochRecord> ea = a.layers().get(i).epochs(), eb = b.layers().get(i).epochs();
            for (int e = 0; e < ea.size(); e++) {
                assertEquals(ea.get(e).loss(), eb.get(e).loss());
            }
        }
    }

    @Test
    void classNodesLinkTheirTrainingNodesBothWays() {
        SingleForward sf = (SingleForward) singleForward();
        Graph aug = sf.graph();
        int n = TASK.graph().numNodes();
        assertEquals(n + TASK.classes(), aug.numNodes());
        assertEquals(TASK.graph().numEntries() + 2 * TASK.train().length, aug.numEntries());
        for (int v : TASK.train()) {
            int c = n + TASK.labels()[v];
            assertTrue(aug.hasEdge(v, c) && aug.hasEdge(c, v), "training node " + v + " and its class node");
        }
        assertEquals(n + TASK.classes(), sf.trainingInputs().getFirst().rows());
    }

    @Test
    void singleForwardScoresAreTheSoftmaxOfSimilaritiesToTheClassNodes() {
        SingleForward sf = (SingleForward) singleForward();
        int n = TASK.graph().numNodes(), k = TASK.classes(), w = 5;
        SplittableRandom r = new SplittableRandom(1);
        float[] h = new float[(n + k) * w];
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) r.nextGaussian();
        }
        Tape tape = Tape.noGrad();
        Tensor scores = sf.scores(tape, 0, List.of(Tensor.of(n + k, w, h)));
        for (int v = 0; v < n; v += 37) {
            double[] logits = new double[k];
            double sum = 0;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < w; j++) {
                    logits[c] += h[v * w + j] * h[(n + c) * w + j];
                }
                sum += Math.exp(logits[c]);
            }
            for (int c = 0; c < k; c++) {
                assertEquals(Math.exp(logits[c]) / sum, scores.get(v, c), 1e-5);
            }
        }
    }

    @Test
    void forwardForwardAppendsTheLabelOrAWrongClassToTrainingNodes() {
        ForwardForward ff = ForwardForward.of(TASK.graph(), TASK.features(), TASK.labels(), TASK.train(),
                TASK.classes(), 2, 2.0, 3);
        int f = TASK.features().cols(), k = TASK.classes();
        List<Tensor> streams = ff.trainingInputs();
        assertEquals(3, streams.size());
        for (int v : TASK.train()) {
            int y = TASK.labels()[v];
            assertEquals(1f, streams.get(0).get(v, f + y));
            int wrong1 = argmax(streams.get(1), v, f, k), wrong2 = argmax(streams.get(2), v, f, k);
            assertTrue(wrong1 != y && wrong2 != y && wrong1 != wrong2, "node " + v);
        }
        assertEquals(1f / k, streams.get(0).get(VAL[0], f));
        assertEquals(k, ff.predictionInputs().size());
        assertEquals(1f, ff.predictionInputs().get(2).get(VAL[0], f + 2));
        assertThrows(IllegalArgumentException.class, () -> ForwardForward.of(TASK.graph(), TASK.features(),
                TASK.labels(), TASK.train(), k, k, 2.0, 3));
    }

    @Test
    void virtualNodeGraphsLinkTrainingNodesToTheirOwnClassOrAWrongOneAndPredictionGraphsEveryOtherNodeToOneClass() {
        Graph g = TASK.graph();
        int n = g.numNodes(), k = TASK.classes();
        VirtualNodeForwardForward vn = VirtualNodeForwardForward.of(g, TASK.features(), TASK.labels(), TASK.train(),
                k, 2, 2.0, 3);
        List<Graph> training = vn.trainingGraphs();
        assertEquals(3, training.size());
        assertEquals(3, vn.trainingInputs().size());
        assertTrue(vn.trainingStreamsShareInput());
        for (Graph aug : training) {
            assertEquals(n + k, aug.numNodes());
            assertEquals(g.numEntries() + 2 * TASK.train().length, aug.numEntries());
        }
        for (int v : TASK.train()) {
            int y = TASK.labels()[v];
            assertTrue(training.get(0).hasEdge(v, n + y) && training.get(0).hasEdge(n + y, v), "node " + v);
            int w1 = classNeighbour(training.get(1), v, n, k), w2 = classNeighbour(training.get(2), v, n, k);
            assertTrue(w1 != y && w2 != y && w1 != w2, "node " + v + ": " + y + ", " + w1 + ", " + w2);
        }
        assertEquals(k, vn.predictionGraphs().size());
        Graph third = vn.predictionGraphs().get(2);
        assertEquals(g.numEntries() + 2 * n, third.numEntries());
        assertEquals(2, classNeighbour(third, VAL[0], n, k));
        assertEquals(TASK.labels()[TASK.train()[0]], classNeighbour(third, TASK.train()[0], n, k));
        assertEquals(n + k, vn.predictionInputs().getFirst().rows());
        assertThrows(IllegalArgumentException.class, () -> VirtualNodeForwardForward.of(g, TASK.features(),
                TASK.labels(), TASK.train(), k, k, 2.0, 3));
    }

    /** The one class node (n … n + k − 1) that {@code v} links to. */
    private static int classNeighbour(Graph g, int v, int n, int k) {
        int found = -1;
        for (int c = 0; c < k; c++) {
            if (g.hasEdge(v, n + c)) {
                assertEquals(-1, found, "node " + v + " links to two class nodes");
                found = c;
            }
        }
        return found;
    }

    @Test
    void streamsSharingTheirInputAllReadThePositiveStreamsOutputOfTheLayerBelow() {
        VirtualNodeForwardForward vn = VirtualNodeForwardForward.of(TASK.graph(), TASK.features(), TASK.labels(),
                TASK.train(), TASK.classes(), 2, 2.0, 3);
        List<float[]> firstOutputsOfLayer1 = new ArrayList<>();
        LocalObjective recording = new LocalObjective() {
            @Override public Graph graph() { return vn.graph(); }
            @Override public List<Tensor> trainingInputs() { return vn.trainingInputs(); }
            @Override public List<Graph> trainingGraphs() { return vn.trainingGraphs(); }
            @Override public boolean trainingStreamsShareInput() { return true; }
            @Override public List<Tensor> predictionInputs() { return vn.predictionInputs(); }
            @Override public List<Graph> predictionGraphs() { return vn.predictionGraphs(); }
            @Override public Tensor scores(Tape t, int layer, List<Tensor> out) { return vn.scores(t, layer, out); }

            @Override
            public Tensor loss(Tape tape, int layer, List<Tensor> outputs) {
                if (layer == 1 && firstOutputsOfLayer1.isEmpty()) {
                    outputs.forEach(o -> firstOutputsOfLayer1.add(o.toFloatArray()));
                }
                return vn.loss(tape, layer, outputs);
            }
        };
        List<GraphModule> layers = gcn(2, 16, 16, 1);
        GraphModule untrainedLayer1 = gcn(2, 16, 16, 1).get(1);
        fit(layers, recording, 3);
        Tape t = Tape.noGrad();
        Tensor below = LocalTrainer.copy(t.relu(layers.getFirst().forward(t, vn.graph(),
                LocalTrainer.copy(vn.trainingInputs().getFirst(), true))), true);
        assertEquals(3, firstOutputsOfLayer1.size());
        for (int s = 0; s < 3; s++) {
            Tensor expected = t.relu(untrainedLayer1.forward(t, vn.trainingGraphs().get(s), below));
            assertArrayEquals(expected.toFloatArray(), firstOutputsOfLayer1.get(s), 1e-5f, "stream " + s);
        }
        assertFalse(java.util.Arrays.equals(firstOutputsOfLayer1.get(0), firstOutputsOfLayer1.get(1)));
    }

    private static int argmax(Tensor t, int row, int from, int width) {
        int best = 0;
        for (int c = 1; c < width; c++) {
            if (t.get(row, from + c) > t.get(row, from + best)) {
                best = c;
            }
        }
        return best;
    }

    @Test
    void tpSgdTargetsAreFixedPerLayerAndDifferAcrossLayers() {
        TargetProjection tp = TargetProjection.of(TASK.graph(), TASK.features(), TASK.labels(), TASK.train(),
                TASK.classes(), 3);
        assertArrayEquals(tp.targets(0, 8).toFloatArray(), tp.targets(0, 8).toFloatArray());
        assertNotEquals(tp.targets(0, 8).get(0, 0), tp.targets(1, 8).get(0, 0));
        assertThrows(IllegalArgumentException.class, () -> tp.targets(0, 9));
    }
}
