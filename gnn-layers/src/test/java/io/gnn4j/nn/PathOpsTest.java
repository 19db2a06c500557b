package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathOpsTest {
    private static final int NODES = 300, COLS = 20, PATTERNS = 5, POSITIONS = 3;

    /** Values and gradients of every input: fused, or by the chain gather, add, ReLU, weight, scatter-sum, scale. */
    private static float[][] run(PathIndex paths, boolean fused, int threads) {
        SplittableRandom r = new SplittableRandom(3);
        Parameter[] inputs = new Parameter[POSITIONS + 1];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new Parameter(i < POSITIONS ? NODES : PATTERNS, COLS);
            float[] v = new float[inputs[i].rows() * COLS];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) r.nextDouble(-1, 1);
            }
            inputs[i].copyFrom(v);
        }
        Parameter[] states = java.util.Arrays.copyOf(inputs, POSITIONS, Parameter[].class);
        Tape t = new Tape(0, ExecutionContext.withThreads(threads));
        Tensor y;
        if (fused) {
            y = t.pathSum(paths, states, inputs[POSITIONS], NODES, 0.25f);
        } else {
            Tensor pre = t.gatherRows(states[0], paths.positions()[0]);
            for (int i = 1; i < POSITIONS; i++) {
                pre = t.add(pre, t.gatherRows(states[i], paths.positions()[i]));
            }
            pre = t.add(pre, t.gatherRows(inputs[POSITIONS], paths.patterns()));
            float[] w = new float[paths.size() * COLS];
            for (int k = 0; k < w.length; k++) {
                w[k] = paths.weights()[k / COLS];
            }
            Tensor encoded = t.mul(t.relu(pre), Tensor.of(paths.size(), COLS, w));
            y = t.scale(t.scatterSum(encoded, paths.roots(), NODES), 0.25f);
        }
        float[] values = y.value().data().asFloat();
        float[] upstream = new float[NODES * COLS];
        for (int k = 0; k < upstream.length; k++) {
            upstream[k] = (float) r.nextDouble(-1, 1);
        }
        t.backward(t.sum(t.mul(y, Tensor.of(NODES, COLS, upstream))));
        float[][] out = new float[inputs.length + 1][];
        out[0] = values;
        for (int i = 0; i < inputs.length; i++) {
            out[i + 1] = inputs[i].grad().data().asFloat();
        }
        return out;
    }

    private static PathIndex randomPaths(int count) {
        SplittableRandom r = new SplittableRandom(11);
        int[][] positions = new int[POSITIONS][count];
        int[] roots = new int[count], patterns = new int[count];
        float[] weights = new float[count];
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < POSITIONS; i++) {
                positions[i][p] = r.nextInt(NODES);
            }
            roots[p] = positions[0][p];
            patterns[p] = r.nextInt(PATTERNS);
            weights[p] = (float) r.nextDouble(0.5, 3);
        }
        return new PathIndex(positions, roots, patterns, weights);
    }

    @Test
    void matchesTheUnfusedChainInValuesAndGradients() {
        // 6,000 paths × 20 columns: large enough for the column split to run on two threads.
        PathIndex paths = randomPaths(6000);
        float[][] chain = run(paths, false, 1), fused = run(paths, true, 1);
        for (int k = 0; k < chain.length; k++) {
            double max = 0;
            for (float v : chain[k]) {
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max > 0, "part " + k + " is all zero, the comparison would prove nothing");
            for (int j = 0; j < chain[k].length; j++) {
                assertEquals(chain[k][j], fused[k][j], 1e-5 * (1 + max), "part " + k + ", element " + j);
            }
        }
    }

    @Test
    void givesTheSameBitsForEveryThreadCount() {
        PathIndex paths = randomPaths(6000);
        float[][] one = run(paths, true, 1), two = run(paths, true, 2), three = run(paths, true, 3);
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], two[k], "part " + k);
            assertArrayEquals(one[k], three[k], "part " + k);
        }
    }

    @Test
    void namesTheWrongShapeOrIndex() {
        Tensor x = Tensor.of(4, 2, new float[8]), narrow = Tensor.of(4, 1, new float[4]);
        PathIndex paths = new PathIndex(new int[][] {{0, 1}, {1, 7}}, new int[] {0, 1}, null, null);
        var range = assertThrows(IllegalArgumentException.class,
                () -> new Tape(0).pathSum(paths, new Tensor[] {x, x}, null, 4, 1f));
        assertTrue(range.getMessage().contains("row 7 of states[1]") && range.getMessage().contains("[0, 4)"),
                range.getMessage());
        var cols = assertThrows(IllegalArgumentException.class,
                () -> new Tape(0).pathSum(paths, new Tensor[] {x, narrow}, null, 4, 1f));
        assertTrue(cols.getMessage().contains("1 columns"), cols.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Tape(0).pathSum(paths, new Tensor[] {x}, null, 4, 1f));
        var length = assertThrows(IllegalArgumentException.class,
                () -> new PathIndex(new int[][] {{0, 1}}, new int[] {0, 1}, null, new float[3]));
        assertTrue(length.getMessage().contains("weights has 3 entries but there are 2 paths"), length.getMessage());
    }
}
