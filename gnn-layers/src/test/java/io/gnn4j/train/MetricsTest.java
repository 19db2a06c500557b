package io.gnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void accuracyCountsArgmaxMatchesOnTheIndexedRowsOnly() {
        float[] logits = {
            0.1f, 0.9f, 0.0f,   // row 0 → 1
            2.0f, 1.0f, 0.0f,   // row 1 → 0
            0.0f, 0.0f, 5.0f,   // row 2 → 2
            1.0f, 3.0f, 2.0f};  // row 3 → 1
        int[] labels = {1, 2, 2, 0};
        assertEquals(2.0 / 3, Metrics.accuracy(logits, 3, labels, new int[] {0, 1, 2}), 1e-12);
        assertEquals(0.0, Metrics.accuracy(logits, 3, labels, new int[] {3}), 0);
        assertEquals(Double.NaN, Metrics.accuracy(logits, 3, labels, new int[0]));
    }

    @Test
    void crossEntropyMatchesHandComputedSoftmax() {
        // softmax([0, ln 3]) = [1/4, 3/4]: loss of label 1 is −ln(3/4), of label 0 is ln 4.
        float[] logits = {0f, (float) Math.log(3), 0f, (float) Math.log(3)};
        assertEquals(-Math.log(0.75), Metrics.crossEntropy(logits, 2, new int[] {1, 0}, new int[] {0}), 1e-6);
        assertEquals((-Math.log(0.75) + Math.log(4)) / 2,
                Metrics.crossEntropy(logits, 2, new int[] {1, 0}, new int[] {0, 1}), 1e-6);
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        float[] logits = {1000f, 0f};
        assertEquals(1000.0, Metrics.crossEntropy(logits, 2, new int[] {1}, new int[] {0}), 1e-3);
    }

    @Test
    void rocAucCountsTiesAsOneHalf() {
        // pairs: 0.9 beats all three negatives; 0.4 beats 0.1, ties 0.4, loses to 0.5 → 4.5 / 6.
        assertEquals(0.75, Metrics.rocAuc(new float[] {0.9f, 0.4f}, new float[] {0.5f, 0.1f, 0.4f}), 1e-12);
    }

    @Test
    void rocAucAgreesWithTheNaivePairCount() {
        SplittableRandom r = new SplittableRandom(7);
        float[] pos = new float[57], neg = new float[83];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = r.nextInt(20) / 10f;   // coarse values force many ties
        }
        for (int i = 0; i < neg.length; i++) {
            neg[i] = r.nextInt(15) / 10f;
        }
        double pairs = 0;
        for (float p : pos) {
            for (float n : neg) {
                pairs += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        assertEquals(pairs / (pos.length * neg.length), Metrics.rocAuc(pos, neg), 1e-12);
    }

    @Test
    void hitsAtKUsesTheKthBestNegativeAsThreshold() {
        float[] pos = {0.9f, 0.6f, 0.3f, 0.5f};
        float[] neg = {0.8f, 0.5f, 0.2f, 0.1f};
        assertEquals(0.5, Metrics.hitsAtK(pos, neg, 2), 1e-12);     // threshold 0.5, strictly above: 0.9, 0.6
        assertEquals(0.25, Metrics.hitsAtK(pos, neg, 1), 1e-12);    // threshold 0.8
        assertEquals(1.0, Metrics.hitsAtK(pos, neg, 10), 0);        // fewer negatives than K
        assertThrows(IllegalArgumentException.class, () -> Metrics.hitsAtK(pos, neg, 0));
    }

    @Test
    void logitsNotDivisibleByClassesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.accuracy(new float[5], 2, new int[3], new int[] {0}));
        assertEquals("logits of length 5 are not rows×2", e.getMessage());
    }

    @Test
    void regressionErrorsMatchHandComputedValues() {
        float[] p = {1, 2, 4}, t = {1, 3, 2};
        assertEquals(1.0, Metrics.mae(p, t), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), Metrics.rmse(p, t), 1e-12);
        // mean t = 2, Σ(t − 2)² = 2, Σ(t − p)² = 5
        assertEquals(1 - 5.0 / 2, Metrics.r2(p, t), 1e-12);
        assertEquals(1.0, Metrics.r2(t, t), 0);
        assertEquals(Double.NaN, Metrics.r2(p, new float[] {2, 2, 2}));
        assertThrows(IllegalArgumentException.class, () -> Metrics.mae(p, new float[2]));
    }
}
