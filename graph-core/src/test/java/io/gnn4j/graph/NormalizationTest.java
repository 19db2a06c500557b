package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    private static final float TOL = 1e-6f;

    /** The path 0–1–2 and an isolated node 3, unweighted. */
    private static Graph pathWithIsolatedNode() {
        return GraphBuilder.undirected(4).addEdge(0, 1).addEdge(1, 2).build();
    }

    /** Directed, weighted: 0→1 (2), 0→2 (1), 1→2 (3), 2→3 (1); node 3 has out-degree 0 but an in-edge. */
    private static Graph directedWithSink() {
        return GraphBuilder.directed(4).addEdge(0, 1, 2f).addEdge(0, 2, 1f).addEdge(1, 2, 3f).addEdge(2, 3, 1f).build();
    }

    @Test
    void degreesAreWeightedRowSums() {
        assertArrayEquals(new double[] {3, 3, 1, 0}, Normalization.degrees(directedWithSink()));
        assertArrayEquals(new double[] {1, 2, 1, 0}, Normalization.degrees(pathWithIsolatedNode()));
    }

    @Test
    void gcnAddsSelfLoopsAndScalesByInverseSquareRootDegrees() {
        // A + I has degrees 2, 3, 2, 1: entry u→v is 1/sqrt(d_u d_v)
        Graph a = Normalization.gcn(pathWithIsolatedNode());
        assertArrayEquals(new int[] {0, 2, 5, 7, 8}, a.rowPtr());
        assertArrayEquals(new int[] {0, 1, 0, 1, 2, 1, 2, 3}, a.colIdx());
        float s = 0.40824829f; // 1/sqrt(6)
        assertArrayEquals(new float[] {0.5f, s, s, 1f / 3, s, s, 0.5f, 1f}, a.weights(), TOL);
        assertEquals(new GraphType(false, true, true, false), a.type());
    }

    @Test
    void gcnKeepsTheWeightOfAnExistingSelfLoop() {
        // 0–0 (3), 0–1 (1): A + I has rows [3, 1] and [1, 1], degrees 4 and 2
        Graph a = Normalization.gcn(GraphBuilder.undirected(2).addEdge(0, 0, 3f).addEdge(0, 1, 1f).build());
        assertArrayEquals(new int[] {0, 1, 0, 1}, a.colIdx());
        assertArrayEquals(new float[] {0.75f, 0.35355339f, 0.35355339f, 0.5f}, a.weights(), TOL);
    }

    @Test
    void gcnOnADirectedGraphUsesInDegreesAtBothEndsAsPyG() {
        // A + I of directedWithSink: in-degrees (column sums) 1, 3, 5, 2; entry u→v is w / sqrt(din_u din_v)
        Graph a = Normalization.gcn(directedWithSink());
        assertArrayEquals(new double[] {1, 3, 5, 2}, Normalization.inDegrees(GraphBuilder.from(directedWithSink())
                .selfLoops(SelfLoops.ADD).build()));
        assertArrayEquals(new int[] {0, 1, 2, 1, 2, 2, 3, 3}, a.colIdx());
        assertArrayEquals(new float[] {1f, (float) (2 / Math.sqrt(3)), (float) (1 / Math.sqrt(5)), 1f / 3,
                (float) (3 / Math.sqrt(15)), 0.2f, (float) (1 / Math.sqrt(10)), 0.5f}, a.weights(), TOL);
        assertTrue(a.isDirected());
        // without self loops node 0 has in-degree 0: its out-arcs get weight 0, as gcn_norm's masked 1/0
        Graph b = Normalization.gcn(directedWithSink(), false);
        assertArrayEquals(new float[] {0f, 0f, (float) (3 / Math.sqrt(8)), 0.5f}, b.weights(), TOL);
    }

    @Test
    void randomWalkRowsSumToOneAndZeroDegreeRowsStayEmpty() {
        Graph a = Normalization.randomWalk(pathWithIsolatedNode());
        assertArrayEquals(new int[] {0, 1, 3, 4, 4}, a.rowPtr());
        assertArrayEquals(new float[] {1f, 0.5f, 0.5f, 1f}, a.weights(), TOL);
    }

    @Test
    void randomWalkIntoANodeWithoutOutEdgesKeepsItsProbability() {
        // D^-1 A scales rows only: 2→3 is 1/d_2 = 1 although d_3 = 0
        Graph a = Normalization.randomWalk(directedWithSink());
        assertArrayEquals(new float[] {2f / 3, 1f / 3, 1f, 1f}, a.weights(), TOL);
    }

    @Test
    void generalizedWithRPointThreeMatchesHandComputedValues() {
        // entry u→v = d_u^(r-1) · A[u][v] · d_v^(-r), d = (3, 3, 1, 0), r = 0.3, 0^(-r) taken as 0
        Graph a = Normalization.generalized(directedWithSink(), 0.3);
        float[] expected = {
            0.66666667f, // 3^-0.7 · 2 · 3^-0.3 = 2/3
            0.46346306f, // 3^-0.7 · 1 · 1
            1.39038917f, // 1 · 3 · ... = 3^-0.7 · 3 = 3^0.3
            0f,          // 1 · 1 · 0 (target of zero degree)
        };
        assertArrayEquals(expected, a.weights(), TOL);
        assertTrue(a.isDirected());
    }

    @Test
    void generalizedWithROneDividesByTheTargetsDegree() {
        // A D^-1: entry u→v = A[u][v] / d_v, d = (3, 3, 1, 0)
        Graph a = Normalization.generalized(directedWithSink(), 1);
        assertArrayEquals(new float[] {2f / 3, 1f, 3f, 0f}, a.weights(), TOL);
    }

    @Test
    void symmetricScalesAWeightedGraphByBothDegrees() {
        // 0–1 (2), 1–2 (1): d = (2, 3, 1)
        Graph a = Normalization.symmetric(GraphBuilder.undirected(3).addEdge(0, 1, 2f).addEdge(1, 2, 1f).build());
        float s01 = 0.81649658f, s12 = 0.57735027f; // 2/sqrt(6), 1/sqrt(3)
        assertArrayEquals(new float[] {s01, s01, s12, s12}, a.weights(), TOL);
    }

    @Test
    void namedOperatorsAreTheGeneralizedOneAndShareTheInputStructure() {
        Graph g = directedWithSink();
        assertArrayEquals(Normalization.generalized(g, 0.5).weights(), Normalization.symmetric(g).weights());
        assertArrayEquals(Normalization.generalized(g, 0).weights(), Normalization.randomWalk(g).weights());
        Graph a = Normalization.randomWalk(g);
        assertSame(g.rowPtr(), a.rowPtr());
        assertSame(g.colIdx(), a.colIdx());
    }

    @Test
    void nonFiniteExponentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.generalized(directedWithSink(), Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Normalization.generalized(directedWithSink(), Double.POSITIVE_INFINITY));
    }

    @Test
    void transposeOfARandomWalkOperatorOfAnUndirectedGraphIsItsTranspose() {
        Graph a = Normalization.randomWalk(GraphBuilder.undirected(3).addEdge(0, 1).addEdge(1, 2).build());
        // Â = D^-1 A: row 0 = [0→1: 1], row 1 = [1→0: 0.5, 1→2: 0.5]; (Âᵀ)[0][1] = Â[1][0] = 0.5
        assertEquals(0.5f, a.transpose().weight(0));
        float[] x = {1, 0, 0};
        float[] y = new float[3];
        SparseOps.spmmTranspose(a, MemorySegment.ofArray(x), MemorySegment.ofArray(y), 1, ExecutionContext.defaultContext());
        assertEquals(1f, y[1]); // (Âᵀx)[1] = Â[0][1]·x[0] = 1
        assertEquals(0f, y[0]);
    }
}
