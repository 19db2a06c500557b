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
 * regulariser, not an Adam decay), as LightGCN and Sheaf4Rec train. The split has no validation set (MovieLens'
 * ua/ub have none), so nothing is selected: the run trains for exactly {@code epochs} epochs and reports the
 * full-ranking test metrics ({@link RankingMetrics}, training items excluded) of the last epoch, named
 * {@code test_<metric>@K}. The per-epoch monitor is the epoch number itself (so curves.csv's validation-score
 * column counts epochs; the training loss column is the mean BPR loss of the epoch's steps).
 */
public final class Recommendation {
    /** The per-epoch monitor: the epoch number itself, so that the last epoch is the one reported. */
    private static final String EPOCH = "epoch";

    private Recommendation() {
    }

    /** Trains {@code model} (freshly initialised on {@code data}'s training graph) and returns its result. */
    public static RunResult run(String dataset, String protocol, String modelName, int run, long seed,
                                Recommender model, Interactions data, int[] ks, HyperParameters hp,
                                ExecutionContext ctx, Progress progress) {
        if (data.test().size() == 0) {
            throw new IllegalArgumentException(data.name() + " has no test interactions to rank");
        }
        RunRecorder recorder = new RunRecorder(modelName, "run " + run, EPOCH, progress);
        Trainer trainer = Trainer.builder().optimizer(new Adam(model.parameters(), hp.lr(), 0))
                .epochs(hp.epochs()).earlyStopping(EarlyStopping.Monitor.maximize(EPOCH), 0)
                .seed(seed ^ RunRecorder.TAPE_SEED_SALT).context(ctx).listener(recorder).build();
        BprSampler sampler = new BprSampler(data.numItems(), data.train().ptr(), data.train().items());
        SplittableRandom rng = new SplittableRandom(seed);
        int steps = Math.ceilDiv(sampler.numInteractions(), hp.batchSize());
        Evaluation evaluation = new Evaluation() {
            private int epoch;

            @Override
            public Map<String, Double> validate(Tape noGrad) {
                return Map.of(EPOCH, (double) ++epoch);
            }

            @Override
            public Map<String, Double> atBest(Tape noGrad) {
                Map<String, Double> m = new LinkedHashMap<>();
                RankingMetrics.evaluate(model.scores(noGrad), data.numItems(), data.train().ptr(),
                        data.train().items(), data.test().ptr(), data.test().items(), ks)
                        .forEach((k, v) -> m.put("test_" + k, v));
                return m;
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
}
