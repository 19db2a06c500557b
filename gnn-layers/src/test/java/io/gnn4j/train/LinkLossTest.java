package io.gnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.GradCheck;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinkLossTest {
    /** A 6-node path 0-1-2-3-4-5, both directions stored. */
    private static final Graph PATH = GraphBuilder.undirected(6)
            .addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).addEdge(3, 4).addEdge(4, 5).build();
    private static final int[] SRC = {0, 2, 4};
    private static final int[] DST = {1, 3, 5};

    @Test
    void lossIsTheBinaryCrossEntropyOfInnerProductsAgainstSampledNonEdges() {
        Tensor z = GradCheck.variable(6, 4, 3);
        Tensor loss = new LinkLoss(PATH, SRC, DST).loss(Tape.noGrad(), z, new SplittableRandom(8));
        SplittableRandom replay = new SplittableRandom(8);   // the same draws, in the same order
        double expected = 0;
        for (int i = 0; i < SRC.length; i++) {
            expected += Math.log1p(Math.exp(-dot(z, SRC[i], DST[i])));
        }
        for (int i = 0; i < SRC.length; i++) {
            int u, v;
            do {
                u = replay.nextInt(6);
                v = replay.nextInt(6);
            } while (u == v || PATH.hasEdge(u, v));
            assertTrue(u != v && !PATH.hasEdge(u, v));
            expected += Math.log1p(Math.exp(dot(z, u, v)));
        }
        assertEquals(expected / (2 * SRC.length), loss.item(), 1e-5);
    }

    private static double dot(Tensor z, int u, int v) {
        double s = 0;
        for (int j = 0; j < z.cols(); j++) {
            s += z.get(u, j) * z.get(v, j);
        }
        return s;
    }

    @Test
    void lossGradientMatchesFiniteDifferences() {
        Tensor z = GradCheck.variable(6, 3, 5);
        LinkLoss linkLoss = new LinkLoss(PATH, SRC, DST);
        // a fresh generator per evaluation: every evaluation draws the same negatives
        GradCheck.check(tape -> linkLoss.loss(tape, z, new SplittableRandom(2)), z);
    }

    @Test
    void badPairsAndShapesAreRejectedNamingBothValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinkLoss(PATH, new int[] {0, 1}, new int[] {1}));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LinkLoss(PATH, new int[] {0}, new int[] {6}));
        assertTrue(e.getMessage().contains("(0, 6)") && e.getMessage().contains("0..5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LinkLoss(PATH, new int[0], new int[0]));
        Graph complete = GraphBuilder.undirected(2).addEdge(0, 1).build();
        assertThrows(IllegalArgumentException.class, () -> new LinkLoss(complete, new int[] {0}, new int[] {1}));
        e = assertThrows(IllegalArgumentException.class, () -> new LinkLoss(PATH, SRC, DST)
                .loss(Tape.noGrad(), GradCheck.variable(5, 2, 1), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("5 rows") && e.getMessage().contains("6 nodes"), e.getMessage());
    }
}
