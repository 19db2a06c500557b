package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Metrics;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.GraphClassifier;
import java.util.SplittableRandom;

/**
 * One fold of graph classification: mini-batch epochs on the fold's training graphs (with the scenario's labels,
 * possibly noisy), evaluation of validation and test graphs with their true labels, early stopping on validation and
 * {@code test_acc} at the best validation epoch. The learning rate is managed by the model ({@code lrStep}).
 */
public final class GraphClassification {
    private GraphClassification() {
    }

    /**
     * @param trainLabels labels the model trains on (noisy in the noisy-label scenario)
     * @param trueLabels  labels validation and test are scored against
     */
    public static RunResult run(String dataset, String modelName, String protocol, int fold, long seed,
                                GraphClassifier model, int[] trainLabels, int[] trueLabels, int numClasses, int[] train,
                                int[] val, int[] test, HyperParameters hp, Progress progress) {
        if (train.length == 0 || val.length == 0 || test.length == 0) {
            throw new IllegalArgumentException("fold " + fold + " needs train, validation and test graphs, has "
                    + train.length + "/" + val.length + "/" + test.length);
        }
        EpochLog log = new EpochLog(modelName, dataset, "fold " + fold, hp);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] valRows = identity(val.length), testRows = identity(test.length), trainRows = identity(train.length);
        int[] valTrue = gather(trueLabels, val), testTrue = gather(trueLabels, test), trainSeen = gather(trainLabels, train);
        for (int epoch = 1; epoch <= hp.epochs(); epoch++) {
            long t0 = System.nanoTime();
            double loss = model.trainEpoch(train, trainLabels, rng);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double trainAcc = Metrics.accuracy(model.logits(train), numClasses, trainSeen, trainRows);
            float[] vl = model.logits(val);
            double valLoss = Metrics.crossEntropy(vl, numClasses, valTrue, valRows);
            double valAcc = Metrics.accuracy(vl, numClasses, valTrue, valRows);
            if (log.epoch(epoch, loss, trainAcc, valLoss, valAcc, seconds, progress)) {
                // Fold-mean selection evaluates on the test fold itself: its logits are already computed.
                float[] tl = test == val ? vl : model.logits(test);
                log.bestTest(Metrics.accuracy(tl, numClasses, testTrue, testRows));
            }
            if (log.shouldStop()) {
                break;
            }
        }
        return log.result(protocol, fold, seed);
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static int[] gather(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
