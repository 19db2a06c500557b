package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.NativeThreads;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One seed fixes initialisation and dropout masks: training gives the same bits on repeat and for any thread count of
 * gnn4j's own kernels; ND4J's native BLAS thread count is part of what fixes the bits (see the second test).
 */
class DeterminismTest {
    private static float[] trainedWeights(int threads, long seed) {
        LayerFixtures.Task task = LayerFixtures.plantedPartition(3000, 4, 32, 21);
        Sequential model = new Sequential(new Dropout(0.5f), new GCNConv(32, 16), Activation.RELU.module(),
                new Dropout(0.5f), new SAGEConv(16, 8), Activation.ELU.module(),
                new GATConv(8, 4, 2, false, 0.2f, 0.3f, true, true));
        model.resetParameters(new SplittableRandom(seed));
        Adam adam = new Adam(model.parameters(), 0.01);
        Tape tape = new Tape(seed, ExecutionContext.withThreads(threads));
        for (int e = 0; e < 3; e++) {
            adam.zeroGrad();
            Tensor loss = tape.crossEntropy(model.forward(tape, task.graph(), task.features()), task.labels(),
                    task.train());
            tape.backward(loss);
            adam.step();
            tape.reset();
        }
        int size = 0;
        for (Parameter p : model.parameters()) {
            size += (int) p.size();
        }
        float[] all = new float[size];
        int off = 0;
        for (Parameter p : model.parameters()) {
            float[] v = p.toFloatArray();
            System.arraycopy(v, 0, all, off, v.length);
            off += v.length;
        }
        return all;
    }

    @Test
    void sameSeedGivesBitIdenticalParametersForOneAndFourThreads() {
        float[] a = trainedWeights(1, 5);
        assertArrayEquals(a, trainedWeights(1, 5));
        assertArrayEquals(a, trainedWeights(4, 5));
    }

    /**
     * What is guaranteed about ND4J's native pools ({@link NativeThreads}): for a fixed native thread count the bits
     * repeat; another native thread count lets OpenBLAS split the dense products differently, which changes the
     * rounding (measured: the last bit or two of a float32) but not the result beyond float tolerance.
     */
    @Test
    void nativeBlasThreadCountFixesTheBitsAndChangesOnlyRounding() {
        try {
            NativeThreads.set(1);
            float[] one = trainedWeights(2, 7);
            assertArrayEquals(one, trainedWeights(2, 7));
            NativeThreads.set(2);
            float[] two = trainedWeights(2, 7);
            assertArrayEquals(two, trainedWeights(2, 7));
            assertArrayEquals(one, two, 1e-5f);
        } finally {
            NativeThreads.set(Runtime.getRuntime().availableProcessors());
        }
    }
}
