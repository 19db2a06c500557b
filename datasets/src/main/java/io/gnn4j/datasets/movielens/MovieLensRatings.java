package io.gnn4j.datasets.movielens;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.RatingsDataset;
import io.gnn4j.datasets.text.TextCursor;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Loader of the MovieLens ratings files beyond 100K's (Harper &amp; Konstan, "The MovieLens Datasets: History and
 * Context", ACM TiiS 2015), the files PyG's {@code MovieLens1M} and {@code MovieLens} read: {@code ratings.dat} of
 * MovieLens-1M and -10M ({@code UserID::MovieID::Rating::Timestamp}) and {@code ratings.csv} of MovieLens-20M, -25M,
 * -32M and ml-latest(-small) (the header {@value #CSV_HEADER}, then comma-separated lines). The licence forbids
 * redistribution: gnn4j never ships these files.
 *
 * <p>Users and items are numbered 0, 1, … in increasing order of their MovieLens ids, over the ids that occur in the
 * ratings (MovieLens-1M rates 3,706 of its movie ids up to 3,952): user k is the k-th smallest rating user id. The
 * files carry no split; recommend with a random or per-user split. Strict: four fields per line, ids ≥ 1, ratings
 * in 0.5..5 in steps of 0.5 (whole stars in 1M), timestamps ≥ 0, each (user, item) pair rated once — a violation
 * raises {@link DatasetFormatException} with the file and line. CRLF line endings and a last line without LF are
 * accepted.
 */
public final class MovieLensRatings {
    /** The first line of every MovieLens {@code ratings.csv}. */
    public static final String CSV_HEADER = "userId,movieId,rating,timestamp";

    private MovieLensRatings() {
    }

    /** Whether {@code file} is a MovieLens {@code ratings.csv}: its first line is {@value #CSV_HEADER}. */
    public static boolean isRatingsCsv(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.strip().equals(CSV_HEADER);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Loads {@code ratings.dat} ('::'-separated) or {@code ratings.csv} (comma-separated with the header), by the
     * file's extension. The dataset is named after the file's folder ({@code ml-1m}, …).
     */
    public static RatingsDataset load(Path file) throws IOException {
        boolean csv = file.getFileName().toString().endsWith(".csv");
        TextCursor c = TextCursor.of(file, Files.readAllBytes(file), StandardCharsets.UTF_8, true, false);
        if (csv && (!c.nextLine() || !c.lineText().strip().equals(CSV_HEADER))) {
            throw c.error("the header '" + CSV_HEADER + "'", c.lineNumber() == 0 ? "an empty file"
                    : "'" + c.lineText() + "'");
        }
        IntArrayList userIds = new IntArrayList(), itemIds = new IntArrayList();
        FloatArrayList ratings = new FloatArrayList();
        LongArrayList times = new LongArrayList();
        Long2IntOpenHashMap lineOfPair = new Long2IntOpenHashMap();
        lineOfPair.defaultReturnValue(-1);
        while (c.nextLine()) {
            int user = nextId(c, "user");
            separator(c, csv);
            int item = nextId(c, "movie");
            separator(c, csv);
            float rating = c.nextFloat();
            if (!(rating >= 0.5f && rating <= 5f && rating * 2 == Math.rint(rating * 2))) {
                throw c.error("a rating in 0.5..5 in steps of 0.5", String.valueOf(rating));
            }
            separator(c, csv);
            long t = c.nextLong();
            c.expectEnd();
            if (t < 0) {
                throw c.error("a timestamp >= 0", String.valueOf(t));
            }
            int previous = lineOfPair.putIfAbsent(((long) user << 32) | item, c.lineNumber());
            if (previous >= 0) {
                throw c.error("each (user, movie) pair rated once", "user " + user + ", movie " + item
                        + " again (first on line " + previous + ")");
            }
            userIds.add(user);
            itemIds.add(item);
            ratings.add(rating);
            times.add(t);
        }
        if (userIds.isEmpty()) {
            throw new DatasetFormatException(file, "end of file", "expected at least one rating, found none");
        }
        int[] userSorted = distinctSorted(userIds), itemSorted = distinctSorted(itemIds);
        int n = userIds.size();
        int[] users = new int[n], items = new int[n];
        GraphBuilder g = GraphBuilder.undirected(userSorted.length + itemSorted.length);
        for (int r = 0; r < n; r++) {
            users[r] = Arrays.binarySearch(userSorted, userIds.getInt(r));
            items[r] = Arrays.binarySearch(itemSorted, itemIds.getInt(r));
            g.addEdge(users[r], userSorted.length + items[r]);
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        String name = folder == null || folder.getFileName() == null ? "movielens" : folder.getFileName().toString();
        return new RatingsDataset(name, userSorted.length, itemSorted.length, users, items, ratings.toFloatArray(),
                times.toLongArray(), g.build(), List.of());
    }

    private static int nextId(TextCursor c, String what) throws DatasetFormatException {
        int id = c.nextInt();
        if (id < 1) {
            throw c.error("a " + what + " id >= 1", String.valueOf(id));
        }
        return id;
    }

    private static void separator(TextCursor c, boolean csv) throws DatasetFormatException {
        if (csv) {
            c.expect(',');
        } else {
            c.expect(':');
            c.expect(':');
        }
    }

    private static int[] distinctSorted(IntArrayList ids) {
        return Arrays.stream(ids.toIntArray()).sorted().distinct().toArray();
    }
}
