package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {
    @Test
    void dropoutModuleDrawsDifferentMasksPerStep() {
        Dropout d = new Dropout(0.5f);
        Tensor x = Tensor.of(10, 10, new float[100]);
        for (int i = 0; i < 100; i++) {
            x.set(i / 10, i % 10, 1f);
        }
        Tape t = new Tape(1);
        float[] a = d.forward(t, tiny(), x).toFloatArray();
        t.reset();
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(d.forward(t, tiny(), x).toFloatArray()));
    }
}
