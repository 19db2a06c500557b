package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two initialisations of {@link Linear}: Glorot-uniform with a zero bias, and PyTorch's {@code nn.Linear}
 * default — weight and bias uniform in ±1/√in, spread over that whole range.
 */
class LinearTest {
    @Test
    void glorotIsTheDefaultWithAZeroBias() {
        Linear l = new Linear(400, 30);
        l.resetParameters(new SplittableRandom(1));
        double bound = Math.sqrt(6.0 / (400 + 30));
        assertSpread(l.weight().toFloatArray(), bound);
        for (float b : l.bias().toFloatArray()) {
            assertEquals(0f, b);
        }
    }

    @Test
    void torchDrawsWeightAndBiasWithinOneOverRootIn() {
        Linear l = new Linear(400, 30, true, Linear.Initialisation.TORCH);
        l.resetParameters(new SplittableRandom(1));
        double bound = 1 / Math.sqrt(400);
        assertSpread(l.weight().toFloatArray(), bound);
        assertSpread(l.bias().toFloatArray(), bound);
    }

    @Test
    void anInitialisationIsRequired() {
        assertThrows(NullPointerException.class, () -> new Linear(3, 2, true, null));
    }

    /** Every value in ±bound, and the extremes reach past 0.8·bound (a uniform draw over the whole range). */
    private static void assertSpread(float[] values, double bound) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : values) {
            assertTrue(Math.abs(v) <= bound, v + " outside ±" + bound);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(max > 0.8 * bound && min < -0.8 * bound, "range [" + min + ", " + max + "] for ±" + bound);
    }
}
