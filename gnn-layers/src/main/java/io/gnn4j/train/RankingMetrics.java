package io.gnn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Full-ranking top-K evaluation of a recommender, the protocol of LightGCN (He et al., SIGIR 2020) and Sheaf4Rec
 * (Purificato et al. 2023): for every user with at least one test item, all items are ranked by score except the
 * user's training items, and the top K are compared with the user's test items. Per user, with hits_K the test items
 * among the top K and r the 1-based rank:
 * <pre>
 *   Precision@K = hits_K / K          Recall@K = hits_K / |test_u|
 *   NDCG@K = Σ_{hit at r ≤ K} 1/log₂(r + 1)  /  Σ_{r=1}^{min(K, |test_u|)} 1/log₂(r + 1)
 *   MRR@K  = 1 / (rank of the first hit), 0 without a hit in the top K
 * </pre>
 * each averaged over the evaluated users; F1@K = 2·P·R / (P + R) of the averaged precision and recall (as the
 * official Sheaf4Rec code computes it; 0 when both are 0). Ties in score go to the lower item index.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /**
     * The metrics {@code precision@K}, {@code recall@K}, {@code f1@K}, {@code ndcg@K} and {@code mrr@K} for each K
     * in {@code ks}, in that order per K.
     *
     * @param scores    users×items scores, row-major (higher = recommended first)
     * @param numItems  the number of items (the row length)
     * @param trainPtr  the training items of user u are {@code trainItems[trainPtr[u] .. trainPtr[u+1])}
     * @param testPtr   the test items of user u, grouped the same way; duplicates are not allowed
     */
    public static Map<String, Double> evaluate(float[] scores, int numItems, int[] trainPtr, int[] trainItems,
                                               int[] testPtr, int[] testItems, int[] ks) {
        int numUsers = trainPtr.length - 1;
        if (testPtr.length != trainPtr.length) {
            throw new IllegalArgumentException("train groups " + numUsers + " users but test " + (testPtr.length - 1));
        }
        if ((long) numUsers * numItems != scores.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + numUsers + " users × " + numItems
                    + " items");
        }
        int maxK = 0;
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("K must be >= 1, got " + k);
            }
            maxK = Math.max(maxK, k);
        }
        double[] precision = new double[ks.length], recall = new double[ks.length], ndcg = new double[ks.length],
                mrr = new double[ks.length];
        boolean[] excluded = new boolean[numItems], relevant = new boolean[numItems];
        int[] top = new int[maxK];
        int evaluated = 0;
        for (int u = 0; u < numUsers; u++) {
            int numTest = testPtr[u + 1] - testPtr[u];
            if (numTest == 0) {
                continue;
            }
            evaluated++;
            for (int k = trainPtr[u]; k < trainPtr[u + 1]; k++) {
                excluded[trainItems[k]] = true;
            }
            for (int k = testPtr[u]; k < testPtr[u + 1]; k++) {
                relevant[testItems[k]] = true;
            }
            int found = topK(scores, (long) u * numItems, numItems, excluded, top);
            for (int q = 0; q < ks.length; q++) {
                int kq = ks[q], hits = 0, first = 0;
                double dcg = 0, idcg = 0;
                for (int r = 0; r < Math.min(kq, found); r++) {
                    if (relevant[top[r]]) {
                        hits++;
                        dcg += 1 / log2(r + 2);
                        if (first == 0) {
                            first = r + 1;
                        }
                    }
                }
                for (int r = 0; r < Math.min(kq, numTest); r++) {
                    idcg += 1 / log2(r + 2);
                }
                precision[q] += (double) hits / kq;
                recall[q] += (double) hits / numTest;
                ndcg[q] += dcg / idcg;
                mrr[q] += first == 0 ? 0 : 1.0 / first;
            }
            for (int k = trainPtr[u]; k < trainPtr[u + 1]; k++) {
                excluded[trainItems[k]] = false;
            }
            for (int k = testPtr[u]; k < testPtr[u + 1]; k++) {
                relevant[testItems[k]] = false;
            }
        }
        if (evaluated == 0) {
            throw new IllegalArgumentException("no user has a test item: nothing to evaluate");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int q = 0; q < ks.length; q++) {
            double p = precision[q] / evaluated, r = recall[q] / evaluated;
            out.put("precision@" + ks[q], p);
            out.put("recall@" + ks[q], r);
            out.put("f1@" + ks[q], p + r == 0 ? 0 : 2 * p * r / (p + r));
            out.put("ndcg@" + ks[q], ndcg[q] / evaluated);
            out.put("mrr@" + ks[q], mrr[q] / evaluated);
        }
        return out;
    }

    /**
     * Writes into {@code top} the indices of the highest scores of row {@code scores[from .. from+n)}, best first,
     * skipping excluded items (insertion into a sorted buffer: n·K at worst, K ≤ 100 in practice); returns how many
     * it found (fewer than top.length when too few items remain).
     */
    private static int topK(float[] scores, long from, int n, boolean[] excluded, int[] top) {
        int size = 0, cap = top.length;
        for (int i = 0; i < n; i++) {
            if (excluded[i]) {
                continue;
            }
            float s = scores[(int) (from + i)];
            if (size == cap && !(s > scores[(int) (from + top[size - 1])])) {
                continue;   // not better than the current K-th (ties keep the lower index, seen first)
            }
            int at = size == cap ? size - 1 : size++;
            while (at > 0 && s > scores[(int) (from + top[at - 1])]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return size;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
