package io.gnn4j.datasets.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.Featureless;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Split protocols for node classification, the stratified ratio split and the featureless defaults. */
class NodeSplitOptionsTest {
    /** 10 nodes on a path, classes 0 (6 nodes, one unlabelled) and 1 (3 nodes), no features, no splits. */
    static NodeDataset plain() {
        GraphBuilder b = GraphBuilder.undirected(10);
        for (int u = 0; u < 9; u++) {
            b.addEdge(u, u + 1);
        }
        int[] y = {0, 0, 0, 0, 0, 0, 1, 1, 1, -1};
        return new NodeDataset("plain", b.build(), 0, new float[0], y, 2, List.of(), null);
    }

    @Test
    void pygsdProtocolsCycleTheTenSplitsOrFixOne() {
        NodeDataset d = plain();
        NodeSplitOptions ten = NodeSplitOptions.builder().protocol("pygsd").perClass(2, 2, 0).build();
        List<Split> runs = ten.splits(d, 12, 0);
        assertEquals("pygsd-0", runs.get(0).name());
        assertEquals("pygsd-9", runs.get(9).name());
        assertEquals("pygsd-1", runs.get(11).name());
        assertArrayEquals(Splits.pygsd(d.labels(), 2, 2, 2, 3).train(), runs.get(3).train());
        List<Split> fixed = NodeSplitOptions.builder().protocol("pygsd-4").perClass(2, 2, 0).build().splits(d, 3, 0);
        for (Split s : fixed) {
            assertEquals("pygsd-4", s.name());
            assertEquals(2 + 2, s.train().length);
            assertEquals(2, s.val().length);
            assertEquals(10 - 1 - 4 - 2, s.test().length);   // every labelled node left; node 9 is unlabelled
        }
    }

    @Test
    void stratifiedRatioKeepsClassProportionsAndSkipsUnlabelled() {
        Split s = Splits.stratifiedRatio(plain().labels(), 2, 0.5, 1 / 3.0, 7);
        assertEquals("random-0.5-0.3333333333333333-seed-7", s.name());
        assertEquals(3 + 1, s.train().length);   // ⌊6·0.5⌋ + ⌊3·0.5⌋
        assertEquals(2 + 1, s.val().length);     // ⌊6/3⌋ + ⌊3/3⌋
        assertEquals(1 + 1, s.test().length);
        for (int[] set : List.of(s.train(), s.val(), s.test())) {
            assertTrue(java.util.Arrays.stream(set).noneMatch(i -> i == 9), "unlabelled node in a set");
        }
        s.checkedAgainst(10);
        assertEquals(s, s);
        Split again = Splits.stratifiedRatio(plain().labels(), 2, 0.5, 1 / 3.0, 7);
        assertArrayEquals(s.train(), again.train());
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedRatio(plain().labels(), 2, 0.8, 0.3, 1));
    }

    @Test
    void datasetWithoutSplitsGetsOneStratifiedRatioSplitPerSeed() {
        NodeSplitOptions o = NodeSplitOptions.builder().build();
        assertEquals("random", o.resolvedProtocol(plain()));
        List<Split> runs = o.splits(plain(), 3, 5);
        assertEquals(List.of("random-0.6-0.2-seed-5", "random-0.6-0.2-seed-6", "random-0.6-0.2-seed-7"),
                runs.stream().map(Split::name).toList());
        assertNotEquals(List.of(runs.get(0).train()), List.of(runs.get(1).train()));
    }

    @Test
    void explicitRatioAndPerClassAndStoredProtocols() {
        NodeSplitOptions ratio = NodeSplitOptions.builder().protocol("random").ratio(0.5, null).build();
        assertEquals("random-0.5-0.25-seed-0", ratio.splits(plain(), 1, 0).getFirst().name());
        NodeSplitOptions perClass = NodeSplitOptions.builder().protocol("RANDOM").perClass(2, 2, 2).build();
        assertEquals("per-class-2-seed-0", perClass.splits(plain(), 1, 0).getFirst().name());

        Split a = new Split("file", new int[] {0, 6}, new int[] {1}, new int[] {7});
        NodeDataset stored = new NodeDataset("s", plain().graph(), 0, new float[0], plain().labels(), 2, List.of(a),
                null);
        NodeSplitOptions dflt = NodeSplitOptions.builder().build();
        assertEquals("stored", dflt.resolvedProtocol(stored));
        assertEquals(List.of(a, a), dflt.splits(stored, 2, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NodeSplitOptions.builder().protocol("public").build().splits(stored, 1, 0));
        assertTrue(e.getMessage().contains("[file]"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> NodeSplitOptions.builder().protocol("kfold").build().splits(stored, 1, 0));
        assertEquals("unknown split protocol 'kfold' for s: use public, random, geom-gcn, stored or one of its splits "
                + "[file]", unknown.getMessage());
    }

    @Test
    void aSplitNamedAsTheProtocolServesEveryRun() {
        Split a = new Split("geom-gcn-0", new int[] {0, 6}, new int[] {1}, new int[] {7});
        Split b = new Split("geom-gcn-1", new int[] {1, 7}, new int[] {0}, new int[] {6});
        NodeDataset d = new NodeDataset("s", plain().graph(), 0, new float[0], plain().labels(), 2, List.of(a, b),
                null);
        assertEquals(List.of(a, b, a), NodeSplitOptions.builder().protocol("geom-gcn").build().splits(d, 3, 0));
        assertEquals(List.of(b, b, b), NodeSplitOptions.builder().protocol("GEOM-GCN-1").build().splits(d, 3, 0));
    }

    @Test
    void featurelessDefaults() {
        NodeDataset ids = Featureless.ONE_HOT_IDS.apply(plain());
        assertEquals(10, ids.numFeatures());
        assertEquals(1f, ids.features()[3 * 10 + 3]);
        assertEquals(10f, sum(ids.features()));
        NodeDataset deg = Featureless.of("degree").apply(plain());
        assertEquals(3, deg.numFeatures(), "degrees 1 and 2: width maxDegree + 1");
        assertEquals(1f, deg.features()[0 * 3 + 1]);
        assertEquals(1f, deg.features()[4 * 3 + 2]);
        assertTrue(ids == Featureless.DEGREE.apply(ids), "a dataset with features is unchanged");
        assertThrows(IllegalArgumentException.class, () -> Featureless.of("zeros"));
    }

    @Test
    void featurelessGraphDatasetsGetOneHotDegreesUpToTheLargestDegreeOfAnyGraph() {
        Graph path = GraphBuilder.undirected(3).addEdge(0, 1).addEdge(1, 2).build();
        Graph star = GraphBuilder.undirected(4).addEdge(0, 1).addEdge(0, 2).addEdge(0, 3).build();
        GraphDataset d = new GraphDataset("two", List.of(path, star), 0, List.of(new float[0], new float[0]),
                new int[] {0, 1}, 2);
        GraphDataset deg = Featureless.DEGREE.apply(d);
        assertEquals(4, deg.numFeatures(), "the star's centre has degree 3");
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0}, deg.nodeFeatures().get(0));
        assertEquals(1f, deg.nodeFeatures().get(1)[3]);
        assertTrue(deg == Featureless.DEGREE.apply(deg), "a dataset with features is unchanged");
        assertThrows(IllegalArgumentException.class, () -> Featureless.ONE_HOT_IDS.apply(d));
    }

    private static float sum(float[] x) {
        float s = 0;
        for (float v : x) {
            s += v;
        }
        return s;
    }
}
