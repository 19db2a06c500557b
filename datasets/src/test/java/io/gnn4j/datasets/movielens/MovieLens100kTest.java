package io.gnn4j.datasets.movielens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.DatasetSummary;
import io.gnn4j.datasets.RatingsDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.split.Splits;
import io.gnn4j.datasets.text.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real MovieLens-100K in ../shared/datasets (never committed: its licence forbids redistribution). */
class MovieLens100kTest {
    @TempDir
    Path tmp;

    @Test
    void ratingsHavePublishedCountsAndOfficialSplits() throws IOException {
        RatingsDataset d = MovieLens100k.load(SharedDatasets.require("ml-100k"));
        assertEquals(943, d.numUsers());
        assertEquals(1682, d.numItems());
        assertEquals(100_000, d.numRatings());
        assertEquals(2625, d.graph().numNodes());
        assertEquals(100_000, d.graph().numEdges());
        assertFalse(d.graph().isDirected());
        // First line of u.data: 196 242 3 881250949.
        assertEquals(195, d.users()[0]);
        assertEquals(241, d.items()[0]);
        assertEquals(3f, d.ratings()[0]);
        assertEquals(881250949L, d.timestamps()[0]);
        assertTrue(d.graph().hasEdge(195, 943 + 241));
        int[] hist = new int[6];
        for (float r : d.ratings()) {
            hist[(int) r]++;
        }
        assertEquals(0, hist[0]);
        for (String s : List.of("ua", "ub")) {
            Split split = d.split(s);
            assertEquals(90_570, split.train().length, s);
            assertEquals(9_430, split.test().length, s);
            int[] perUser = new int[943];
            for (int r : split.test()) {
                perUser[d.users()[r]]++;
            }
            for (int u = 0; u < 943; u++) {
                assertEquals(10, perUser[u], "user " + (u + 1) + " in " + s + ".test");
            }
        }
    }

    @Test
    void leaveOneOutAndSummaryOnRealRatings() throws IOException {
        RatingsDataset d = MovieLens100k.load(SharedDatasets.require("ml-100k"));
        Split s = Splits.leaveKOut(d.users(), d.timestamps(), 1, 1, true, 0).checkedAgainst(d.numRatings());
        assertEquals(943, s.test().length); // every user has at least 20 ratings
        assertEquals(943, s.val().length);
        for (int r : s.test()) {
            for (int q = 0; q < d.numRatings(); q++) {
                if (d.users()[q] == d.users()[r]) {
                    assertTrue(d.timestamps()[q] <= d.timestamps()[r], "test rating is not the user's latest");
                }
            }
            break; // one user checked exhaustively is enough for the O(N) scan
        }
        DatasetSummary sum = DatasetSummary.of(d);
        assertEquals(2625, sum.nodes());
        assertEquals(100_000, sum.edges());
        assertEquals(0, sum.isolatedNodes());
        assertEquals(1, sum.minDegree()); // some movies have a single rating
        for (int u = 0; u < 943; u++) {
            assertTrue(d.graph().degree(u) >= 20, "user " + (u + 1) + " rated fewer than 20 movies");
        }
        assertTrue(sum.toString().contains("943 users × 1682 items, 100000 ratings"), sum.toString());
    }

    @Test
    void catalogDecodesIso88591AndKeepsEveryField() throws IOException {
        MovieLensCatalog c = MovieLens100k.loadCatalog(SharedDatasets.require("ml-100k"));
        assertEquals(1682, c.numItems());
        assertEquals(943, c.numUsers());
        assertEquals("Toy Story (1995)", c.itemTitles().get(0));
        assertEquals("Misérables, Les (1995)", c.itemTitles().get(542));
        assertEquals("unknown", c.itemTitles().get(266));
        assertEquals("", c.itemReleaseDates().get(266));
        assertEquals(19, c.genreNames().size());
        assertEquals("Western", c.genreNames().get(18));
        // Toy Story: Animation, Children's, Comedy (flags 3, 4, 5).
        assertTrue(c.itemGenres().has(0, 3) && c.itemGenres().has(0, 4) && c.itemGenres().has(0, 5));
        assertFalse(c.itemGenres().has(0, 1));
        assertEquals(24, c.userAges()[0]);
        assertEquals("technician", c.userOccupations().get(0));
        assertEquals("85711", c.userZipCodes().get(0));
        assertEquals(670, c.userGenders().stream().filter("M"::equals).count());
    }

    private Path tinyCopy(String data, String uaTest) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ml" + System.nanoTime()));
        Files.writeString(dir.resolve("u.user"), "1|24|M|technician|85711\n2|53|F|other|94043\n");
        Files.writeString(dir.resolve("u.item"), "1|A|01-Jan-1995||u|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
                + "2|B|01-Jan-1995||u|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0\n");
        Files.writeString(dir.resolve("u.data"), data);
        Files.writeString(dir.resolve("ua.base"), "1\t1\t5\t10\n");
        Files.writeString(dir.resolve("ua.test"), uaTest);
        Files.writeString(dir.resolve("ub.base"), "2\t2\t3\t11\n");
        Files.writeString(dir.resolve("ub.test"), "1\t1\t5\t10\n");
        return dir;
    }

    @Test
    void tinyCopyLoads() throws IOException {
        RatingsDataset d = MovieLens100k.load(tinyCopy("1\t1\t5\t10\n2\t2\t3\t11\n", "2\t2\t3\t11\n"));
        assertArrayEquals(new int[] {0, 1}, d.users());
        assertArrayEquals(new int[] {0}, d.split("ua").train());
        assertArrayEquals(new int[] {1}, d.split("ua").test());
    }

    @Test
    void badRatingsAndSplitsAreRejected() throws IOException {
        String ok = "2\t2\t3\t11\n";
        assertMessage(tinyCopy("1\t1\t6\t10\n2\t2\t3\t11\n", ok), "u.data: line 1: expected a rating in 1..5, found 6");
        assertMessage(tinyCopy("1\t3\t5\t10\n2\t2\t3\t11\n", ok), "expected an item id in 1..2");
        assertMessage(tinyCopy("1\t1\t5\t10\n1\t1\t3\t11\n", ok), "rated once");
        assertMessage(tinyCopy("1\t1\t5\t10\n2\t2\t3\t11\n", "2\t2\t4\t11\n"), "ua.test: line 1: expected rating 3");
        assertMessage(tinyCopy("1\t1\t5\t10\n2\t2\t3\t11\n", ""), "to hold all 2 ratings");
        assertMessage(tinyCopy("1\t1\t5\t10\n2\t2\t3\t11\n", "2\t1\t3\t11\n"), "which u.data does not rate");
        assertMessage(tinyCopy("1\t1\t5\n", ok), "u.data: line 1: expected a 64-bit integer, found end of line");
    }

    @Test
    void truncatedOrNonNumericRatingsAreRejectedWithFileAndLine() throws IOException {
        String ok = "2\t2\t3\t11\n";
        assertMessage(tinyCopy("1\t1\t5\t10\n2\t2\t3\t1", ok), "u.data: line 2");
        assertMessage(tinyCopy("1\t1\t5\t10\n2\t2\t3\t1", ok), "truncated");
        assertMessage(tinyCopy("1\tx\t5\t10\n2\t2\t3\t11\n", ok), "u.data: line 1");
        assertMessage(tinyCopy("1\t1\t5\t10\n2\t2\t3\t11\n", "2\t2\t3\t11"), "ua.test: line 1");
        assertMessage(tinyCopy("1\t1\t5\t10\n0\t2\t3\t11\n", ok), "expected a user id in 1..2 (the lines of u.user), found 0");
    }

    private static void assertMessage(Path dir, String part) {
        String m = assertThrows(DatasetFormatException.class, () -> MovieLens100k.load(dir)).getMessage();
        assertTrue(m.contains(part), m);
    }
}
