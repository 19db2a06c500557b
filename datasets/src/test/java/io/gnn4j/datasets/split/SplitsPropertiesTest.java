package io.gnn4j.datasets.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.Split;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the splits over random label vectors: partition, sizes, stratification, determinism. */
class SplitsPropertiesTest {
    @Property(tries = 200)
    void kFoldPartitionsAndStratifies(@ForAll @Size(min = 10, max = 300) List<@IntRange(min = 0, max = 4) Integer> ys,
                                      @ForAll @IntRange(min = 2, max = 10) int k, @ForAll long seed) {
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        int n = y.length;
        List<Split> folds = Splits.stratifiedKFold(y, k, seed);
        int[] testedTimes = new int[n];
        int maxClass = 0;
        for (int v : y) {
            maxClass = Math.max(maxClass, v);
        }
        for (Split f : folds) {
            f.checkedAgainst(n);
            assertEquals(n, f.train().length + f.test().length);
            assertTrue(Math.abs(f.test().length - (double) n / k) <= 1, "fold size " + f.test().length);
            for (int i : f.test()) {
                testedTimes[i]++;
            }
            for (int c = 0; c <= maxClass; c++) {
                int total = 0, inFold = 0;
                for (int i = 0; i < n; i++) {
                    total += y[i] == c ? 1 : 0;
                }
                for (int i : f.test()) {
                    inFold += y[i] == c ? 1 : 0;
                }
                assertTrue(Math.abs(inFold - (double) total / k) < 1 + 1e-9, "class " + c + ": " + inFold + " of " + total);
            }
        }
        for (int t : testedTimes) {
            assertEquals(1, t);
        }
        assertArrayEquals(folds.get(k - 1).test(), Splits.stratifiedKFold(y, k, seed).get(k - 1).test());
    }

    @Property(tries = 200)
    void perClassSplitIsDisjointAndBalanced(@ForAll @Size(min = 30, max = 400) List<@IntRange(min = -1, max = 3) Integer> ys,
                                            @ForAll long seed) {
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        int[] counts = new int[4];
        int labelled = 0;
        for (int v : y) {
            if (v >= 0) {
                counts[v]++;
                labelled++;
            }
        }
        int perClass = Math.min(Math.min(counts[0], counts[1]), Math.min(counts[2], counts[3]));
        int rest = labelled - 4 * perClass;
        Split s = Splits.perClass(y, 4, perClass, rest / 3, rest / 2, seed).checkedAgainst(y.length);
        int[] trainCounts = new int[4];
        for (int i : s.train()) {
            trainCounts[y[i]]++;
        }
        assertArrayEquals(new int[] {perClass, perClass, perClass, perClass}, trainCounts);
        assertEquals(rest / 3, s.val().length);
        assertEquals(rest / 2, s.test().length);
        for (int[] part : new int[][] {s.val(), s.test()}) {
            for (int i : part) {
                assertTrue(y[i] >= 0);
            }
        }
        assertArrayEquals(s.val(), Splits.perClass(y, 4, perClass, rest / 3, rest / 2, seed).val());
    }

    @Property(tries = 100)
    void ratioSplitIsAPartition(@ForAll @IntRange(min = 0, max = 500) int n, @ForAll @IntRange(min = 0, max = 50) int t,
                                @ForAll @IntRange(min = 0, max = 50) int v, @ForAll long seed) {
        Split s = Splits.ratio(n, t / 100.0, v / 100.0, seed).checkedAgainst(n);
        assertEquals(n, s.train().length + s.val().length + s.test().length);
        assertEquals((int) Math.floor(n * (t / 100.0)), s.train().length);
    }
}
