package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plain Tape-level training loop the README names (what the Trainer does each step), kept compiling and training. */
class QuickstartTest {
    @Test
    void readmeGcnExampleTrainsToHighTrainingAccuracy() {
        // Two communities of 50 nodes: dense inside, a few edges across; features are weak, noisy class hints.
        SplittableRandom rng = new SplittableRandom(0);
        int n = 100;
        int[] labels = new int[n];
        GraphBuilder builder = GraphBuilder.undirected(n);
        float[] feats = new float[n * 4];
        for (int v = 0; v < n; v++) {
            labels[v] = v < 50 ? 0 : 1;
            for (int k = 0; k < 4; k++) {
                int u = labels[v] * 50 + rng.nextInt(50);
                if (u != v) builder.addEdge(v, u);
            }
            if (rng.nextInt(5) == 0) builder.addEdge(v, rng.nextInt(n));
            for (int c = 0; c < 4; c++) feats[v * 4 + c] = (float) rng.nextGaussian() + (c == labels[v] ? 0.5f : 0f);
        }
        int[] train = java.util.stream.IntStream.range(0, n).filter(v -> v % 5 == 0).toArray();

        // --- README example starts here ---
        Graph graph = builder.build();
        Tensor x = Tensor.of(n, 4, feats);
        Sequential model = new Sequential(
                new Dropout(0.5f), new GCNConv(4, 16), Activation.RELU.module(),
                new Dropout(0.5f), new GCNConv(16, 2));
        model.resetParameters(new SplittableRandom(42));
        Adam adam = new Adam(model.parameters(), 0.01, 5e-4);
        Tape tape = new Tape(42);
        for (int epoch = 0; epoch < 100; epoch++) {
            adam.zeroGrad();
            Tensor loss = tape.crossEntropy(model.forward(tape, graph, x), labels, train);
            tape.backward(loss);
            adam.step();
            tape.reset();
        }
        model.eval();
        int[] predicted = model.forward(Tape.noGrad(), graph, x).argmaxRows();
        // --- README example ends here ---

        int correct = 0;
        for (int v = 0; v < n; v++) {
            correct += predicted[v] == labels[v] ? 1 : 0;
        }
        assertTrue(correct >= 90, "accuracy " + correct + "/" + n);
    }
}
