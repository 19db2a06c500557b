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
}
