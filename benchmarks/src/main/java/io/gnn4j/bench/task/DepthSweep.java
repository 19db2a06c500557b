package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.PeakMemory;
import io.gnn4j.bench.models.NodeNetwork;
import io.gnn4j.bench.models.NodeNetworks;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.forward.ForwardResult;
import io.gnn4j.forward.LocalObjective;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.ClassificationEvaluation;
import io.gnn4j.train.EpochRecord;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * One point of the depth sweep of issue #13 (Park et al., "Forward Learning of Graph Neural Networks", ICLR 2024,
 * Sec. 4.4, memory and time against depth): a GCN of {@code depth} layers of width {@code hidden} trained on a
 * node-classification dataset for a fixed number of epochs — by backprop (the whole stack per epoch, the last layer
 * to the classes) or by forward learning (every layer that many epochs on its local objective) — without early
 * stopping, measuring the training tape's peak live bytes, the process's peak RSS and the median time of a training
 * step (the first epoch of each trainer, a warm-up, left out when there are more).
 */
public final class DepthSweep {
    private DepthSweep() {
    }

    /**
     * What one point measured.
     *
     * @param parameterBytes   bytes of the network's parameters (float32)
     * @param tapePeakBytes    backprop: the training tape's {@link Tape#peakLiveBytes()}; forward learning:
     *                         {@link ForwardResult#peakLiveBytes()} (the largest layer's tape plus the detached
     *                         streams and summed scores kept between layers)
     * @param peakRssBytes     the process's peak resident set size ({@code VmHWM}), −1 where unavailable
     * @param secondsPerStep   median seconds of one training step: the whole stack's for backprop, one layer's for
     *                         forward learning
     * @param secondsPerEpoch  seconds of one epoch of the whole stack: the step for backprop, {@code depth} steps
     *                         (one per layer) for forward learning
     */
    public record Point(Training training, int depth, long parameterBytes, long tapePeakBytes, long peakRssBytes,
                        double secondsPerStep, double secondsPerEpoch) {
    }

    /** Trains one network as described above on {@code data}'s first split and returns what it measured. */
    public static Point measure(Training training, int depth, int hidden, int epochs, NodeDataset data, long seed,
                                ExecutionContext ctx) {
        if (depth < 1 || epochs < 1 || hidden < 1) {
            throw new IllegalArgumentException("depth, epochs and hidden must be >= 1, got " + depth + ", " + epochs
                    + ", " + hidden);
        }
        Split split = data.splits().getFirst();
        HyperParameters hp = HyperParameters.DEFAULTS.with(HyperParameters.Overrides.of("epochs: " + epochs
                + ", patience: 0, monitor: val_acc, hidden: " + hidden + ", layers: " + depth
                + ", dropout: 0.0, lr: 1e-3, weightDecay: 5e-4"));
        StepTimes times = new StepTimes();
        long params;
        long tapePeak;
        if (training == Training.BACKPROP) {
            NodeNetwork net = NodeNetworks.factory("gcn").create(data, hp, seed);
            GraphModule model = net.module();
            params = parameterBytes(model.parameters());
            Graph graph = data.graph();
            Tensor x = Tensor.of(graph.numNodes(), data.numFeatures(), data.features());
            int[] labels = data.labels();
            Tape[] tape = new Tape[1];
            Trainer.builder().epochs(epochs).seed(seed).context(ctx).listener(times)
                    .optimizer(new Adam(model.parameters(), hp.lr(), hp.weightDecay())).build()
                    .fit(model, t -> {
                        tape[0] = t;
                        return t.crossEntropy(model.forward(t, graph, x), labels, split.train());
                    }, ClassificationEvaluation.nodes(t -> model.forward(t, graph, x), labels, split.train(),
                            split.val(), split.test()));
            tapePeak = tape[0].peakLiveBytes();
        } else {
            LocalObjective objective = ForwardNodeClassification.objective(training, data, split, seed);
            List<GraphModule> layers = ForwardNodeClassification.backbone("gcn",
                    objective.trainingInputs().getFirst().cols(), hp, seed);
            List<Parameter> all = new ArrayList<>();
            layers.forEach(l -> all.addAll(l.parameters()));
            params = parameterBytes(all);
            ForwardResult r = ForwardNodeClassification.trainer(hp, seed, ctx, times)
                    .fit(layers, objective, data.labels(), split.train(), split.val(), split.test());
            tapePeak = r.peakLiveBytes();
        }
        double step = times.median();
        double epoch = training == Training.BACKPROP ? step : step * depth;
        return new Point(training, depth, params, tapePeak, PeakMemory.processPeakBytes(), step, epoch);
    }

    private static long parameterBytes(List<Parameter> params) {
        long n = 0;
        for (Parameter p : params) {
            n += p.size();
        }
        return n * Float.BYTES;
    }

    /** Collects the training steps' times, leaving out each trainer's first (warm-up) epoch when it ran more. */
    private static final class StepTimes implements TrainingListener {
        private final List<Double> firsts = new ArrayList<>();
        private final List<Double> rest = new ArrayList<>();

        @Override
        public void onEpoch(EpochRecord r) {
            (r.epoch() == 1 ? firsts : rest).add(r.seconds());
        }

        double median() {
            double[] t = (rest.isEmpty() ? firsts : rest).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int m = t.length / 2;
            return t.length % 2 == 1 ? t[m] : (t[m - 1] + t[m]) / 2;
        }
    }
}
