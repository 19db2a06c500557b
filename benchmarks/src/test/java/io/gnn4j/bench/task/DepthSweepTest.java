package io.gnn4j.bench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.datasets.generate.PlantedPartition;
import io.gnn4j.graph.ExecutionContext;
import org.junit.jupiter.api.Test;

/** The depth sweep's points on a small planted partition: what grows with depth and what does not. */
class DepthSweepTest {
    private static final NodeDataset DATA = Generators.plantedPartition(
            new PlantedPartition(400, 4000, 16, 4, 0.7, 0.5, 3));
    private static final ExecutionContext CTX = ExecutionContext.withThreads(1);

    private static DepthSweep.Point at(Training how, int depth) {
        return DepthSweep.measure(how, depth, 16, 2, DATA, 7, CTX);
    }

    @Test
    void forwardLearningsTapePeakIsFlatInDepthWhileBackpropsGrowsLinearly() {
        for (Training how : new Training[] {Training.FORWARD_SF, Training.TPSGD}) {
            DepthSweep.Point two = at(how, 2), six = at(how, 6);
            assertEquals(two.tapePeakBytes(), six.tapePeakBytes(), how.label());
            assertTrue(six.parameterBytes() > two.parameterBytes(), how.label());
            assertEquals(6 * six.secondsPerStep(), six.secondsPerEpoch(), 1e-12);
        }
        long b2 = at(Training.BACKPROP, 2).tapePeakBytes(), b4 = at(Training.BACKPROP, 4).tapePeakBytes(),
                b6 = at(Training.BACKPROP, 6).tapePeakBytes();
        assertTrue(b4 > b2 && b6 > b4, b2 + " " + b4 + " " + b6);
        assertEquals(b4 - b2, b6 - b4, "two more hidden layers add the same activation memory");
    }

    @Test
    void badSizesAreRejectedNamingTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DepthSweep.measure(Training.TPSGD, 0, 16, 2, DATA, 7, CTX));
        assertTrue(e.getMessage().contains("got 0, 2, 16"), e.getMessage());
    }
}
