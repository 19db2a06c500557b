package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.datasets.split.EdgePairs;
import io.gnn4j.datasets.split.EdgeSplit;
import io.gnn4j.forward.ForwardResult;
import io.gnn4j.forward.LinkObjective;
import io.gnn4j.forward.LocalTrainer;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.Trainer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One link-prediction run trained by forward learning ({@link LocalTrainer} with a {@link LinkObjective}) instead of
 * backpropagation: the backbone's {@code layers} convolutions of width {@code hidden} over the training graph are
 * trained one by one, each on its own link loss (its training edges against sampled non-edges) with its own Adam and
 * early stopping on the validation AUC of the stack so far. A pair's score is the mean of the layers' edge
 * probabilities, reported as its logit (so that {@code val_loss} is their binary cross-entropy). Reports what
 * {@link LinkPrediction} reports, plus the test AUC of every prefix ({@code test_auc_l1}, …).
 */
public final class ForwardLinkPrediction {
    /** Mean probabilities are clamped this far from 0 and 1 before taking the logit. */
    private static final double EPS = 1e-7;

    private ForwardLinkPrediction() {
    }

    /** Trains the {@code modelName} backbone on {@code split} and returns its result. */
    public static RunResult run(String dataset, String modelName, String protocol, int run, long seed,
                                float[] features, int numFeatures, EdgeSplit split, int[] hitsK, HyperParameters hp,
                                ExecutionContext ctx, Progress progress) {
        LinkPrediction.check(split);
        if (numFeatures < 1) {
            throw new IllegalArgumentException("forward link prediction needs node features, the dataset has none");
        }
        EdgePairs val = LinkPrediction.concat(split.valPositive(), split.valNegative());
        EdgePairs scored = LinkPrediction.concat(val, LinkPrediction.concat(split.testPositive(),
                split.testNegative()));
        Tensor x = Tensor.of(split.trainGraph().numNodes(), numFeatures, features);
        LinkObjective objective = LinkObjective.of(split.trainGraph(), x, split.train().src(), split.train().dst(),
                scored.src(), scored.dst(), seed);
        List<GraphModule> layers = ForwardNodeClassification.backbone(modelName, numFeatures, hp, seed);
        String name = modelName + "/forward";
        RunRecorder recorder = new RunRecorder(name, "run " + run, "val_auc", progress);
        long tapeSeed = seed ^ RunRecorder.TAPE_SEED_SALT;
        LocalTrainer trainer = new LocalTrainer(
                i -> Trainer.builder().epochs(hp.epochs()).earlyStopping(LinkPrediction.monitor(hp), hp.patience())
                        .seed(tapeSeed + i).context(ctx).listener(recorder),
                params -> new Adam(params, hp.lr(), hp.weightDecay()), ctx);
        int v = val.size();
        ForwardResult result = trainer.fit(layers, objective, (depth, summed) -> LinkPrediction.evaluation(
                tape -> logits(summed.apply(tape).toFloatArray(), 0, v, depth + 1), split.valPositive().size(),
                tape -> logits(summed.apply(tape).toFloatArray(), v, scored.size(), depth + 1),
                split.testPositive().size(), hitsK));
        Map<String, Double> metrics = LinkPrediction.metrics(result.layers().getLast(), hitsK);
        for (int d = 1; d <= layers.size(); d++) {
            metrics.put("test_auc_l" + d, result.layers().get(d - 1).best("test_auc"));
        }
        return recorder.result(dataset, protocol, run, seed, result.layers().getLast(), metrics);
    }

    /** The logits of the mean probabilities {@code summed[from..to) / layers}. */
    private static float[] logits(float[] summed, int from, int to, int layers) {
        float[] out = Arrays.copyOfRange(summed, from, to);
        for (int i = 0; i < out.length; i++) {
            double p = Math.clamp(out[i] / layers, EPS, 1 - EPS);
            out[i] = (float) Math.log(p / (1 - p));
        }
        return out;
    }
}
