package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.NodeNetwork;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.StepLR;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.ClassificationEvaluation;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node-classification run: up to {@code epochs} full-batch Adam steps on the mean cross-entropy of the split's
 * training nodes (weight decay on the network's chosen parameters only, an optional step learning-rate schedule),
 * trained by the {@link Trainer}; early stopping watches validation, and the reported {@code test_acc} is the test
 * accuracy at the best validation epoch. Time per epoch is the training step alone.
 */
public final class NodeClassification {
    private NodeClassification() {
    }

    /** Trains {@code net} (freshly initialised) on {@code data} with dense features; see the next method. */
    public static RunResult run(String modelName, String protocol, int run, long seed, NodeNetwork net,
                                NodeDataset data, Split split, HyperParameters hp, ExecutionContext ctx,
                                Progress progress) {
        return run(modelName, protocol, run, seed, net, data, false, split, hp, ctx, progress);
    }

    /**
     * Trains {@code net} (freshly initialised) on {@code data} and returns its result, labelled with the names; the
     * features are a sparse tensor ({@link Tensor#ofSparse}) when {@code sparseFeatures} is set.
     */
    public static RunResult run(String modelName, String protocol, int run, long seed, NodeNetwork net,
                                NodeDataset data, boolean sparseFeatures, Split split, HyperParameters hp,
                                ExecutionContext ctx,
                                Progress progress) {
        if (split.train().length == 0 || split.val().length == 0 || split.test().length == 0) {
            throw new IllegalArgumentException("split " + split.name() + " needs train, validation and test nodes, has "
                    + split.train().length + "/" + split.val().length + "/" + split.test().length);
        }
        GraphModule model = net.module();
        Graph graph = data.graph();
        Tensor x = sparseFeatures ? Tensor.ofSparse(graph.numNodes(), data.numFeatures(), data.features())
                : Tensor.of(graph.numNodes(), data.numFeatures(), data.features());
        int[] labels = data.labels();
        RunRecorder recorder = new RunRecorder(modelName, "run " + run, "val_acc", progress);
        Trainer.Builder trainer = Trainer.builder().epochs(hp.epochs()).earlyStopping(hp.monitor(), hp.patience())
                .seed(seed ^ RunRecorder.TAPE_SEED_SALT).context(ctx).listener(recorder);
        // One Adam per weight decay (coupled L2), the parameters in the network's order; 0 for those without one.
        Map<Double, List<Parameter>> byDecay = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            byDecay.computeIfAbsent(net.weightDecay().getOrDefault(p, 0.0), k -> new ArrayList<>()).add(p);
        }
        List<Adam> optimizers = new ArrayList<>();
        byDecay.forEach((decay, params) -> optimizers.add(new Adam(params, hp.lr(), decay)));
        for (Adam o : optimizers) {
            trainer.optimizer(o);
            if (hp.lrStep() > 0) {
                trainer.schedule(new StepLR(o, hp.lrStep(), hp.lrGamma()));
            }
        }
        TrainingResult trained = trainer.build().fit(model,
                tape -> tape.crossEntropy(model.forward(tape, graph, x), labels, split.train()),
                ClassificationEvaluation.nodes(tape -> model.forward(tape, graph, x), labels, split.train(),
                        split.val(), split.test()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_acc", trained.best("test_acc"));
        metrics.put("val_acc", trained.best("val_acc"));
        return recorder.result(data.name(), protocol, run, seed, trained, metrics);
    }
}
