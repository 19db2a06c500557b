package io.gnn4j.forward;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.nn.Optimizer;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.ClassificationEvaluation;
import io.gnn4j.train.Evaluation;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingResult;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer-local trainer of forward learning (Park et al., "Forward Learning of Graph Neural Networks", ICLR 2024,
 * Sec. 3): the layers are trained one after the other, each by its own {@link Trainer} with its own Adam optimiser
 * and tape, on its {@link LocalObjective} loss. A layer's block is {@code ReLU(conv(x̂))}, x̂ its input with every row
 * scaled to unit L2 norm (the official code's per-layer normalisation). Its input is a constant copy of the layer
 * below's output, so no gradient can cross layers, and the stack below is never run again: between layers only the
 * detached streams and the summed class scores are kept, and each is freed as soon as it is replaced, so activation
 * memory does not grow with depth.
 *
 * <p>Each layer is evaluated on the stack so far (the objective's scores summed over its layers), so its trainer's
 * early stopping watches the stack's validation accuracy (for link prediction, AUC), and it is put back to its best
 * epoch's parameters before its output feeds the next layer, as the official code does.
 *
 * <pre>{@code
 * LocalObjective sf = SingleForward.of(graph, x, labels, split.train(), classes, 1.0, seed);
 * List<GraphModule> layers = List.of(new GCNConv(f, 128), new GCNConv(128, 128));
 * LocalTrainer trainer = new LocalTrainer(
 *         i -> Trainer.builder().epochs(1000).earlyStopping(EarlyStopping.Monitor.VAL_ACC, 200).seed(seed + i),
 *         params -> new Adam(params, 1e-3, 5e-4), ExecutionContext.defaultContext());
 * ForwardResult r = trainer.fit(layers, sf, labels, split.train(), split.val(), split.test());
 * }</pre>
 */
public final class LocalTrainer {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    /** Added to a row's norm before dividing, as in the official code. */
    private static final double NORM_EPS = 1e-8;

    private final IntFunction<Trainer.Builder> trainers;
    private final Function<List<Parameter>, Optimizer> optimizers;
    private final ExecutionContext context;

    /**
     * @param trainers   layer i's trainer settings (epochs, early stopping — the monitor should be {@code val_acc}
     *                   or {@code val_loss} of the stack so far —, seed, context, listeners), without an optimiser
     * @param optimizers a fresh optimiser for one layer's parameters (the paper: Adam, lr 1e-3, weight decay 5e-4)
     * @param context    where the layers' outputs are propagated to the next layer
     */
    public LocalTrainer(IntFunction<Trainer.Builder> trainers, Function<List<Parameter>, Optimizer> optimizers,
                        ExecutionContext context) {
        this.trainers = Objects.requireNonNull(trainers, "trainers");
        this.optimizers = Objects.requireNonNull(optimizers, "optimizers");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Trains {@code layers} (freshly initialised, each mapping its input width to the next one's) one by one on
     * {@code objective}; {@code labels} are the real nodes' classes and the three index arrays the split.
     */
    public ForwardResult fit(List<? extends GraphModule> layers, LocalObjective objective, int[] labels, int[] train,
                             int[] val, int[] test) {
        return fit(layers, objective,
                (depth, stack) -> ClassificationEvaluation.nodes(stack, labels, train, val, test));
    }

    /**
     * Trains {@code layers} one by one on {@code objective}, evaluating the stack so far with {@code evaluation}
     * (link prediction, or any task whose scores the objective sums over the layers).
     */
    public ForwardResult fit(List<? extends GraphModule> layers, LocalObjective objective,
                             StackEvaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("forward learning needs at least one layer");
        }
        List<Graph> trainGraphs = objective.trainingGraphs(), predictGraphs = objective.predictionGraphs();
        checkStreams("training", objective.trainingInputs(), trainGraphs);
        checkStreams("prediction", objective.predictionInputs(), predictGraphs);
        boolean tied = objective.trainingStreamsShareInput();
        List<Tensor> trainStreams = normalizedCopies(objective.trainingInputs());
        boolean shared = objective.predictionInputs() == objective.trainingInputs();
        List<Tensor> predictStreams = shared ? trainStreams : normalizedCopies(objective.predictionInputs());
        Tensor below = null;
        List<TrainingResult> results = new ArrayList<>();
        long peak = 0;
        for (int i = 0; i < layers.size(); i++) {
            GraphModule layer = layers.get(i);
            int depth = i;
            List<Tensor> in = trainStreams, predictIn = predictStreams;
            Tensor scoresBelow = below;
            BestParameters best = new BestParameters(layer.parameters());
            Trainer trainer = trainers.apply(i).optimizer(optimizers.apply(layer.parameters())).listener(best).build();
            Tape[] trainingTape = new Tape[1];
            TrainingResult result = trainer.fit(layer,
                    tape -> {
                        trainingTape[0] = tape;
                        return objective.loss(tape, depth, apply(tape, layer, trainGraphs, in));
                    },
                    evaluation.of(depth, tape -> {
                        Tensor s = objective.scores(tape, depth, apply(tape, layer, predictGraphs, predictIn));
                        return scoresBelow == null ? s : tape.add(s, scoresBelow);
                    }));
            best.restore();
            results.add(result);
            long held = bytes(trainStreams) + (shared ? 0 : bytes(predictStreams))
                    + (below == null ? 0 : below.size() * Float.BYTES);
            peak = Math.max(peak, trainingTape[0].peakLiveBytes() + held);

            Tape noGrad = Tape.noGrad(context);
            layer.eval();
            List<Tensor> predictOut = apply(noGrad, layer, predictGraphs, predictStreams);
            Tensor s = objective.scores(noGrad, depth, predictOut);
            Tensor summed = copy(below == null ? s : noGrad.add(s, below), false);
            free(below == null ? List.of() : List.of(below));
            below = summed;
            if (i + 1 < layers.size()) {
                List<Tensor> nextTrain = shared ? null : tied
                        ? Collections.nCopies(trainStreams.size(), copy(apply(noGrad, layer,
                                trainGraphs.subList(0, 1), trainStreams.subList(0, 1)).getFirst(), true))
                        : detach(apply(noGrad, layer, trainGraphs, trainStreams));
                List<Tensor> nextPredict = detach(predictOut);
                free(trainStreams);
                if (!shared) {
                    free(predictStreams);
                }
                predictStreams = nextPredict;
                trainStreams = shared ? predictStreams : nextTrain;
            }
            noGrad.reset();
            noGrad.release();
        }
        free(trainStreams);
        if (!shared) {
            free(predictStreams);
        }
        free(List.of(below));
        return new ForwardResult(results, peak);
    }

    /** How the stack of layers 0..{@code depth} is evaluated while layer {@code depth} trains. */
    @FunctionalInterface
    public interface StackEvaluation {
        /**
         * The evaluation of the stack whose scores, summed over layers 0..depth by {@code summedScores} on a no-grad
         * tape, are the objective's {@link LocalObjective#scores}.
         */
        Evaluation of(int depth, Function<Tape, Tensor> summedScores);
    }

    /**
     * The trained stack's output on the objective's first prediction stream, rows scaled to unit L2 norm as every
     * layer's input is: a constant (owning its memory) for a readout trained on the last layer, as tpSGD predicts.
     */
    public Tensor embed(List<? extends GraphModule> layers, LocalObjective objective) {
        Graph graph = objective.predictionGraphs().getFirst();
        Tensor h = copy(objective.predictionInputs().getFirst(), true);
        for (GraphModule layer : layers) {
            Tape noGrad = Tape.noGrad(context);
            layer.eval();
            Tensor next = copy(noGrad.relu(layer.forward(noGrad, graph, h)), true);
            free(List.of(h));
            h = next;
            noGrad.reset();
            noGrad.release();
        }
        return h;
    }

    /** The layer's block {@code ReLU(conv(x))} on every stream, stream s over {@code graphs.get(s)}. */
    private static List<Tensor> apply(Tape tape, GraphModule layer, List<Graph> graphs, List<Tensor> streams) {
        List<Tensor> out = new ArrayList<>(streams.size());
        for (int s = 0; s < streams.size(); s++) {
            out.add(tape.relu(layer.forward(tape, graphs.get(s), streams.get(s))));
        }
        return out;
    }

    /** Normalised constant copies of {@code outputs}; a tensor listed several times is copied once and shared. */
    private static List<Tensor> detach(List<Tensor> outputs) {
        Map<Tensor, Tensor> copies = new IdentityHashMap<>();
        List<Tensor> out = new ArrayList<>(outputs.size());
        for (Tensor h : outputs) {
            out.add(copies.computeIfAbsent(h, t -> copy(t, true)));
        }
        return out;
    }

    private static void checkStreams(String what, List<Tensor> inputs, List<Graph> graphs) {
        if (inputs.size() != graphs.size()) {
            throw new IllegalArgumentException("the objective has " + inputs.size() + " " + what + " inputs but "
                    + graphs.size() + " " + what + " graphs");
        }
        for (int s = 0; s < inputs.size(); s++) {
            if (inputs.get(s).rows() != graphs.get(s).numNodes()) {
                throw new IllegalArgumentException(what + " stream " + s + " has " + inputs.get(s).rows()
                        + " rows but its graph has " + graphs.get(s).numNodes() + " nodes");
            }
        }
    }

    private static List<Tensor> normalizedCopies(List<Tensor> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a local objective needs at least one input stream");
        }
        return detach(inputs);
    }

    /** A constant copy of h (owning its memory, outside any tape), rows scaled to unit L2 norm when asked. */
    static Tensor copy(Tensor h, boolean normalizeRows) {
        Tensor c = Tensor.constant(Nd4j.create(DataType.FLOAT, h.rows(), h.cols()));
        MemorySegment.copy(h.data(), 0, c.data(), 0, h.size() * Float.BYTES);
        if (normalizeRows) {
            MemorySegment d = c.data();
            int cols = c.cols();
            for (long r = 0; r < c.rows(); r++) {
                double sq = 0;
                for (int j = 0; j < cols; j++) {
                    float v = d.getAtIndex(F, r * cols + j);
                    sq += (double) v * v;
                }
                float inv = (float) (1 / (Math.sqrt(sq) + NORM_EPS));
                for (int j = 0; j < cols; j++) {
                    d.setAtIndex(F, r * cols + j, d.getAtIndex(F, r * cols + j) * inv);
                }
            }
        }
        return c;
    }

    /** Frees the native memory of copies this trainer made (they are not used again), each shared copy once. */
    static void free(List<Tensor> copies) {
        for (Tensor t : distinct(copies)) {
            t.value().close();
        }
    }

    private static long bytes(List<Tensor> ts) {
        long b = 0;
        for (Tensor t : distinct(ts)) {
            b += t.size() * Float.BYTES;
        }
        return b;
    }

    private static Set<Tensor> distinct(List<Tensor> ts) {
        Set<Tensor> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(ts);
        return set;
    }
}
