package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.forward.ForwardForward;
import io.gnn4j.forward.ForwardResult;
import io.gnn4j.forward.LocalObjective;
import io.gnn4j.forward.LocalTrainer;
import io.gnn4j.forward.SingleForward;
import io.gnn4j.forward.TargetProjection;
import io.gnn4j.forward.TopDownTrainer;
import io.gnn4j.forward.VirtualNodeForwardForward;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GATConv;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.SAGEConv;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Linear;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.ClassificationEvaluation;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingResult;
import io.gnn4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * One node-classification run trained by forward learning ({@link LocalTrainer}) instead of backpropagation: the
 * backbone's {@code layers} convolutions of width {@code hidden} are trained one by one on the chosen local
 * objective, each for up to {@code epochs} epochs with its own Adam ({@code lr}, {@code weightDecay}) and early
 * stopping ({@code monitor}, {@code patience}) on the stack so far. Reports {@code test_acc} of the whole stack and
 * the test accuracy of every prefix ({@code test_acc_l1}, …: the paper's 1..L-layer rows come from one run, since a
 * layer's training does not depend on the layers above it). {@code tpsgd-readout} then trains a softmax readout on
 * the last layer and reports its accuracy as {@code test_acc}; the top-down variants train all layers together
 * ({@link TopDownTrainer}) and report the stack's accuracy only.
 */
public final class ForwardNodeClassification {
    /** Temperature of ForwardGNN-SF's similarities (the official default). */
    private static final double TEMPERATURE = 1.0;
    /** Negative streams of forward-forward with label appending (the official default; with virtual nodes: all C − 1). */
    private static final int NEGATIVES = 2;
    /** θ of the forward-forward goodness (the paper's). */
    private static final double THETA = 2.0;

    private ForwardNodeClassification() {
    }

    /** Trains {@code model}'s backbone on {@code data} with {@code training} (not backprop) and returns its result. */
    public static RunResult run(Training training, String modelName, String protocol, int run, long seed,
                                NodeDataset data, Split split, HyperParameters hp, ExecutionContext ctx,
                                Progress progress) {
        if (training.topDown() != null) {
            return topDown(training, modelName, protocol, run, seed, data, split, hp, ctx, progress);
        }
        LocalObjective objective = objective(training, data, split, seed);
        String name = modelName + "/" + training.label();
        List<GraphModule> layers = backbone(modelName, objective.trainingInputs().getFirst().cols(), hp, seed);
        RunRecorder recorder = new RunRecorder(name, "run " + run, "val_acc", progress);
        LocalTrainer trainer = trainer(hp, seed, ctx, recorder);
        int[] labels = data.labels();
        ForwardResult result = trainer.fit(layers, objective, labels, split.train(), split.val(), split.test());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_acc", result.testAccuracy());
        metrics.put("val_acc", result.layers().getLast().best("val_acc"));
        for (int d = 1; d <= layers.size(); d++) {
            metrics.put("test_acc_l" + d, result.testAccuracy(d));
        }
        if (training != Training.TPSGD_READOUT) {
            return recorder.result(data.name(), protocol, run, seed, result.layers().getLast(), metrics);
        }
        TrainingResult readout = readout(trainer.embed(layers, objective), data, split, hp, seed, ctx, recorder);
        metrics.put("test_acc", readout.best("test_acc"));
        metrics.put("val_acc", readout.best("val_acc"));
        return recorder.result(data.name(), protocol, run, seed, readout, metrics);
    }

    /**
     * A run of ForwardGNN-SF with {@code training}'s top-down signal ({@link TopDownTrainer}): the layers train
     * together, each step's gradient clipped to norm 1 per layer for the loss signal (the official code's
     * {@code grad_max_norm}).
     */
    private static RunResult topDown(Training training, String modelName, String protocol, int run, long seed,
                                     NodeDataset data, Split split, HyperParameters hp, ExecutionContext ctx,
                                     Progress progress) {
        TopDownTrainer.Signal signal = training.topDown();
        String name = modelName + "/" + training.label();
        SingleForward sf = (SingleForward) objective(Training.FORWARD_SF, data, split, seed);
        int features = sf.trainingInputs().getFirst().cols();
        List<GraphModule> layers = backbone(modelName, i -> TopDownTrainer.inputWidth(
                signal, i, hp.layers(), features, hp.hidden(), data.numClasses()), hp, seed);
        RunRecorder recorder = new RunRecorder(name, "run " + run, "val_acc", progress);
        long tapeSeed = seed ^ RunRecorder.TAPE_SEED_SALT;
        TopDownTrainer trainer = new TopDownTrainer(signal, () -> {
            Trainer.Builder b = Trainer.builder().epochs(hp.epochs()).earlyStopping(hp.monitor(), hp.patience())
                    .seed(tapeSeed).context(ctx).listener(recorder);
            return signal == TopDownTrainer.Signal.LOSS ? b.clipGradNorm(1.0) : b;
        }, params -> new Adam(params, hp.lr(), hp.weightDecay()));
        ForwardResult result = trainer.fit(layers, hp.hidden(), sf, data.labels(), split.train(), split.val(),
                split.test());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_acc", result.testAccuracy());
        metrics.put("val_acc", result.layers().getLast().best("val_acc"));
        return recorder.result(data.name(), protocol, run, seed, result.layers().getLast(), metrics);
    }

    /**
     * tpSGD's prediction through a readout: a softmax classifier (one linear layer, its own Adam) trained by
     * cross-entropy on the training nodes of the stack's detached last-layer output {@code h}, which it frees. It is
     * cheap, so it runs every epoch without early stopping (its accuracy is read at the best validation epoch): at
     * lr 1e-3 a classifier sits on the majority class for tens of epochs, where a patience would stop it.
     */
    private static TrainingResult readout(Tensor h, NodeDataset data, Split split, HyperParameters hp, long seed,
                                          ExecutionContext ctx, TrainingListener listener) {
        try {
            Linear linear = new Linear(h.cols(), data.numClasses());
            linear.resetParameters(new SplittableRandom(seed ^ RunRecorder.TAPE_SEED_SALT));
            int[] labels = data.labels();
            return Trainer.builder().epochs(hp.epochs()).earlyStopping(hp.monitor(), 0)
                    .seed(seed).context(ctx).listener(listener)
                    .optimizer(new Adam(linear.parameters(), hp.lr(), hp.weightDecay())).build()
                    .fit(linear, tape -> tape.crossEntropy(linear.forward(tape, h), labels, split.train()),
                            ClassificationEvaluation.nodes(tape -> linear.forward(tape, h), labels, split.train(),
                                    split.val(), split.test()));
        } finally {
            h.value().close();
        }
    }

    /** The local objective of {@code training} (not backprop) on {@code data}'s graph and {@code split}. */
    static LocalObjective objective(Training training, NodeDataset data, Split split, long seed) {
        Graph graph = data.graph();
        Tensor x = Tensor.of(graph.numNodes(), data.numFeatures(), data.features());
        int[] labels = data.labels();
        int classes = data.numClasses();
        return switch (training) {
            case FORWARD_SF -> SingleForward.of(graph, x, labels, split.train(), classes, TEMPERATURE, seed);
            case FF -> ForwardForward.of(graph, x, labels, split.train(), classes, Math.min(NEGATIVES, classes - 1),
                    THETA, seed);
            case FF_VN -> VirtualNodeForwardForward.of(graph, x, labels, split.train(), classes, classes - 1, THETA,
                    seed);
            case TPSGD, TPSGD_READOUT -> TargetProjection.of(graph, x, labels, split.train(), classes, seed);
            case BACKPROP, FORWARD_TD_INPUT, FORWARD_TD_LOSS -> throw new IllegalArgumentException(training.label()
                    + " has no single local objective per layer");
        };
    }

    /** Layer i's trainer: {@code hp}'s epochs and early stopping, its own Adam, tape seed derived from {@code seed}. */
    static LocalTrainer trainer(HyperParameters hp, long seed, ExecutionContext ctx, TrainingListener listener) {
        long tapeSeed = seed ^ RunRecorder.TAPE_SEED_SALT;
        return new LocalTrainer(
                i -> Trainer.builder().epochs(hp.epochs()).earlyStopping(hp.monitor(), hp.patience())
                        .seed(tapeSeed + i).context(ctx).listener(listener),
                params -> new Adam(params, hp.lr(), hp.weightDecay()), ctx);
    }

    /** {@code hp.layers()} convolutions of the backbone, in → hidden → … → hidden, initialised from {@code seed}. */
    static List<GraphModule> backbone(String model, int in, HyperParameters hp, long seed) {
        return backbone(model, i -> i == 0 ? in : hp.hidden(), hp, seed);
    }

    /** {@code hp.layers()} convolutions of the backbone to {@code hidden}, layer i from {@code in(i)} columns. */
    static List<GraphModule> backbone(String model, IntUnaryOperator in, HyperParameters hp, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<GraphModule> layers = new ArrayList<>();
        for (int i = 0; i < hp.layers(); i++) {
            int from = in.applyAsInt(i);
            GraphModule conv = switch (model.toLowerCase(Locale.ROOT)) {
                case "gcn" -> new GCNConv(from, hp.hidden());
                case "sage" -> new SAGEConv(from, hp.hidden());
                case "gat" -> {
                    if (hp.hidden() % hp.heads() != 0) {
                        throw new IllegalArgumentException("GAT splits --hidden " + hp.hidden() + " over --heads "
                                + hp.heads() + ": it must be a multiple");
                    }
                    yield new GATConv(from, hp.hidden() / hp.heads(), hp.heads(), true, 0.2f, 0f, true, true);
                }
                default -> throw new IllegalArgumentException("forward learning has no '" + model
                        + "' backbone: use gcn, sage or gat");
            };
            conv.resetParameters(rng);
            layers.add(conv);
        }
        return layers;
    }
}
