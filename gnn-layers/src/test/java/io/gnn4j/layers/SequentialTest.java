package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialTest {
    @Test
    void sequentialNamesParametersByPositionAndPropagatesEvalMode() {
        Sequential s = new Sequential(new Dropout(0.5f), new GCNConv(4, 3), Activation.RELU.module(),
                new SAGEConv(3, 2));
        assertEquals(List.of("1.weight", "1.bias", "3.lin_l.weight", "3.lin_l.bias", "3.lin_r.weight"),
                List.copyOf(s.namedParameters().keySet()));
        assertEquals(4 * 3 + 3 + 3 * 2 + 2 + 3 * 2, s.numParameters());
        s.eval();
        assertFalse(s.steps().get(0).isTraining());
        s.resetParameters(new SplittableRandom(1));
        Tensor x = GradCheck.variable(5, 4, 1);
        assertArrayEquals(s.forward(Tape.noGrad(), tiny(), x).toFloatArray(),
                s.forward(new Tape(99), tiny(), x).toFloatArray(), "eval mode ignores the tape's dropout seed");
        s.train();
        assertTrue(s.steps().get(0).isTraining());
    }

    @Test
    void anActivationFollowedByDropoutGivesTheTwoStepsNumbers() {
        for (Activation act : new Activation[] {Activation.RELU, Activation.LEAKY_RELU, Activation.ELU}) {
            Sequential s = new Sequential(new GCNConv(4, 3), act.module(), new Dropout(0.5f), new GCNConv(3, 2));
            s.resetParameters(new SplittableRandom(2));
            float[][] out = new float[2][], grad = new float[2][];
            for (int stepwise = 0; stepwise < 2; stepwise++) {
                Tensor x = GradCheck.variable(5, 4, 1);
                Tape t = new Tape(7);
                Tensor y;
                if (stepwise == 1) {
                    Tensor h = s.steps().get(0).forward(t, tiny(), x);
                    h = t.dropout(act.apply(t, h), 0.5f, true);
                    y = s.steps().get(3).forward(t, tiny(), h);
                } else {
                    y = s.forward(t, tiny(), x);
                }
                t.backward(t.sum(t.mul(y, y)));
                out[stepwise] = y.toFloatArray();
                grad[stepwise] = x.grad().data().asFloat();
            }
            assertArrayEquals(out[1], out[0], act + ": output");
            assertArrayEquals(grad[1], grad[0], act + ": input gradient");
        }
    }

    @Test
    void aDropoutInFrontOfAnMlpGcnOrGatLayerGivesTheStepsNumbersAndGradients() {
        MLP mlp = new MLP(Activation.RELU, 0.4f, 4, 6, 5, 2);
        Sequential s = new Sequential(new Dropout(0.5f), mlp);
        s.resetParameters(new SplittableRandom(3));
        Map<String, Parameter> w = mlp.namedParameters();
        assertSameAsByHand("dropout → MLP", s, (t, x) -> {
            Tensor h = t.linear(t.dropout(x, 0.5f, true), w.get("0.weight"), w.get("0.bias"));
            h = t.linear(t.dropout(t.relu(h), 0.4f, true), w.get("1.weight"), w.get("1.bias"));
            return t.linear(t.dropout(t.relu(h), 0.4f, true), w.get("2.weight"), w.get("2.bias"));
        });
        GCNConv first = new GCNConv(4, 3), second = new GCNConv(3, 2);
        Sequential gcn = new Sequential(new Dropout(0.5f), first, Activation.LEAKY_RELU.module(), new Dropout(0.3f),
                second);
        gcn.resetParameters(new SplittableRandom(4));
        assertSameAsByHand("dropout → GCN → LeakyReLU → dropout → GCN", gcn, (t, x) -> {
            Tensor h = first.forward(t, tiny(), t.dropout(x, 0.5f, true));
            return second.forward(t, tiny(), t.dropout(t.leakyRelu(h, 0.2f), 0.3f, true));
        });
        GATConv gat1 = new GATConv(4, 3, 2, true, 0.2f, 0.6f, true, true);
        GATConv gat2 = new GATConv(6, 2, 1, false, 0.2f, 0.6f, true, true);
        Sequential gat = new Sequential(new Dropout(0.6f), gat1, Activation.ELU.module(), new Dropout(0.6f), gat2);
        gat.resetParameters(new SplittableRandom(5));
        assertSameAsByHand("dropout → GAT → ELU → dropout → GAT", gat, (t, x) -> {
            Tensor h = gat1.forward(t, tiny(), t.dropout(x, 0.6f, true));
            return gat2.forward(t, tiny(), t.dropout(t.elu(h, 1f), 0.6f, true));
        });
    }

    private static void assertSameAsByHand(String what, Sequential s, BiFunction<Tape, Tensor, Tensor> byHand) {
        float[][] out = new float[2][], grad = new float[2][];
        long[] held = new long[2];
        List<float[]>[] params = new List[] {new ArrayList<float[]>(), new ArrayList<float[]>()};
        for (int stepwise = 0; stepwise < 2; stepwise++) {
            s.zeroGrad();
            Tensor x = GradCheck.variable(5, 4, 1);
            Tape t = new Tape(7);
            Tensor y = stepwise == 1 ? byHand.apply(t, x) : s.forward(t, tiny(), x);
            held[stepwise] = t.liveBytes();
            t.backward(t.sum(t.mul(y, y)));
            out[stepwise] = y.toFloatArray();
            grad[stepwise] = x.grad().data().asFloat();
            for (Parameter q : s.parameters()) {
                params[stepwise].add(q.grad().data().asFloat());
            }
        }
        assertArrayEquals(out[1], out[0], what + ": output");
        assertArrayEquals(grad[1], grad[0], what + ": input gradient");
        assertTrue(held[0] < held[1], what + ": the dropped inputs are not stored (" + held[0] + " bytes held after "
                + "the forward pass, by hand " + held[1] + ")");
        for (int i = 0; i < params[0].size(); i++) {
            assertArrayEquals(params[1].get(i), params[0].get(i), what + ": gradient of parameter " + i);
        }
    }
}
