package io.gnn4j.datasets.movielens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.RatingsDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MovieLens ratings.dat / ratings.csv on small files written here, in the published layouts (the first lines of
 * MovieLens-1M's ratings.dat and ml-latest-small's ratings.csv, then lines with gaps in the ids).
 */
class MovieLensRatingsTest {
    @TempDir
    Path tmp;

    private Path write(String folder, String file, String text) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        return Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    @Test
    void ratingsDatNumbersUsersAndMoviesByTheirSortedIds() throws IOException {
        Path file = write("ml-1m", "ratings.dat", """
                1::1193::5::978300760
                1::661::3::978302109
                7::3408::4::978300275
                3::661::1::978301968
                """);
        RatingsDataset d = MovieLensRatings.load(file);
        assertEquals("ml-1m", d.name());
        assertEquals(3, d.numUsers());                        // ids 1, 3, 7
        assertEquals(3, d.numItems());                        // ids 661, 1193, 3408
        assertArrayEquals(new int[] {0, 0, 2, 1}, d.users());
        assertArrayEquals(new int[] {1, 0, 2, 0}, d.items());
        assertArrayEquals(new float[] {5, 3, 4, 1}, d.ratings());
        assertArrayEquals(new long[] {978300760L, 978302109L, 978300275L, 978301968L}, d.timestamps());
        assertEquals(6, d.graph().numNodes());
        assertEquals(4, d.graph().numEdges());
        assertTrue(d.graph().hasEdge(2, 3 + 2));              // user 7 – movie 3408
        assertTrue(d.graph().hasEdge(3 + 0, 1));              // movie 661 – user 3, both directions
        assertTrue(d.splits().isEmpty());
        // by folder and by file through Datasets, by format
        assertEquals(4, ((RatingsDataset) Datasets.loadPath(file.getParent())).numRatings());
        assertEquals(4, ((RatingsDataset) Datasets.loadPath(file)).numRatings());
    }

    @Test
    void ratingsCsvWithItsHeaderTakesHalfStarsAndIsNotReadAsAnEdgeList() throws IOException {
        Path file = write("ml-latest-small", "ratings.csv", """
                userId,movieId,rating,timestamp\r
                1,1,4.0,964982703\r
                1,3,4.5,964981247\r
                610,170875,0.5,1493846415""");              // CRLF and no final LF, as some copies have
        write("ml-latest-small", "movies.csv", "movieId,title,genres\n1,Toy Story (1995),Adventure\n");
        RatingsDataset d = (RatingsDataset) Datasets.loadPath(file);
        assertEquals(2, d.numUsers());
        assertEquals(3, d.numItems());
        assertArrayEquals(new float[] {4, 4.5f, 0.5f}, d.ratings());
        assertArrayEquals(new int[] {0, 0, 1}, d.users());
        assertArrayEquals(new int[] {0, 1, 2}, d.items());
        assertEquals(3, ((RatingsDataset) Datasets.loadPath(file.getParent())).numRatings());
        // another csv of three integer columns is still an edge list
        Path edges = write("edges", "edges.csv", "1,2,3\n2,3,1\n");
        assertTrue(Datasets.loadPath(edges) instanceof NodeDataset);
        assertFalse(MovieLensRatings.isRatingsCsv(edges));
    }

    @Test
    void malformedLinesNameTheFileLineAndWhatWasExpected() throws IOException {
        assertError("ratings.dat", "1::10::5::1\n2::10::3::2\n1::10::4::3\n", "line 3",
                "each (user, movie) pair rated once", "first on line 1");
        assertError("ratings.dat", "1::10::5::1\n1::11::6::2\n", "line 2", "a rating in 0.5..5 in steps of 0.5", "6.0");
        assertError("ratings.dat", "1::10::3.3::1\n", "line 1", "in steps of 0.5", "3.3");
        assertError("ratings.dat", "1::10::0::1\n", "line 1", "a rating in 0.5..5", "0.0");
        assertError("ratings.dat", "0::10::4::1\n", "line 1", "a user id >= 1", "0");
        assertError("ratings.dat", "1::10::4\n", "line 1", "':'", "end of line");
        assertError("ratings.dat", "1::10::4::1::9\n", "line 1", "end of line", "'::9'");
        assertError("ratings.dat", "1::10::4::-5\n", "line 1", "a timestamp >= 0", "-5");
        assertError("ratings.dat", "", "end of file", "at least one rating", "none");
        assertError("ratings.csv", "1,10,4.0,1\n", "line 1", "the header 'userId,movieId,rating,timestamp'",
                "'1,10,4.0,1'");
        assertError("ratings.csv", "userId,movieId,rating,timestamp\n1;10;4.0;1\n", "line 2", "','", "';10;4.0;1'");
    }

    private void assertError(String file, String text, String... parts) throws IOException {
        Path path = write("bad-" + Math.abs(text.hashCode()), file, text);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> MovieLensRatings.load(path),
                text);
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        }
    }
}
