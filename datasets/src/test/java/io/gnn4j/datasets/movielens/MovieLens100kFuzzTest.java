package io.gnn4j.datasets.movielens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.RatingsDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.text.Mutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated copies of a small MovieLens-100K-shaped folder (5 users, 6 items, every user and item rated, ua/ub with
 * one test rating per user): each mutant of one file must either load with the same ratings and splits (as sets of
 * rating lines, since shuffling u.data legitimately renumbers the ratings) or raise DatasetFormatException — never
 * another exception or different content. The side-information fields u.data does not depend on (ages, titles,
 * genres) may change freely because {@link MovieLens100k#load} does not read them.
 */
class MovieLens100kFuzzTest {
    @TempDir
    Path tmp;

    private static final String[] FILES = {"u.data", "ua.base", "ua.test", "ub.base", "ub.test", "u.user", "u.item"};

    /** The original files: rating of (u, i) for u + i even, rating (u·i mod 5) + 1, timestamp 1000·u + i. */
    private static String[] originals() {
        StringBuilder data = new StringBuilder(), uaBase = new StringBuilder(), uaTest = new StringBuilder();
        StringBuilder ubBase = new StringBuilder(), ubTest = new StringBuilder();
        for (int u = 1; u <= 5; u++) {
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                if ((u + i) % 2 == 0) {
                    lines.add(u + "\t" + i + "\t" + (u * i % 5 + 1) + "\t" + (1000 * u + i) + "\n");
                }
            }
            for (int k = 0; k < lines.size(); k++) {
                data.append(lines.get(k));
                (k == 0 ? uaTest : uaBase).append(lines.get(k));
                (k == lines.size() - 1 ? ubTest : ubBase).append(lines.get(k));
            }
        }
        StringBuilder users = new StringBuilder(), items = new StringBuilder();
        for (int u = 1; u <= 5; u++) {
            users.append(u).append('|').append(20 + u).append("|M|other|0000").append(u).append('\n');
        }
        for (int i = 1; i <= 6; i++) {
            items.append(i).append("|Movie ").append(i).append(" (1995)|01-Jan-1995||http://x/").append(i);
            for (int g = 0; g < 19; g++) {
                items.append('|').append(g == i ? 1 : 0);
            }
            items.append('\n');
        }
        return new String[] {data.toString(), uaBase.toString(), uaTest.toString(), ubBase.toString(),
            ubTest.toString(), users.toString(), items.toString()};
    }

    /** Users, items, the sorted rating lines, and each split's sorted train and test lines. */
    private static String content(RatingsDataset d) {
        StringBuilder s = new StringBuilder(d.numUsers() + " users, " + d.numItems() + " items\n");
        s.append(lines(d, java.util.stream.IntStream.range(0, d.numRatings()).toArray()));
        for (Split split : d.splits()) {
            s.append(split.name()).append(" train ").append(lines(d, split.train())).append(split.name())
                    .append(" val ").append(lines(d, split.val())).append(split.name()).append(" test ")
                    .append(lines(d, split.test()));
        }
        return s.toString();
    }

    private static String lines(RatingsDataset d, int[] idx) {
        List<String> out = new ArrayList<>();
        for (int r : idx) {
            out.add(d.users()[r] + " " + d.items()[r] + " " + d.ratings()[r] + " " + d.timestamps()[r]);
        }
        out.sort(null);
        return out + "\n";
    }

    private void write(Path dir, String[] files) throws IOException {
        for (int f = 0; f < FILES.length; f++) {
            Files.writeString(dir.resolve(FILES[f]), files[f], java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void mutantsLoadTheSameRatingsAndSplitsOrFailCleanly() throws IOException {
        String[] orig = originals();
        Path dir = Files.createDirectories(tmp.resolve("ml"));
        write(dir, orig);
        String reference = content(MovieLens100k.load(dir));
        assertTrue(reference.startsWith("5 users, 6 items\n"), reference);
        SplittableRandom rnd = new SplittableRandom(100_000);
        int rejected = 0, same = 0;
        for (int t = 0; t < 400; t++) {
            int f = rnd.nextInt(FILES.length);
            String[] files = orig.clone();
            byte[] mutant = Mutations.mutate(orig[f].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), rnd);
            files[f] = new String(mutant, java.nio.charset.StandardCharsets.ISO_8859_1);
            write(dir, files);
            String what = FILES[f] + " mutant " + t + ": " + files[f].replace("\n", "⏎").replace("\t", "→");
            try {
                assertEquals(reference, content(MovieLens100k.load(dir)), what);
                same++;
            } catch (DatasetFormatException e) {
                assertTrue(e.getMessage().startsWith(dir.toString()), "names the file: " + e.getMessage());
                rejected++;
            } catch (RuntimeException | IOException | StackOverflowError e) {
                throw new AssertionError(what + ": expected the same content or DatasetFormatException, got " + e, e);
            }
        }
        assertTrue(rejected > 100 && same > 20, rejected + " rejected, " + same + " unchanged");
    }
}
