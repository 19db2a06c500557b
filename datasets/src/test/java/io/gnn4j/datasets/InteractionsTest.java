package io.gnn4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.movielens.MovieLens100k;
import io.gnn4j.datasets.split.Splits;
import io.gnn4j.datasets.text.SharedDatasets;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionsTest {
    /** 3 users, 4 items, 6 ratings. */
    private static RatingsDataset tiny() {
        int[] users = {0, 0, 1, 1, 2, 2};
        int[] items = {0, 3, 1, 0, 2, 3};
        float[] ratings = {5, 1, 3, 4, 2, 5};
        GraphBuilder g = GraphBuilder.undirected(7);
        for (int r = 0; r < users.length; r++) {
            g.addEdge(users[r], 3 + items[r]);
        }
        return new RatingsDataset("tiny", 3, 4, users, items, ratings, new long[6], g.build(),
                List.of(new Split("s", new int[] {0, 1, 2, 4}, new int[0], new int[] {3, 5})));
    }

    @Test
    void groupsTrainAndTestByUserAndBuildsTheBipartiteGraph() {
        Interactions x = Interactions.of(tiny(), tiny().split("s"), 1);
        assertEquals("tiny/s", x.name());
        assertArrayEquals(new int[] {0, 2, 3, 4}, x.train().ptr());
        assertArrayEquals(new int[] {0, 3, 1, 2}, x.train().items());
        assertArrayEquals(new int[] {0, 0, 1, 2}, x.test().ptr());
        assertArrayEquals(new int[] {0, 3}, x.test().items());
        assertTrue(x.train().contains(0, 3));
        assertFalse(x.train().contains(1, 0));
        Graph g = x.trainGraph();
        assertEquals(7, g.numNodes());
        assertEquals(4, g.numEdges());
        assertTrue(g.hasEdge(3 + 3, 0));
        assertFalse(g.hasEdge(1, 3 + 0));
    }

    @Test
    void minRatingDropsLowRatingsFromBothSets() {
        Interactions x = Interactions.of(tiny(), tiny().split("s"), 3);
        assertArrayEquals(new int[] {0, 1, 2, 2}, x.train().ptr());   // (0,3) rated 1 and (2,2) rated 2 dropped
        assertArrayEquals(new int[] {0, 1}, x.train().items());
        assertEquals(2, x.test().size());
    }

    @Test
    void badInputNamesTheValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> Interactions.ByUser.of(2, new int[] {0, 0},
                new int[] {4, 4}));
        assertEquals("user 0 has item 4 twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Interactions.ByUser.of(2, new int[] {2}, new int[] {0}));
        assertEquals("user 2 is outside 0..1", e.getMessage());
        Interactions.ByUser none = Interactions.ByUser.of(2, new int[0], new int[0]);
        e = assertThrows(IllegalArgumentException.class, () -> new Interactions("t", 2, 3,
                Interactions.ByUser.of(2, new int[] {1}, new int[] {3}), none, none));
        assertEquals("t: train item 3 is outside 0..2", e.getMessage());
        Interactions.ByUser pair = Interactions.ByUser.of(2, new int[] {1}, new int[] {2});
        e = assertThrows(IllegalArgumentException.class, () -> new Interactions("t", 2, 3, none, pair, pair));
        assertEquals("t: user 1 has item 2 in both val and test", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Interactions("t", 2, 3, none,
                Interactions.ByUser.of(3, new int[0], new int[0]), none));
        assertEquals("t: val lists 3 users, expected 2", e.getMessage());
    }

    @Test
    void aValidationShareOfTheTrainingRatingsIsHeldOutAndKnownWithTrainingAtTest() {
        RatingsDataset d = tiny();
        Split s = Splits.holdOutFromTrain(d.split("s"), 0.5, 7);
        assertEquals("s-val-0.5-seed-7", s.name());
        assertEquals(2, s.train().length);
        assertEquals(2, s.val().length);
        assertArrayEquals(new int[] {3, 5}, s.test());
        int[] union = java.util.stream.IntStream.concat(java.util.Arrays.stream(s.train()),
                java.util.Arrays.stream(s.val())).sorted().toArray();
        assertArrayEquals(new int[] {0, 1, 2, 4}, union);
        assertArrayEquals(s.val(), Splits.holdOutFromTrain(d.split("s"), 0.5, 7).val());   // seeded
        Interactions x = Interactions.of(d, s, 1);
        assertEquals(2, x.train().size());
        assertEquals(2, x.val().size());
        assertEquals(2, x.test().size());
        Interactions.ByUser known = x.trainAndVal();
        assertEquals(4, known.size());
        assertArrayEquals(new int[] {0, 2, 3, 4}, known.ptr());
        assertArrayEquals(new int[] {0, 3, 1, 2}, known.items());
        assertEquals(0, Splits.holdOutFromTrain(d.split("s"), 0, 7).val().length);
        var e = assertThrows(IllegalArgumentException.class, () -> Splits.holdOutFromTrain(d.split("s"), 1, 7));
        assertEquals("the validation fraction must be in [0, 1), got 1.0", e.getMessage());
    }

    @Test
    void movieLensOfficialAndRandomSplits() throws IOException {
        RatingsDataset d = MovieLens100k.load(SharedDatasets.require("ml-100k"));
        Interactions ua = Interactions.of(d, d.split("ua"), 1);
        assertEquals(90_570, ua.train().size());
        assertEquals(9_430, ua.test().size());
        for (int u = 0; u < 943; u++) {
            assertEquals(10, ua.test().count(u), "user " + u);
        }
        assertEquals(2 * 90_570, ua.trainGraph().numEntries());
        Split random = Splits.ratio(d.numRatings(), 0.8, 0.0, 42);
        Interactions r1 = Interactions.of(d, random, 1), r2 = Interactions.of(d, Splits.ratio(d.numRatings(), 0.8,
                0.0, 42), 1);
        assertEquals(80_000, r1.train().size());
        assertEquals(20_000, r1.test().size());
        assertArrayEquals(r1.test().items(), r2.test().items());
        assertEquals(82_520, Interactions.of(d, random, 3).train().size() + Interactions.of(d, random, 3).test().size());
    }
}
