package io.gnn4j.bench.embed;

import io.gnn4j.datasets.MultiLabels;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.embed.FastRPResult;
import io.gnn4j.graph.ExecutionContext;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The multi-label node classification protocol of DeepWalk's scoring script, as the FastRP authors ran it on
 * BlogCatalog (Chen et al., CIKM 2019, doi:10.1145/3357384.3357879): for a labelled fraction and a shuffle, a
 * one-vs-rest logistic regression ({@link LogisticRegression}, C = 0.1 in the paper) is trained on the first
 * fraction of a seeded random permutation of the nodes and predicts for every other node its k highest-scoring
 * labels (k its true number of labels); the round is scored by micro/macro F1. A single-label dataset is scored as
 * one label per labelled node (micro-F1 is then the accuracy); an unlabelled node trains as a negative of every label
 * and is never scored.
 */
public final class MultiLabelEvaluation {
    private MultiLabelEvaluation() {}

    /** The label sets of {@code data}: its multi-labels, or its single labels as sets of one (empty for −1). */
    public static MultiLabels labelsOf(NodeDataset data) {
        if (data.multiLabels() != null) {
            return data.multiLabels();
        }
        int[] single = data.labels();
        int[] offsets = new int[single.length + 1];
        for (int u = 0; u < single.length; u++) {
            offsets[u + 1] = offsets[u] + (single[u] >= 0 ? 1 : 0);
        }
        if (data.numClasses() == 0 || offsets[single.length] == 0) {
            throw new IllegalArgumentException(data.name() + " has no node labels (" + data.numClasses()
                    + " classes, " + offsets[single.length] + " labelled nodes): the evaluation needs labels");
        }
        int[] labels = Arrays.stream(single).filter(c -> c >= 0).toArray();
        return new MultiLabels(data.numClasses(), offsets, labels);
    }

    /** The node permutation of one shuffle: Fisher–Yates driven by {@code SplittableRandom(seed)}. */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * One train/test round: the first {@code (int)(fraction·N)} nodes of {@code perm} train, the rest are scored.
     */
    public static MultiLabelF1 score(FastRPResult emb, MultiLabels labels, int[] perm, double fraction,
                                     LogisticRegressionParameters lr, ExecutionContext ctx) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the labelled fraction must be in (0, 1), got " + fraction);
        }
        int n = perm.length;
        int trainSize = (int) (fraction * n);
        int[] train = Arrays.copyOfRange(perm, 0, trainSize);
        int[] test = Arrays.copyOfRange(perm, trainSize, n);
        LogisticRegression trainer = new LogisticRegression(lr, ctx);
        OneVsRestModel model = trainer.fit(emb.embeddings(), emb.dimension(), train, labels.offsets(),
                labels.labels(), labels.numLabels());
        int[] k = new int[test.length];
        int[] trueOffsets = new int[test.length + 1];
        for (int i = 0; i < test.length; i++) {
            int u = test[i];
            k[i] = labels.offsets()[u + 1] - labels.offsets()[u];
            trueOffsets[i + 1] = trueOffsets[i] + k[i];
        }
        int[] trueLabels = new int[trueOffsets[test.length]];
        for (int i = 0; i < test.length; i++) {
            int u = test[i];
            System.arraycopy(labels.labels(), labels.offsets()[u], trueLabels, trueOffsets[i], k[i]);
        }
        int[][] pred = model.predictTopK(emb.embeddings(), test, k);
        return MultiLabelF1.of(trueOffsets, trueLabels, pred[0], pred[1], labels.numLabels());
    }
}
