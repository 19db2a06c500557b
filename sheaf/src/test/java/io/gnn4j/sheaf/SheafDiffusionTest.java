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

/**
 * The NSD network: shapes, training on a small heterophilic graph for every map family, determinism, and the
 * layer-by-layer view {@link SheafDiffusion#diffuse}.
 */
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
        return train(type, d, seed, FixedStalks.NONE);
    }

    static float[] train(RestrictionMaps type, int d, long seed, FixedStalks fixed) {
        return train(type, d, seed, fixed, false);
    }

    static float[] train(RestrictionMaps type, int d, long seed, FixedStalks fixed, boolean secondLinear) {
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
        SheafDiffusion model = new SheafDiffusion(type, 4, 2, d, 4, 2, 0.1f, 0f, fixed, secondLinear);
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
    void theSecondInputLayerLearnsToo() {
        float[] losses = train(RestrictionMaps.DIAGONAL, 2, 11, FixedStalks.NONE, true);
        assertTrue(losses[losses.length - 1] < 0.7f * losses[0], "loss " + losses[0] + " → " + losses[losses.length - 1]);
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

    @Test
    void diffuseShowsEveryLayersLaplacianAndState() {
        Graph g = heterophilic();
        int d = 2, channels = 3, layers = 3;
        SplittableRandom r = new SplittableRandom(8);
        float[] feats = new float[N * 4];
        for (int i = 0; i < feats.length; i++) {
            feats[i] = (float) r.nextGaussian();
        }
        Tensor x = Tensor.of(N, 4, feats);
        for (RestrictionMaps type : RestrictionMaps.values()) {
            SheafDiffusion model = new SheafDiffusion(type, 4, 2, d, channels, layers, 0.5f, 0.5f);
            model.resetParameters(new SplittableRandom(2));
            model.eval();
            Tape tape = Tape.noGrad();
            SheafDiffusion.Diffusion seen = model.diffuse(tape, g, x);
            assertArrayEquals(model.forward(tape, g, x).toFloatArray(), seen.logits().toFloatArray(), type.name());
            assertEquals(layers, seen.blocks().size());
            assertEquals(layers + 1, seen.states().size());
            for (int t = 0; t < layers; t++) {
                Tensor blocks = seen.blocks().get(t), state = seen.states().get(t);
                assertEquals(seen.laplacian().pattern().numEntries(), blocks.rows());
                assertEquals(d * d, blocks.cols());
                assertEquals(N * d, state.rows());
                assertEquals(channels, state.cols());
                // Δ_F is positive semi-definite and its spectrum lies in [0, 2]: 0 ≤ tr(XᵀΔX) ≤ 2·‖X‖²
                float[] xs = state.toFloatArray(), lx = seen.laplacian().apply(tape, blocks, state).toFloatArray();
                double energy = 0, norm = 0;
                for (int i = 0; i < xs.length; i++) {
                    energy += xs[i] * lx[i];
                    norm += xs[i] * xs[i];
                }
                assertTrue(energy >= -1e-4 * norm && energy <= 2.0001 * norm, type + " layer " + t + ": energy "
                        + energy + " for ‖X‖² " + norm);
            }
            if (type == RestrictionMaps.IDENTITY) {
                float[] trivial = seen.laplacian().blocks(tape, seen.laplacian().identityMaps(),
                        SheafLaplacian.Normalisation.BLOCK).toFloatArray();
                for (Tensor blocks : seen.blocks()) {
                    assertArrayEquals(trivial, blocks.toFloatArray());
                }
            }
        }
    }
}
