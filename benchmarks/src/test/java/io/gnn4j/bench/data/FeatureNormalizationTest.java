package io.gnn4j.bench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.graph.GraphBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureNormalizationTest {
    @Test
    void rowsAreDividedByTheirL1NormAndZeroRowsStayZero() {
        float[] x = {1, 3, 0, 0, 0, 0, -2, 0, 2};
        NodeDataset d = new NodeDataset("t", GraphBuilder.undirected(3).addEdge(0, 1).build(), 3, x,
                new int[] {0, 1, 0}, 2, List.of(), null);
        NodeDataset r = FeatureNormalization.rowNormalized(d);
        assertArrayEquals(new float[] {0.25f, 0.75f, 0, 0, 0, 0, -0.5f, 0, 0.5f}, r.features(), 1e-7f);
        assertArrayEquals(new float[] {1, 3, 0, 0, 0, 0, -2, 0, 2}, d.features(), "the input is not changed");
        assertSame(d.graph(), r.graph());
    }
}
