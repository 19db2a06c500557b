package io.gnn4j.sheaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The NSD network: shapes, training on a small heterophilic graph for every map family, determinism. */
class SheafDiffusionTest {
    static final int N = 40;

    /** A bipartite-like graph: every edge joins the two classes, features noisy class indicators. */
    static Graph heterophilic() {
        GraphBuilder b = GraphBuilder.undirected(N);
        SplittableRandom r = new SplittableRandom(3);
        for (int u = 0; u < N; u += 2) {
            for (int k = 0; k < 3; k++) {
                int v = 2 * r.nextInt(N / 2) + 1;
                b.addEdge(u, v);
            }
        }
        return b.build();
    }

    static float[] train(RestrictionMaps type, int d, long seed) {
        Graph g = heterophilic();
        SplittableRandom r = new SplittableRandom(5);
        float[] feats = new float[N * 4];
        int[] labels = new int[N];
        for (int u = 0; u < N; u++) {
            labels[u] = u % 2;
            for (int c = 0; c < 4; c++) {
                feats[u * 4 + c] = (float) r.nextGaussian() + (c == labels[u] ? 0.8f : 0f);
            }
        }
        Tensor x = Tensor.of(N, 4, feats);
        SheafDiffusion model = new SheafDiffusion(type, 4, 2, d, 4, 2, 0.1f, 0f);
        model.resetParameters(new SplittableRandom(seed));
        Adam adam = new Adam(model.parameters(), 0.02, 0);
        Tape tape = new Tape(seed);
        float[] losses = new float[40];
        for (int step = 0; step < losses.length; step++) {
            adam.zeroGrad();
            Tensor loss = tape.crossEntropy(model.forward(tape, g, x), labels, null);
            losses[step] = loss.item();
            tape.backward(loss);
            adam.step();
            tape.reset();
        }
        return losses;
    }

    @Test
    void everyMapFamilyLearns() {
        for (RestrictionMaps type : RestrictionMaps.values()) {
            float[] losses = train(type, 2, 11);
            assertTrue(losses[losses.length - 1] < 0.7f * losses[0], type + ": loss " + losses[0] + " → "
                    + losses[losses.length - 1]);
        }
    }

    @Test
    void trainingIsDeterministicGivenTheSeed() {
        assertArrayEquals(train(RestrictionMaps.GENERAL, 3, 4), train(RestrictionMaps.GENERAL, 3, 4));
    }

    @Test
    void logitsHaveOneRowPerNode() {
        Graph g = heterophilic();
        SheafDiffusion model = new SheafDiffusion(RestrictionMaps.ORTHOGONAL, 3, 5, 3, 2, 1, 0f, 0f);
        model.resetParameters(new SplittableRandom(1));
        Tensor out = model.forward(Tape.noGrad(), g, Tensor.of(N, 3, new float[N * 3]));
        assertEquals(N, out.rows());
        assertEquals(5, out.cols());
    }
}
