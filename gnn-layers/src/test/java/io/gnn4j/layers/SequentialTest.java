package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.List;
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
}
