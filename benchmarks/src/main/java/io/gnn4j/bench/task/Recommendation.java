package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.datasets.Interactions;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Tape;
import io.gnn4j.recommend.BprSampler;
import io.gnn4j.recommend.Recommender;
import io.gnn4j.train.EarlyStopping;
import io.gnn4j.train.Evaluation;
import io.gnn4j.train.RankingMetrics;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One top-K recommendation run, trained by the {@link Trainer}: each epoch takes ⌈|train| / batchSize⌉ Adam steps
 * on the BPR loss of freshly sampled triples (seeded; {@code weightDecay} is the weight λ of the layer-0 embedding
 * regulariser, not an Adam decay), as LightGCN and Sheaf4Rec train. Test metrics are full-ranking
 * ({@link RankingMetrics}), named {@code test_<metric>@K}. Without a validation set (MovieLens' ua/ub have none)
 * nothing is selected: the run trains for exactly {@code epochs} epochs and reports the last epoch's test metrics,
 * and the per-epoch monitor is the epoch number itself (so curves.csv's validation-score column counts epochs).
 * With one, every epoch ranks the validation items (training items excluded), early stopping follows
 * {@code val_ndcg@K} (K of {@link #selectionK}; {@code patience} epochs, 0 = all epochs) and the reported test
 * metrics are the best validation epoch's, ranked with training and validation items excluded (as RecBole does).
 * curves.csv's training loss column is the mean BPR loss of the epoch's steps.
 */
public final class Recommendation {
    /** The per-epoch monitor without a validation set: the epoch number itself, so the last epoch is reported. */
    private static final String EPOCH = "epoch";

    private Recommendation() {
    }

    /** The cut-off K that selects epochs and heads the tables: 10 when it is among {@code ks}, else the first. */
    public static int selectionK(int[] ks) {
        for (int k : ks) {
            if (k == 10) {
                return 10;
            }
        }
        return ks[0];
    }

    /** Trains {@code model} (freshly initialised on {@code data}'s training graph) and returns its result. */
    public static RunResult run(String dataset, String protocol, String modelName, int run, long seed,
                                Recommender model, Interactions data, int[] ks, HyperParameters hp,
                                ExecutionContext ctx, Progress progress) {
        if (data.test().size() == 0) {
            throw new IllegalArgumentException(data.name() + " has no test interactions to rank");
        }
        boolean validated = data.val().size() > 0;
        String monitor = validated ? "val_ndcg@" + selectionK(ks) : EPOCH;
        RunRecorder recorder = new RunRecorder(modelName, "run " + run, monitor, progress);
        Trainer trainer = Trainer.builder().optimizer(new Adam(model.parameters(), hp.lr(), 0))
                .epochs(hp.epochs()).earlyStopping(EarlyStopping.Monitor.maximize(monitor),
                        validated ? hp.patience() : 0)
                .seed(seed ^ RunRecorder.TAPE_SEED_SALT).context(ctx).listener(recorder).build();
        BprSampler sampler = new BprSampler(data.numItems(), data.train().ptr(), data.train().items());
        SplittableRandom rng = new SplittableRandom(seed);
        int steps = Math.ceilDiv(sampler.numInteractions(), hp.batchSize());
        Interactions.ByUser known = data.trainAndVal();
        Evaluation evaluation = new Evaluation() {
            private int epoch;
            /** The scores validate ranked: atBest runs right after it on the same parameters, so it reuses them. */
            private float[] lastScores;

            @Override
            public Map<String, Double> validate(Tape noGrad) {
                epoch++;
                if (!validated) {
                    return Map.of(EPOCH, (double) epoch);
                }
                lastScores = model.scores(noGrad);
                return prefixed("val_", RankingMetrics.evaluate(lastScores, data.numItems(), data.train().ptr(),
                        data.train().items(), data.val().ptr(), data.val().items(), ks));
            }

            @Override
            public Map<String, Double> atBest(Tape noGrad) {
                float[] scores = lastScores != null ? lastScores : model.scores(noGrad);
                return prefixed("test_", RankingMetrics.evaluate(scores, data.numItems(), known.ptr(), known.items(),
                        data.test().ptr(), data.test().items(), ks));
            }
        };
        TrainingResult trained = trainer.fit(model, (epoch, stepper) -> {
            double sum = 0;
            for (int s = 0; s < steps; s++) {
                var batch = sampler.sample(hp.batchSize(), rng);
                sum += stepper.step(tape -> model.loss(tape, batch, hp.weightDecay()));
            }
            return sum / steps;
        }, evaluation);
        Map<String, Double> metrics = new LinkedHashMap<>();
        trained.bestMetrics().forEach((k, v) -> {
            if (!k.equals(EPOCH)) {
                metrics.put(k, v);
            }
        });
        return recorder.result(dataset, protocol, run, seed, trained, metrics);
    }

    private static Map<String, Double> prefixed(String prefix, Map<String, Double> metrics) {
        Map<String, Double> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> m.put(prefix + k, v));
        return m;
    }
}
