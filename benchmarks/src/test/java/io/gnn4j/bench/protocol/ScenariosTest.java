package io.gnn4j.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScenariosTest {
    // 30 items: class 0 = items 0..19 (20), class 1 = 20..27 (8), class 2 = 28..29 (2)
    private static final int[] LABELS = IntStream.range(0, 30).map(i -> i < 20 ? 0 : i < 28 ? 1 : 2).toArray();
    private static final int[] ALL = IntStream.range(0, 30).toArray();

    private static int[] counts(int[] items, int[] labels) {
        int[] c = new int[3];
        for (int i : items) {
            c[labels[i]]++;
        }
        return c;
    }

    @Test
    void holdOutIsStratifiedDisjointAndKeepsATrainingItemPerClass() {
        Scenarios.HoldOut h = Scenarios.stratifiedHoldOut(ALL, LABELS, 3, 0.1, 5);
        assertArrayEquals(new int[] {2, 1, 0}, counts(h.val(), LABELS));   // round(2.0), round(0.8), round(0.2)
        assertEquals(30, h.train().length + h.val().length);
        int[] union = IntStream.concat(Arrays.stream(h.train()), Arrays.stream(h.val())).sorted().toArray();
        assertArrayEquals(ALL, union);
        Scenarios.HoldOut half = Scenarios.stratifiedHoldOut(new int[] {28, 29}, LABELS, 3, 0.9, 1);
        assertEquals(1, half.train().length);
    }

    @Test
    void sameSeedSameResultWhateverTheInputOrder() {
        int[] reversed = IntStream.range(0, 30).map(i -> 29 - i).toArray();
        assertArrayEquals(Scenarios.stratifiedHoldOut(ALL, LABELS, 3, 0.3, 9).val(),
                Scenarios.stratifiedHoldOut(reversed, LABELS, 3, 0.3, 9).val());
        assertArrayEquals(Scenarios.fewShot(ALL, LABELS, 3, 2, 4), Scenarios.fewShot(reversed, LABELS, 3, 2, 4));
    }

    @Test
    void noiseFlipsExactlyTheRequestedShareOfTrainingLabelsToOtherClasses() {
        int[] train = IntStream.range(0, 20).toArray();   // 20 training items
        int[] noisy = Scenarios.noisyLabels(LABELS, train, 3, 0.25, 11);
        int flipped = 0;
        for (int i = 0; i < 30; i++) {
            if (noisy[i] != LABELS[i]) {
                flipped++;
                assertTrue(i < 20, "item " + i + " is not in the training set");
                assertTrue(noisy[i] >= 0 && noisy[i] < 3);
            }
        }
        assertEquals(5, flipped);
        assertArrayEquals(LABELS, Scenarios.noisyLabels(LABELS, train, 3, 0.0, 11));
    }

    @Test
    void noiseReachesEveryOtherClass() {
        int[] seen = new int[3];
        for (long seed = 0; seed < 50; seed++) {
            int[] noisy = Scenarios.noisyLabels(LABELS, new int[] {0}, 3, 1.0, seed);
            assertNotEquals(0, noisy[0]);
            seen[noisy[0]]++;
        }
        assertTrue(seen[1] > 10 && seen[2] > 10, Arrays.toString(seen));
    }

    @Test
    void imbalanceShrinksOnlyTheSmallestClassToTheRatioOfTheLargest() {
        int[] train = IntStream.range(0, 28).toArray();   // class 0: 20, class 1: 8 (the smallest present)
        int[] out = Scenarios.imbalance(train, LABELS, 3, 0.1, 3);
        assertArrayEquals(new int[] {20, 2, 0}, counts(out, LABELS));
        assertArrayEquals(new int[] {20, 8, 0}, counts(Scenarios.imbalance(train, LABELS, 3, 0.5, 3), LABELS));
    }

    @Test
    void fewShotTakesKPerClassAndRejectsTooSmallClasses() {
        assertArrayEquals(new int[] {2, 2, 2}, counts(Scenarios.fewShot(ALL, LABELS, 3, 2, 8), LABELS));
        var e = assertThrows(IllegalArgumentException.class, () -> Scenarios.fewShot(ALL, LABELS, 3, 3, 8));
        assertEquals("few-shot k = 3 exceeds the 2 training items of class 2", e.getMessage());
    }
}
