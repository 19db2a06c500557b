package io.gnn4j.layers;

import static io.gnn4j.layers.LayerFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import org.junit.jupiter.api.Test;

/** A user-written MessagePassing layer and the MIN aggregation. */
class MessagePassingTest {
    /** The layer of MessagePassing's Javadoc: mean of incoming neighbours minus own features. */
    static final class Difference extends MessagePassing {
        Difference() {
            super(Aggregation.MEAN);
        }

        @Override
        public Tensor forward(Tape t, Graph g, Tensor x) {
            return propagate(t, g, x);
        }

        @Override
        protected Tensor update(Tape t, Tensor aggregated, Tensor x) {
            return t.sub(aggregated, x);
        }
    }

    @Test
    void aUserLayerOverridesOnlyWhatDiffers() {
        Difference d = new Difference();
        assertFalse(d.usesFusedPath());
        Tensor y = d.forward(Tape.noGrad(), tiny(), Tensor.of(5, 1, 1, 2, 3, 4, 5));
        assertArrayEquals(new float[] {2 - 1, 8f / 3 - 2, 2.5f - 3, 5 - 4, 0 - 5}, y.toFloatArray(), 1e-5f);
    }

    @Test
    void minAggregationIsTheNegatedMaxOfNegations() {
        MessagePassing min = new MessagePassing(Aggregation.MIN) {
            @Override
            public Tensor forward(Tape t, Graph g, Tensor x) {
                return propagate(t, g, x);
            }
        };
        Tensor y = min.forward(Tape.noGrad(), tiny(), Tensor.of(5, 1, 1, 2, 3, 4, 5));
        assertArrayEquals(new float[] {2, 1, 1, 5, 0}, y.toFloatArray(), 1e-6f);
    }
}
