package io.gnn4j.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.forward.TopDownTrainer.Signal;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.LayerFixtures;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.EarlyStopping;
import io.gnn4j.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopDownTrainerTest {
    private static final LayerFixtures.Task TASK = LayerFixtures.plantedPartition(240, 3, 16, 7);
    private static final int H = 16;
    private static final int[] VAL = odd(0);
    private static final int[] TEST = odd(1);

    private static int[] odd(int r) {
        int[] out = new int[TASK.graph().numNodes() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = 4 * i + 1 + 2 * r;
        }
        return out;
    }

    private static SingleForward sf() {
        return SingleForward.of(TASK.graph(), TASK.features(), TASK.labels(), TASK.train(), TASK.classes(), 1.0, 3);
    }

    private static List<GraphModule> gcn(Signal signal, int depth) {
        List<GraphModule> layers = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            GCNConv conv = new GCNConv(TopDownTrainer.inputWidth(signal, i, depth, 16, H, TASK.classes()), H);
            conv.resetParameters(new SplittableRandom(20 + i));
            layers.add(conv);
        }
        return layers;
    }

    private static ForwardResult fit(Signal signal, List<GraphModule> layers, int epochs, double lr) {
        TopDownTrainer t = new TopDownTrainer(signal,
                () -> Trainer.builder().epochs(epochs).earlyStopping(EarlyStopping.Monitor.VAL_ACC, 0).seed(5),
                params -> new Adam(params, lr, 5e-4));
        return t.fit(layers, H, sf(), TASK.labels(), TASK.train(), VAL, TEST);
    }

    private static Tensor block(Tape t, GraphModule layer, Graph g, Tensor in) {
        return t.relu(layer.forward(t, g, in));
    }

    /** Layer i's gradient from its own loss alone, recomputed here from the initial layers' states. */
    private static void assertGradient(GraphModule trained, GraphModule fresh, Tape tape, Tensor loss, String what) {
        tape.backward(loss);
        for (int k = 0; k < fresh.parameters().size(); k++) {
            Parameter expected = fresh.parameters().get(k);
            assertArrayEquals(expected.grad().data().asFloat(), trained.parameters().get(k).grad().data().asFloat(), 1e-5f,
                    what);
        }
        tape.reset();
    }

    @Test
    void eachLayersGradientIsThatOfItsOwnLossOnTheDetachedStates() {
        SingleForward sf = sf();
        Graph g = sf.graph();
        Tensor x = sf.trainingInputs().getFirst();
        // top-down into the loss: layer i scores mean(ReLU(conv_i(x̂_i)), x̂_{i+2}, …)
        List<GraphModule> trained = gcn(Signal.LOSS, 2), fresh = gcn(Signal.LOSS, 2);
        fit(Signal.LOSS, trained, 1, 0.01);
        Tape nog = Tape.noGrad();
        Tensor s0 = LocalTrainer.copy(x, true);
        Tensor s1 = LocalTrainer.copy(block(nog, fresh.get(0), g, s0), true);
        Tensor s2 = LocalTrainer.copy(block(nog, fresh.get(1), g, s1), true);
        Tape t = new Tape(0);
        Tensor mean0 = t.scale(t.add(block(t, fresh.get(0), g, s0), s2), 0.5f);
        assertGradient(trained.get(0), fresh.get(0), t, sf.loss(t, 0, List.of(mean0)), "loss signal, layer 0");
        assertGradient(trained.get(1), fresh.get(1), t, sf.loss(t, 1, List.of(block(t, fresh.get(1), g, s1))),
                "loss signal, layer 1");

        // top-down into the input: layer 0 reads [x̂ | ĥ_1(bottom-up)], layer 1 then [ĥ_0(new) | ŷ]
        trained = gcn(Signal.INPUT, 2);
        fresh = gcn(Signal.INPUT, 2);
        fit(Signal.INPUT, trained, 1, 0.01);
        int rows = x.rows();
        Tensor h0 = block(nog, fresh.get(0), g, nog.concat(s0, Tensor.of(rows, H, new float[rows * H])));
        Tensor h1 = block(nog, fresh.get(1), g, nog.concat(LocalTrainer.copy(h0, true),
                Tensor.of(rows, TASK.classes(), new float[rows * TASK.classes()])));
        Tensor in0 = t.concat(s0, LocalTrainer.copy(h1, true));
        Tensor out0 = block(t, fresh.get(0), g, in0);
        Tensor newH0 = LocalTrainer.copy(out0, true);
        assertGradient(trained.get(0), fresh.get(0), t, sf.loss(t, 0, List.of(out0)), "input signal, layer 0");
        Tensor in1 = t.concat(newH0, LocalTrainer.copy(sf.labelState(), true));
        assertGradient(trained.get(1), fresh.get(1), t, sf.loss(t, 1, List.of(block(t, fresh.get(1), g, in1))),
                "input signal, layer 1");
    }

    @Test
    void activationMemoryGrowsWithDepthByTheKeptStatesOnly() {
        long state = (long) (TASK.graph().numNodes() + TASK.classes()) * H * Float.BYTES;
        long loss2 = fit(Signal.LOSS, gcn(Signal.LOSS, 2), 2, 0.01).peakLiveBytes();
        long loss6 = fit(Signal.LOSS, gcn(Signal.LOSS, 6), 2, 0.01).peakLiveBytes();
        assertEquals(4 * state, loss6 - loss2, "four more layers keep four more states, nothing else");
        long input3 = fit(Signal.INPUT, gcn(Signal.INPUT, 3), 2, 0.01).peakLiveBytes();
        long input6 = fit(Signal.INPUT, gcn(Signal.INPUT, 6), 2, 0.01).peakLiveBytes();
        assertEquals(3 * state, input6 - input3, "three more layers keep three more states, nothing else");
    }

    @Test
    void bothSignalsLearnAPlantedPartition() {   // chance is 1/3
        for (Signal s : Signal.values()) {
            ForwardResult r = fit(s, gcn(s, 2), 150, 0.03);
            assertEquals(1, r.layers().size());
            assertTrue(r.testAccuracy() > 0.6, s + ": test accuracy " + r.testAccuracy());
        }
    }

    @Test
    void inputWidthsAddTheStateAboveForTheInputSignal() {
        assertEquals(10, TopDownTrainer.inputWidth(Signal.LOSS, 0, 3, 10, 8, 4));
        assertEquals(8, TopDownTrainer.inputWidth(Signal.LOSS, 2, 3, 10, 8, 4));
        assertEquals(18, TopDownTrainer.inputWidth(Signal.INPUT, 0, 3, 10, 8, 4));
        assertEquals(16, TopDownTrainer.inputWidth(Signal.INPUT, 1, 3, 10, 8, 4));
        assertEquals(12, TopDownTrainer.inputWidth(Signal.INPUT, 2, 3, 10, 8, 4));
        assertEquals(14, TopDownTrainer.inputWidth(Signal.INPUT, 0, 1, 10, 8, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopDownTrainer.inputWidth(Signal.INPUT, 3, 3, 10, 8, 4));
        assertTrue(e.getMessage().contains("layer 3 is outside 0..2"), e.getMessage());
    }
}
