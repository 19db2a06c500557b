package io.gnn4j.datasets.movielens;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.MultiLabels;
import io.gnn4j.datasets.RatingsDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.text.TextCursor;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loader of MovieLens-100K as GroupLens distributes it (Harper & Konstan, "The MovieLens Datasets: History and
 * Context", ACM TiiS 2015): {@code u.data} ({@code user\titem\trating\ttimestamp}), {@code u.user},
 * {@code u.item} (ISO-8859-1, '|'-separated, 5 fields + 19 genre flags), {@code u.genre} and the official
 * {@code ua}/{@code ub} splits ({@code .base}/{@code .test}, lines identical to lines of u.data). The licence forbids
 * redistribution: gnn4j never ships these files; point the loader at a copy you obtained from GroupLens.
 *
 * <p>Strict: user and item ids must be 1..#lines of u.user / u.item (which must list them in order), ratings
 * 1..5, a (user, item) pair rated once, each split line must be a rating of u.data, and base + test must cover every
 * rating exactly once. Violations raise {@link DatasetFormatException} with the file and line.
 */
public final class MovieLens100k {
    private static final int GENRES = 19;

    private MovieLens100k() {
    }

    /** Loads the ratings with splits "ua" and "ub" (missing split files are an error). */
    public static RatingsDataset load(Path dir) throws IOException {
        int numUsers = countIdLines(dir.resolve("u.user"));
        int numItems = countIdLines(dir.resolve("u.item"));
        Path data = dir.resolve("u.data");
        TextCursor c = TextCursor.of(data, Files.readAllBytes(data));
        IntArrayList users = new IntArrayList(100_000), items = new IntArrayList(100_000);
        it.unimi.dsi.fastutil.floats.FloatArrayList ratings = new it.unimi.dsi.fastutil.floats.FloatArrayList(100_000);
        it.unimi.dsi.fastutil.longs.LongArrayList times = new it.unimi.dsi.fastutil.longs.LongArrayList(100_000);
        Long2IntOpenHashMap index = new Long2IntOpenHashMap();
        index.defaultReturnValue(-1);
        while (c.nextLine()) {
            int[] r = readRating(c, numUsers, numItems);
            long t = c.nextLong();
            c.expectEnd();
            if (t < 0) {
                throw c.error("a timestamp >= 0", String.valueOf(t));
            }
            long key = (long) r[0] * numItems + r[1];
            int prev = index.putIfAbsent(key, users.size());
            if (prev >= 0) {
                throw c.error("each (user, item) pair rated once", "user " + (r[0] + 1) + ", item " + (r[1] + 1)
                        + " again (first on line " + (prev + 1) + ")");
            }
            users.add(r[0]);
            items.add(r[1]);
            ratings.add(r[2]);
            times.add(t);
        }
        int n = users.size();
        long[] ts = times.toLongArray();
        List<Split> splits = new ArrayList<>();
        for (String s : new String[] {"ua", "ub"}) {
            int[] base = readSplit(dir.resolve(s + ".base"), index, users, items, ratings, ts, numUsers, numItems);
            int[] test = readSplit(dir.resolve(s + ".test"), index, users, items, ratings, ts, numUsers, numItems);
            boolean[] seen = new boolean[n];
            for (int[] part : new int[][] {base, test}) {
                for (int r : part) {
                    if (seen[r]) {
                        throw new DatasetFormatException(dir.resolve(s + ".test"), "rating of user " + (users.getInt(r) + 1)
                                + ", item " + (items.getInt(r) + 1), "expected it in " + s + ".base or " + s
                                + ".test once, found it twice");
                    }
                    seen[r] = true;
                }
            }
            if (base.length + test.length != n) {
                throw new DatasetFormatException(dir.resolve(s + ".test"), "all lines", "expected " + s + ".base + " + s
                        + ".test to hold all " + n + " ratings of u.data, found " + (base.length + test.length));
            }
            splits.add(new Split(s, base, new int[0], test));
        }
        GraphBuilder g = GraphBuilder.undirected(numUsers + numItems);
        for (int r = 0; r < n; r++) {
            g.addEdge(users.getInt(r), numUsers + items.getInt(r));
        }
        return new RatingsDataset("ml-100k", numUsers, numItems, users.toIntArray(), items.toIntArray(),
                ratings.toFloatArray(), ts, g.build(), splits);
    }

    /** Loads u.item, u.user and u.genre. */
    public static MovieLensCatalog loadCatalog(Path dir) throws IOException {
        List<String> genreNames = new ArrayList<>();
        Path genre = dir.resolve("u.genre");
        TextCursor gc = TextCursor.of(genre, Files.readAllBytes(genre), StandardCharsets.ISO_8859_1, false, true);
        while (gc.nextLine()) {
            if (gc.isBlank()) {
                continue; // u.genre ends with an empty line
            }
            String name = gc.field('|');
            if (!gc.previousIs('|')) {
                throw gc.error("'name|index'", "'" + gc.lineText() + "'");
            }
            int idx = gc.nextInt();
            gc.expectEnd();
            if (idx != genreNames.size()) {
                throw gc.error("genre index " + genreNames.size(), String.valueOf(idx));
            }
            genreNames.add(name);
        }
        if (genreNames.size() != GENRES) {
            throw new DatasetFormatException(genre, "end of file", "expected " + GENRES + " genres, found " + genreNames.size());
        }
        Path item = dir.resolve("u.item");
        TextCursor c = TextCursor.of(item, Files.readAllBytes(item), StandardCharsets.ISO_8859_1, false, true);
        List<String> titles = new ArrayList<>(), dates = new ArrayList<>(), video = new ArrayList<>(), urls = new ArrayList<>();
        IntArrayList offsets = new IntArrayList(), labels = new IntArrayList();
        offsets.add(0);
        while (c.nextLine()) {
            expectId(c, titles.size() + 1);
            titles.add(field(c));
            dates.add(field(c));
            video.add(field(c));
            urls.add(field(c));
            for (int gIdx = 0; gIdx < GENRES; gIdx++) {
                int flag = c.nextInt();
                if (flag != 0 && flag != 1) {
                    throw c.error("genre flag 0 or 1 for " + genreNames.get(gIdx), String.valueOf(flag));
                }
                if (flag == 1) {
                    labels.add(gIdx);
                }
                if (gIdx < GENRES - 1) {
                    c.expect('|');
                }
            }
            c.expectEnd();
            offsets.add(labels.size());
        }
        Path user = dir.resolve("u.user");
        TextCursor uc = TextCursor.of(user, Files.readAllBytes(user), StandardCharsets.ISO_8859_1, false, true);
        IntArrayList ages = new IntArrayList();
        List<String> genders = new ArrayList<>(), occupations = new ArrayList<>(), zips = new ArrayList<>();
        while (uc.nextLine()) {
            expectId(uc, ages.size() + 1);
            int age = uc.nextInt();
            uc.expect('|');
            if (age < 0 || age > 150) {
                throw uc.error("an age in 0..150", String.valueOf(age));
            }
            ages.add(age);
            String gender = field(uc);
            if (!gender.equals("M") && !gender.equals("F")) {
                throw uc.error("gender M or F", "'" + gender + "'");
            }
            genders.add(gender);
            occupations.add(field(uc));
            String zip = uc.field('|');
            if (uc.previousIs('|') || zip.isEmpty()) {
                throw uc.error("5 '|'-separated fields ending with a zip code", "'" + uc.lineText() + "'");
            }
            zips.add(zip);
        }
        return new MovieLensCatalog(titles, dates, video, urls,
                new MultiLabels(GENRES, offsets.toIntArray(), labels.toIntArray()), genreNames, ages.toIntArray(),
                genders, occupations, zips);
    }

    private static String field(TextCursor c) throws DatasetFormatException {
        String s = c.field('|');
        if (!c.previousIs('|')) {
            throw c.error("another '|'-separated field", "end of line");
        }
        return s;
    }

    private static void expectId(TextCursor c, int expected) throws DatasetFormatException {
        int id = c.nextInt();
        if (id != expected) {
            throw c.error("id " + expected + " (ids listed in order)", String.valueOf(id));
        }
        c.expect('|');
    }

    /** Lines of u.user / u.item, checking that line k starts with "k|". */
    private static int countIdLines(Path file) throws IOException {
        TextCursor c = TextCursor.of(file, Files.readAllBytes(file), StandardCharsets.ISO_8859_1, false, true);
        int k = 0;
        while (c.nextLine()) {
            expectId(c, ++k);
        }
        if (k == 0) {
            throw new DatasetFormatException(file, "line 1", "expected at least one line, found an empty file");
        }
        return k;
    }

    /** Reads "user item rating" (0-based ids, rating 1..5) and leaves the cursor before the timestamp. */
    private static int[] readRating(TextCursor c, int numUsers, int numItems) throws DatasetFormatException {
        int u = c.nextInt();
        if (u < 1 || u > numUsers) {
            throw c.error("a user id in 1.." + numUsers + " (the lines of u.user)", String.valueOf(u));
        }
        int i = c.nextInt();
        if (i < 1 || i > numItems) {
            throw c.error("an item id in 1.." + numItems + " (the lines of u.item)", String.valueOf(i));
        }
        int r = c.nextInt();
        if (r < 1 || r > 5) {
            throw c.error("a rating in 1..5", String.valueOf(r));
        }
        return new int[] {u - 1, i - 1, r};
    }

    private static int[] readSplit(Path file, Long2IntOpenHashMap index, IntArrayList users, IntArrayList items,
                                   it.unimi.dsi.fastutil.floats.FloatArrayList ratings, long[] ts, int numUsers,
                                   int numItems) throws IOException {
        TextCursor c = TextCursor.of(file, Files.readAllBytes(file));
        IntArrayList out = new IntArrayList();
        while (c.nextLine()) {
            int[] r = readRating(c, numUsers, numItems);
            long t = c.nextLong();
            c.expectEnd();
            int at = index.get((long) r[0] * numItems + r[1]);
            if (at < 0) {
                throw c.error("a rating listed in u.data", "user " + (r[0] + 1) + ", item " + (r[1] + 1)
                        + ", which u.data does not rate");
            }
            if (ratings.getFloat(at) != r[2] || ts[at] != t) {
                throw c.error("rating " + (int) ratings.getFloat(at) + " at " + ts[at] + " as on line " + (at + 1)
                        + " of u.data", "rating " + r[2] + " at " + t);
            }
            out.add(at);
        }
        return out.toIntArray();
    }
}
