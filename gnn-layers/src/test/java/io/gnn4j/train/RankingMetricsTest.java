package io.gnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final double L3 = Math.log(3) / Math.log(2), L5 = Math.log(5) / Math.log(2);

    @Test
    void oneUserByHand() {
        // Ranking without the training item 0: 1, 2 (hit), 3, 4 (hit), 5.
        float[] scores = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f};
        Map<String, Double> m = RankingMetrics.evaluate(scores, 6, new int[] {0, 1}, new int[] {0}, new int[] {0, 2},
                new int[] {2, 4}, new int[] {1, 3, 5});
        assertEquals(0, m.get("precision@1"));
        assertEquals(0, m.get("f1@1"));
        assertEquals(0, m.get("ndcg@1"));
        assertEquals(0, m.get("mrr@1"));
        assertEquals(1.0 / 3, m.get("precision@3"), 1e-12);
        assertEquals(0.5, m.get("recall@3"), 1e-12);
        assertEquals(0.4, m.get("f1@3"), 1e-12);
        assertEquals((1 / L3) / (1 + 1 / L3), m.get("ndcg@3"), 1e-12);
        assertEquals(0.5, m.get("mrr@3"), 1e-12);
        assertEquals(0.4, m.get("precision@5"), 1e-12);
        assertEquals(1.0, m.get("recall@5"), 1e-12);
        assertEquals((1 / L3 + 1 / L5) / (1 + 1 / L3), m.get("ndcg@5"), 1e-12);
        assertEquals(List.of("precision@1", "recall@1", "f1@1", "ndcg@1", "mrr@1"),
                new ArrayList<>(m.keySet()).subList(0, 5));
    }

    @Test
    void averagesOverUsersWithTestItemsAndTakesF1OfTheMeans() {
        // User 0 as above; user 1 has no test item (skipped); user 2 scores all items 0: ties go to the lower index,
        // so its ranking is 0, 1 (hit), 2, ...
        float[] scores = new float[18];
        System.arraycopy(new float[] {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f}, 0, scores, 0, 6);
        Map<String, Double> m = RankingMetrics.evaluate(scores, 6, new int[] {0, 1, 1, 1}, new int[] {0},
                new int[] {0, 2, 2, 3}, new int[] {2, 4, 1}, new int[] {3});
        double p = (1.0 / 3 + 1.0 / 3) / 2, r = (0.5 + 1) / 2;
        assertEquals(p, m.get("precision@3"), 1e-12);
        assertEquals(r, m.get("recall@3"), 1e-12);
        assertEquals(2 * p * r / (p + r), m.get("f1@3"), 1e-12);
        assertEquals(((1 / L3) / (1 + 1 / L3) + 1 / L3) / 2, m.get("ndcg@3"), 1e-12);
        assertEquals(0.5, m.get("mrr@3"), 1e-12);
    }

    @Test
    void matchesAFullSortOnRandomInputs() {
        SplittableRandom rng = new SplittableRandom(5);
        int users = 20, items = 40;
        float[] scores = new float[users * items];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rng.nextInt(15);   // many ties
        }
        int[] trainPtr = new int[users + 1], testPtr = new int[users + 1];
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                double x = rng.nextDouble();
                if (x < 0.3) {
                    train.add(i);
                } else if (x < 0.45) {
                    test.add(i);
                }
            }
            trainPtr[u + 1] = train.size();
            testPtr[u + 1] = test.size();
        }
        int[] tr = train.stream().mapToInt(Integer::intValue).toArray(), te = test.stream().mapToInt(
                Integer::intValue).toArray();
        int[] ks = {5, 10, 20};
        Map<String, Double> m = RankingMetrics.evaluate(scores, items, trainPtr, tr, testPtr, te, ks);
        for (int k : ks) {
            double ndcg = 0, recall = 0, mrr = 0;
            int n = 0;
            for (int u = 0; u < users; u++) {
                if (testPtr[u + 1] == testPtr[u]) {
                    continue;
                }
                n++;
                final int uu = u;
                List<Integer> ranked = new ArrayList<>();
                for (int i = 0; i < items; i++) {
                    if (!train.subList(trainPtr[u], trainPtr[u + 1]).contains(i)) {
                        ranked.add(i);
                    }
                }
                ranked.sort(Comparator.comparingDouble((Integer i) -> -scores[uu * items + i]).thenComparing(i -> i));
                List<Integer> rel = test.subList(testPtr[u], testPtr[u + 1]);
                double dcg = 0, idcg = 0;
                int hits = 0, first = 0;
                for (int r = 0; r < k && r < ranked.size(); r++) {
                    if (rel.contains(ranked.get(r))) {
                        hits++;
                        dcg += 1 / (Math.log(r + 2) / Math.log(2));
                        first = first == 0 ? r + 1 : first;
                    }
                }
                for (int r = 0; r < Math.min(k, rel.size()); r++) {
                    idcg += 1 / (Math.log(r + 2) / Math.log(2));
                }
                ndcg += dcg / idcg;
                recall += (double) hits / rel.size();
                mrr += first == 0 ? 0 : 1.0 / first;
            }
            assertEquals(ndcg / n, m.get("ndcg@" + k), 1e-9, "ndcg@" + k);
            assertEquals(recall / n, m.get("recall@" + k), 1e-9, "recall@" + k);
            assertEquals(mrr / n, m.get("mrr@" + k), 1e-9, "mrr@" + k);
        }
    }

    @Test
    void badInputNamesTheValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> RankingMetrics.evaluate(new float[5], 3,
                new int[] {0, 0}, new int[0], new int[] {0, 1}, new int[] {0}, new int[] {1}));
        assertEquals("5 scores for 1 users × 3 items", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RankingMetrics.evaluate(new float[3], 3,
                new int[] {0, 0}, new int[0], new int[] {0, 1}, new int[] {0}, new int[] {0}));
        assertEquals("K must be >= 1, got 0", e.getMessage());
    }
}
