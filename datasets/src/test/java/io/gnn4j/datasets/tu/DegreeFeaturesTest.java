package io.gnn4j.datasets.tu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.text.SharedDatasets;
import io.gnn4j.graph.GraphBuilder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DegreeFeaturesTest {
    private static GraphDataset star() {
        // A star with centre 0 and leaves 1, 2, 3: degrees 3, 1, 1, 1; one feature per node.
        var g = GraphBuilder.undirected(4).addEdge(0, 1).addEdge(0, 2).addEdge(0, 3).build();
        return new GraphDataset("star", List.of(g), 1, List.of(new float[] {9, 8, 7, 6}), new int[] {0}, 1);
    }

    @Test
    void oneHotDegreeAppendsPygColumns() {
        GraphDataset d = DegreeFeatures.oneHot(star(), 3, true);
        assertEquals(5, d.numFeatures());
        assertArrayEquals(new float[] {9, 0, 0, 0, 1, 8, 0, 1, 0, 0, 7, 0, 1, 0, 0, 6, 0, 1, 0, 0},
                d.nodeFeatures().get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DegreeFeatures.oneHot(star(), 2, false));
        assertEquals("node 0 of graph 0 has degree 3, above maxDegree 2", e.getMessage());
    }

    @Test
    void degreeAsTagUsesSortedDistinctDegrees() {
        GraphDataset d = DegreeFeatures.degreeAsTag(star());
        assertEquals(2, d.numFeatures()); // degrees {1, 3}
        assertArrayEquals(new float[] {0, 1, 1, 0, 1, 0, 1, 0}, d.nodeFeatures().get(0));
    }

    @Test
    void imdbBinaryMaxDegreeIs135() throws IOException {
        GraphDataset d = TuFormat.load(SharedDatasets.require("IMDB-BINARY"), "IMDB-BINARY").dataset();
        assertEquals(135, DegreeFeatures.maxDegree(d));
        assertEquals(136, DegreeFeatures.oneHot(d, 135, false).numFeatures());
    }
}
