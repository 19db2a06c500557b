package io.gnn4j.bench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.NodeNetwork;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.PerLayerReadoutNetwork;
import io.gnn4j.train.EarlyStopping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The harness's tasks around the Trainer: what they check, and which labels they train and score on. */
class TrainingLoopTest {
    private static final Progress QUIET = Progress.start("test", 1, true);
    private static final ExecutionContext ONE = ExecutionContext.withThreads(1);

    private static HyperParameters hp(int epochs, int patience, EarlyStopping.Monitor monitor) {
        return HyperParameters.DEFAULTS.with(HyperParameters.Overrides.of("epochs: " + epochs + ", patience: "
                + patience + ", monitor: " + monitor.metric() + ", hidden: 8, layers: 2, dropout: 0.0, lr: 0.05, "
                + "weightDecay: 0, heads: 1, hops: 1, batchSize: 4"));
    }

    @Test
    void emptyValidationSetIsRejectedWithTheSizes() {
        Graph g = GraphBuilder.undirected(4).addEdge(0, 1).build();
        NodeDataset data = new NodeDataset("toy", g, 1, new float[4], new int[] {0, 1, 0, 1}, 2, List.of(), null);
        var e = assertThrows(IllegalArgumentException.class, () -> NodeClassification.run("m", "p", 0, 0,
                new NodeNetwork(new GCNConv(1, 2), Map.of()), data,
                new Split("s", new int[] {0}, new int[0], new int[] {3}), hp(1, 0, EarlyStopping.Monitor.VAL_LOSS),
                ONE, QUIET));
        assertEquals("split s needs train, validation and test nodes, has 1/0/1", e.getMessage());
    }

    @Test
    void graphLoopTrainsOnTheGivenLabelsButScoresValidationAndTestOnTheTrueOnes() {
        // Eight one-node graphs whose feature is the one-hot true class; every training label is flipped.
        List<Graph> graphs = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        int[] trueLabels = {0, 1, 0, 1, 0, 1, 0, 1};
        for (int label : trueLabels) {
            graphs.add(GraphBuilder.undirected(1).build());
            features.add(label == 0 ? new float[] {1, 0} : new float[] {0, 1});
        }
        GraphDataset data = new GraphDataset("toy", graphs, 2, features, trueLabels, 2);
        int[] flipped = new int[trueLabels.length];
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = 1 - trueLabels[i];
        }
        PerLayerReadoutNetwork net = PerLayerReadoutNetwork.gcn(2, 8, 2, 2, 0f);
        net.resetParameters(new SplittableRandom(3));
        RunResult r = GraphClassification.run("gcn", "noise 1.0", 5, 3, net, data, flipped, trueLabels,
                new int[] {0, 1, 2, 3}, new int[] {4, 5}, new int[] {6, 7}, hp(60, 0, EarlyStopping.Monitor.VAL_ACC),
                ContrastiveSettings.OFF, ONE, QUIET);
        int last = r.history().epochs() - 1;
        assertEquals(60, r.history().epochs());
        assertEquals(1.0, r.history().trainAcc()[last], "learns the flipped training labels");
        assertEquals(0.0, r.history().valAcc()[last], "so it is wrong on every true validation label");
        assertEquals(5, r.run());
        assertTrue(r.peakMemory() > 0, "peak memory " + r.peakMemory());
    }

    @Test
    void contrastivePretrainingLowersItsLossWithoutLabels() {
        // Twelve cycles and stars of 3..8 nodes, constant features; the labels are never read by pre-training.
        List<Graph> graphs = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        for (int n = 3; n <= 8; n++) {
            GraphBuilder cycle = GraphBuilder.undirected(n), star = GraphBuilder.undirected(n);
            for (int i = 0; i < n; i++) {
                cycle.addEdge(i, (i + 1) % n);
                if (i > 0) {
                    star.addEdge(0, i);
                }
            }
            for (GraphBuilder b : List.of(cycle, star)) {
                graphs.add(b.build());
                float[] x = new float[n];
                java.util.Arrays.fill(x, 1f);
                features.add(x);
            }
        }
        int[] labels = new int[graphs.size()];
        GraphDataset data = new GraphDataset("toy", graphs, 1, features, labels, 2);
        int[] all = new int[graphs.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        PerLayerReadoutNetwork net = PerLayerReadoutNetwork.gin(1, 8, 2, 3, 0f);
        net.resetParameters(new SplittableRandom(1));
        var objective = ContrastiveSettings.OFF.objective(net, 8);
        objective.resetParameters(new SplittableRandom(2));
        var history = GraphClassification.pretrain(net, objective, new GraphMiniBatches(data, "fold 0", all, all, all),
                all, hp(60, 0, EarlyStopping.Monitor.VAL_LOSS).with(HyperParameters.Overrides.of("batchSize: 12")), 60,
                3, ONE).epochs();
        assertEquals(60, history.size());
        double first = history.get(0).loss(), last = history.get(59).loss();
        assertTrue(last < 0.9 * first, "NT-Xent " + first + " -> " + last);
    }

    @Test
    void graphRegressionFitsTheNodeCountAndScoresInTheTargetsUnits() {
        // Edgeless graphs of 1..12 nodes with feature 1: the target is the node count, which a sum readout of x
        // (GIN's first head) represents exactly; standardised training, metrics in node counts.
        List<Graph> graphs = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        float[] counts = new float[24];
        for (int i = 0; i < 24; i++) {
            int n = 1 + i % 12;
            graphs.add(GraphBuilder.undirected(n).build());
            float[] x = new float[n];
            java.util.Arrays.fill(x, 1f);
            features.add(x);
            counts[i] = n;
        }
        GraphDataset data = new GraphDataset("sizes", graphs, 1, features, new int[24], 1);
        PerLayerReadoutNetwork net = PerLayerReadoutNetwork.gin(1, 8, 1, 2, 0f);
        net.resetParameters(new SplittableRandom(4));
        var targets = new GraphRegression.Targets(List.of("nodes"), counts, counts, new double[] {6.5},
                new double[] {3.5});
        int[] train = new int[16], val = {16, 17, 18, 19}, test = {20, 21, 22, 23};
        for (int i = 0; i < 16; i++) {
            train[i] = i;
        }
        RunResult r = GraphRegression.run("gin", "standard", 0, 1, net, data, targets, GraphRegression.Loss.MSE, train,
                val, test, hp(150, 0, EarlyStopping.Monitor.VAL_ACC), ONE, QUIET);
        assertTrue(r.metric("test_mae") < 0.5, "test MAE " + r.metric("test_mae") + " node counts");
        assertTrue(r.metric("test_r2") > 0.9, "test R² " + r.metric("test_r2"));
        assertEquals(List.of("test_mae", "test_rmse", "test_r2", "val_mae"), List.copyOf(r.metrics().keySet()));
        var e = assertThrows(IllegalArgumentException.class, () -> GraphRegression.run("gin", "standard", 2, 1, net,
                data, targets, GraphRegression.Loss.L1, train, new int[0], test, hp(1, 0, EarlyStopping.Monitor.VAL_ACC),
                ONE, QUIET));
        assertEquals("run 2 needs train, validation and test graphs, has 16/0/4", e.getMessage());
    }

    @Test
    void evaluationInChunksGivesTheOutputsOfOneBatch() {
        // 300 graphs: three chunks of at most EVAL_CHUNK, the last one partial
        GraphDataset data = io.gnn4j.datasets.generate.SubstructureCounting.generate(300, 5, 9, 3);
        int[] all = GraphMiniBatches.identity(data.graphs().size());
        GraphMiniBatches batches = new GraphMiniBatches(data, "test", all, all, all);
        // every path enumerated (no sampling, whose draws follow the nodes' places in the batch)
        PerLayerReadoutNetwork net = PerLayerReadoutNetwork.kpath(data.numFeatures(), 8, 4, 3, 0.5f, 2, 100);
        net.resetParameters(new SplittableRandom(4));
        net.eval();
        io.gnn4j.nn.Tape tape = io.gnn4j.nn.Tape.noGrad();
        float[] chunked = batches.outputs(net, tape, all);
        GraphMiniBatches.Batch whole = batches.of(all);
        float[] once = net.forward(tape, whole.batch(), whole.x()).toFloatArray();
        assertTrue(all.length > 2 * GraphMiniBatches.EVAL_CHUNK);
        assertEquals(once.length, chunked.length);
        for (int i = 0; i < once.length; i++) {
            assertEquals(once[i], chunked[i], 1e-4 * Math.max(1, Math.abs(once[i])), "output " + i);
        }
    }
}
