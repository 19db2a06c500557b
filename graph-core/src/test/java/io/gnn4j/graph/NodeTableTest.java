package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NodeTableTest {
    @Test
    void featuresAreRowMajor() {
        NodeTable t = new NodeTable(2, 3, new float[] {1, 2, 3, 4, 5, 6}, new int[] {-1, 2});
        assertEquals(6f, t.feature(1, 2));
        assertEquals(4f, t.feature(1, 0));
        assertEquals(-1, t.label(0));
        assertTrue(t.hasLabels());
    }

    @Test
    void emptyTableHasNoFeaturesAndNoLabels() {
        NodeTable t = NodeTable.empty(5);
        assertEquals(5, t.numNodes());
        assertEquals(0, t.numFeatures());
        assertFalse(t.hasLabels());
        assertThrows(IllegalStateException.class, () -> t.label(0));
    }

    @Test
    void featureCountMustBeNTimesF() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodeTable(2, 3, new float[5], null));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("2×3"), e.getMessage());
    }

    @Test
    void labelCountMustBeN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodeTable(3, 0, new float[0], new int[2]));
        assertTrue(e.getMessage().contains("2 labels for 3 nodes"), e.getMessage());
    }

    @Test
    void labelsBelowMinusOneAreRejectedNamingTheNode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodeTable(3, 0, new float[0], new int[] {0, -1, -2}));
        assertTrue(e.getMessage().contains("label -2 of node 2"), e.getMessage());
    }

    @Test
    void negativeSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NodeTable(-1, 0, new float[0], null));
        assertThrows(IllegalArgumentException.class, () -> new NodeTable(0, -1, new float[0], null));
    }

    @Test
    void accessorsCheckTheirIndices() {
        NodeTable t = new NodeTable(2, 1, new float[] {1, 2}, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.feature(2, 0));
        assertTrue(e.getMessage().contains("node id 2 is out of range [0, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.feature(0, 1));
        assertTrue(e.getMessage().contains("feature index 1 is out of range [0, 1)"), e.getMessage());
    }
}
