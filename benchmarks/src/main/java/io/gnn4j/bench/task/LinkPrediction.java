package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.LinkPredictor;
import io.gnn4j.datasets.split.EdgeSplit;
import io.gnn4j.datasets.split.EdgePairs;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Tape;
import io.gnn4j.train.EarlyStopping;
import io.gnn4j.train.Evaluation;
import io.gnn4j.train.Metrics;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One link-prediction run on a held-out edge split, trained by the {@link Trainer}: Adam steps on the model's loss
 * over the training edges, then the validation positives and negatives scored each epoch (ROC-AUC as
 * {@code val_auc}, and a binary cross-entropy of the scores as {@code val_loss}); early stopping on validation (the
 * accuracy monitor selects on AUC), and test ROC-AUC and Hits@K at the best validation epoch.
 */
public final class LinkPrediction {
    private LinkPrediction() {
    }

    /** Runs {@code model} (freshly initialised on {@code split.trainGraph()}) and returns its result. */
    public static RunResult run(String dataset, String modelName, String protocol, int run, long seed,
                                LinkPredictor model, EdgeSplit split, int[] hitsK, HyperParameters hp,
                                ExecutionContext ctx, Progress progress) {
        check(split);
        RunRecorder recorder = new RunRecorder(modelName, "run " + run, "val_auc", progress);
        Trainer trainer = Trainer.builder().optimizer(new Adam(model.module().parameters(), hp.lr(), hp.weightDecay()))
                .epochs(hp.epochs()).earlyStopping(monitor(hp), hp.patience()).seed(seed ^ RunRecorder.TAPE_SEED_SALT)
                .context(ctx).listener(recorder).build();
        SplittableRandom rng = new SplittableRandom(seed);
        EdgePairs val = concat(split.valPositive(), split.valNegative());
        EdgePairs test = concat(split.testPositive(), split.testNegative());
        Evaluation evaluation = evaluation(tape -> scores(tape, model, val), split.valPositive().size(),
                tape -> scores(tape, model, test), split.testPositive().size(), hitsK);
        TrainingResult trained = trainer.fit(model.module(), (epoch, steps) -> steps.step(tape -> model.loss(tape, rng)),
                evaluation);
        return recorder.result(dataset, protocol, run, seed, trained, metrics(trained, hitsK));
    }

    /** {@code model}'s scores of {@code pairs}; the tape's buffers then serve the next scoring. */
    private static float[] scores(Tape tape, LinkPredictor model, EdgePairs pairs) {
        float[] out = model.scores(tape, pairs.src(), pairs.dst()).toFloatArray();
        tape.reset();
        return out;
    }

    /** The split's edges a model needs, checked: validation and test positives must exist. */
    static void check(EdgeSplit split) {
        if (split.valPositive().size() == 0 || split.testPositive().size() == 0) {
            throw new IllegalArgumentException("the edge split needs validation and test edges, has "
                    + split.valPositive().size() + " and " + split.testPositive().size());
        }
    }

    /** The early-stopping monitor: an accuracy monitor selects on validation AUC, a loss monitor on the BCE. */
    static EarlyStopping.Monitor monitor(HyperParameters hp) {
        return hp.monitor().higherIsBetter() ? EarlyStopping.Monitor.maximize("val_auc") : hp.monitor();
    }

    /** The pairs of {@code a} followed by those of {@code b}. */
    static EdgePairs concat(EdgePairs a, EdgePairs b) {
        int[] src = Arrays.copyOf(a.src(), a.size() + b.size()), dst = Arrays.copyOf(a.dst(), a.size() + b.size());
        System.arraycopy(b.src(), 0, src, a.size(), b.size());
        System.arraycopy(b.dst(), 0, dst, a.size(), b.size());
        return new EdgePairs(src, dst);
    }

    /** Scores (logits) of a fixed list of pairs, positives first, computed on a no-grad tape. */
    @FunctionalInterface
    interface PairScores {
        float[] of(Tape noGrad);
    }

    /**
     * The evaluation of link scores: {@code val} scores the validation pairs ({@code valPositives} positives, then
     * the negatives) each epoch — ROC-AUC as {@code val_auc}, the binary cross-entropy of the logits as
     * {@code val_loss} — and {@code test} the test pairs at the best epoch (ROC-AUC, Hits@K).
     */
    static Evaluation evaluation(PairScores val, int valPositives, PairScores test, int testPositives, int[] hitsK) {
        return new Evaluation() {
            @Override
            public Map<String, Double> validate(Tape noGrad) {
                float[] s = val.of(noGrad);
                float[] vp = Arrays.copyOf(s, valPositives), vn = Arrays.copyOfRange(s, valPositives, s.length);
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("val_loss", bce(vp, vn));
                m.put("val_auc", Metrics.rocAuc(vp, vn));
                return m;
            }

            @Override
            public Map<String, Double> atBest(Tape noGrad) {
                float[] s = test.of(noGrad);
                float[] tp = Arrays.copyOf(s, testPositives), tn = Arrays.copyOfRange(s, testPositives, s.length);
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("test_auc", Metrics.rocAuc(tp, tn));
                for (int k : hitsK) {
                    m.put("test_hits@" + k, Metrics.hitsAtK(tp, tn, k));
                }
                return m;
            }
        };
    }

    /** The reported metrics of a trained run: test AUC and Hits@K and validation AUC at the best epoch. */
    static Map<String, Double> metrics(TrainingResult trained, int[] hitsK) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_auc", trained.best("test_auc"));
        for (int k : hitsK) {
            metrics.put("test_hits@" + k, trained.best("test_hits@" + k));
        }
        metrics.put("val_auc", trained.best("val_auc"));
        return metrics;
    }

    /** Mean binary cross-entropy of sigmoid(score) against 1 for positives and 0 for negatives. */
    static double bce(float[] pos, float[] neg) {
        double s = 0;
        for (float z : pos) {
            s += softplus(-z);
        }
        for (float z : neg) {
            s += softplus(z);
        }
        return s / (pos.length + neg.length);
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
