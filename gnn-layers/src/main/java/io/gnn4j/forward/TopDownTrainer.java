package io.gnn4j.forward;

import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.Optimizer;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.ClassificationEvaluation;
import io.gnn4j.train.Epoch;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingResult;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * ForwardGNN-SF with a top-down signal (Park et al., "Forward Learning of Graph Neural Networks", ICLR 2024, Sec. 3.3;
 * the official code's {@code GNN_Top2Loss_SingleForward} and {@code GNN_Top2Input_SingleForward}). Unlike the
 * {@link LocalTrainer}, all layers train together: every epoch each layer takes one step of its own optimiser on its
 * own {@link SingleForward} loss, recorded and freed on its own, reading the other layers' states — their outputs of
 * the previous epoch, detached — so no gradient crosses layers. A layer's block is {@code ReLU(conv(·))}.
 * <ul>
 *   <li>{@link Signal#LOSS}: layer i reads the row-normalised state below it, and its loss scores the mean of its
 *       output and the row-normalised states of every layer above it. Prediction: one bottom-up pass, then every
 *       layer's class probabilities on that same mean, summed.</li>
 *   <li>{@link Signal#INPUT}: layer i reads {@code [x̂_{i−1} | x̂_{i+1}]}, the row-normalised states below and above
 *       (above the last layer: the {@link SingleForward#labelState() label state}); its loss scores its own output.
 *       The even layers update first and the odd ones then read their new states (the official scripts'
 *       alternating update). Prediction: a bottom-up pass with zeros for the state above, then
 *       {@value #TEST_SWEEPS} such sweeps without training, summing every layer's class probabilities from the third
 *       sweep on (the official defaults).</li>
 * </ul>
 * The states of all layers are kept between epochs, so memory grows by one N×H state per layer — the price of the
 * top-down signal — while the recorded activations stay those of one layer.
 */
public final class TopDownTrainer {
    /** Where the signal from the layers above enters a layer. */
    public enum Signal {
        /** Into its input, beside the state below. */
        INPUT,
        /** Into its loss, averaged with its output. */
        LOSS
    }

    /** Sweeps of the input variant's prediction, and the first one whose probabilities count (official defaults). */
    static final int TEST_SWEEPS = 10;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final int FIRST_COUNTED_SWEEP = 2;

    private final Signal signal;
    private final Supplier<Trainer.Builder> settings;
    private final Function<List<Parameter>, Optimizer> optimizers;

    /**
     * @param settings   a fresh builder of the training settings (epochs, early stopping on the stack's {@code val_acc}, seed, context,
     *                   listeners, gradient clipping — per layer, since each layer has its own optimiser), without an
     *                   optimiser
     * @param optimizers a fresh optimiser for one layer's parameters
     */
    public TopDownTrainer(Signal signal, Supplier<Trainer.Builder> settings, Function<List<Parameter>, Optimizer> optimizers) {
        this.signal = Objects.requireNonNull(signal, "signal");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.optimizers = Objects.requireNonNull(optimizers, "optimizers");
    }

    /**
     * The input width layer {@code i} of {@code layers} needs: for {@link Signal#LOSS} the width below it; for
     * {@link Signal#INPUT} the widths below and above it added ({@code features} for the input, {@code hidden} for a
     * layer, {@code classes} for the label state above the last layer).
     */
    public static int inputWidth(Signal signal, int i, int layers, int features, int hidden, int classes) {
        if (i < 0 || i >= layers) {
            throw new IllegalArgumentException("layer " + i + " is outside 0.." + (layers - 1));
        }
        int below = i == 0 ? features : hidden;
        return signal == Signal.LOSS ? below : below + (i == layers - 1 ? classes : hidden);
    }

    /**
     * Trains {@code layers} (freshly initialised, each with {@code hidden} outputs, layer i taking
     * {@link #inputWidth} columns) together on {@code objective}; {@code labels} are the real nodes' classes and the
     * three index arrays the split. The result has one training record (the layers train together) and the largest
     * activation memory: the training tape's peak (one layer's step) plus the states kept between epochs.
     */
    public ForwardResult fit(List<? extends GraphModule> layers, int hidden, SingleForward objective, int[] labels,
                             int[] train, int[] val, int[] test) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("forward learning needs at least one layer");
        }
        Run run = new Run(List.copyOf(layers), hidden, objective);
        Trainer.Builder builder = settings.get();
        List<Parameter> all = new ArrayList<>();
        List<Optimizer> perLayer = new ArrayList<>();
        for (GraphModule layer : layers) {
            all.addAll(layer.parameters());
            Optimizer o = optimizers.apply(layer.parameters());
            perLayer.add(o);
            builder.optimizer(o);
        }
        BestParameters best = new BestParameters(all);
        Trainer trainer = builder.listener(best).build();
        TrainingResult result;
        try {
            result = trainer.fit(new Sequential(layers.toArray(GraphModule[]::new)),
                    (epoch, steps) -> run.epoch(steps, perLayer),
                    ClassificationEvaluation.nodes(run::predict, labels, train, val, test));
        } finally {
            run.close();
        }
        best.restore();
        return new ForwardResult(List.of(result), run.trainingTape.peakLiveBytes() + run.held);
    }

    /** One training run: the layers' states between epochs and the peak activation memory. */
    private final class Run {
        private final List<GraphModule> layers;
        private final SingleForward objective;
        private final Graph graph;
        private final int depth;
        private final int hidden;
        /** The training tape (its peak live bytes are one layer's step) and the most bytes of states kept. */
        private Tape trainingTape;
        private long held;
        /** LOSS: [x̂, x̂_1 … x̂_L]; INPUT: [x, h_1 … h_L, label state] (normalised where read). */
        private Tensor[] states;

        Run(List<GraphModule> layers, int hidden, SingleForward objective) {
            this.layers = layers;
            this.hidden = hidden;
            this.objective = objective;
            this.graph = objective.graph();
            this.depth = layers.size();
            Tape t = Tape.noGrad();
            states = bottomUp(t);
            t.reset();
            t.release();
        }

        /** The states of a bottom-up pass of the current layers (the state above set to zero for INPUT). */
        private Tensor[] bottomUp(Tape tape) {
            Tensor x = objective.trainingInputs().getFirst();
            Tensor[] s = new Tensor[signal == Signal.LOSS ? depth + 1 : depth + 2];
            s[0] = LocalTrainer.copy(x, signal == Signal.LOSS);
            for (int i = 0; i < depth; i++) {
                Tensor in = signal == Signal.LOSS ? s[i] : withZeros(tape, i, s[i]);
                s[i + 1] = LocalTrainer.copy(block(tape, i, in), signal == Signal.LOSS);
            }
            if (signal == Signal.INPUT) {
                s[depth + 1] = objective.labelState();
            }
            return s;
        }

        private Tensor withZeros(Tape tape, int i, Tensor below) {
            Tensor b = LocalTrainer.copy(below, true);
            int width = i == depth - 1 ? objective.classes() : hidden;
            Tensor zeros = Tensor.of(below.rows(), width, new float[below.rows() * width]);
            Tensor in = tape.concat(b, zeros);
            LocalTrainer.free(List.of(b));
            return in;
        }

        private Tensor block(Tape tape, int i, Tensor in) {
            return tape.relu(layers.get(i).forward(tape, graph, in));
        }

        double epoch(Epoch.Steps steps, List<Optimizer> perLayer) {
            Tensor[] next = new Tensor[states.length];
            next[0] = states[0];
            if (signal == Signal.INPUT) {
                next[depth + 1] = states[depth + 1];
            }
            double total = 0;
            for (int parity = 0; parity < (signal == Signal.INPUT ? 2 : 1); parity++) {
                for (int i = 0; i < depth; i++) {
                    if (signal == Signal.INPUT && i % 2 != parity) {
                        continue;
                    }
                    int layer = i;
                    total += steps.step(t -> {
                        trainingTape = t;
                        Tensor out;
                        Tensor emb;
                        if (signal == Signal.LOSS) {
                            out = block(t, layer, states[layer]);
                            emb = meanWithAbove(t, out, states, layer);
                            next[layer + 1] = LocalTrainer.copy(out, true);
                        } else {
                            Tensor below = next[layer] != null ? next[layer] : states[layer];
                            Tensor above = next[layer + 2] != null ? next[layer + 2] : states[layer + 2];
                            out = block(t, layer, normalizedPair(t, below, above));
                            emb = out;
                            next[layer + 1] = LocalTrainer.copy(out, false);
                        }
                        held = Math.max(held, bytes(states));
                        return objective.loss(t, layer, List.of(emb));
                    }, List.of(perLayer.get(layer)));
                }
            }
            LocalTrainer.free(Arrays.asList(states).subList(1, depth + 1));
            states = next;
            return total;
        }

        private static long bytes(Tensor[] states) {
            long b = 0;
            for (Tensor t : states) {
                b += t.size() * Float.BYTES;
            }
            return b;
        }

        /**
         * {@code mean(out, s[i+2] … s[L])}: the output averaged with the states of the layers above, whose sum is
         * taken off the tape (they are constants), so the recorded step does not grow with depth.
         */
        private Tensor meanWithAbove(Tape tape, Tensor out, Tensor[] s, int i) {
            if (i + 2 > depth) {
                return out;
            }
            Tensor above = LocalTrainer.copy(s[i + 2], false);
            MemorySegment acc = above.data();
            for (int k = i + 3; k <= depth; k++) {
                MemorySegment d = s[k].data();
                for (long j = 0; j < above.size(); j++) {
                    acc.setAtIndex(F, j, acc.getAtIndex(F, j) + d.getAtIndex(F, j));
                }
            }
            Tensor mean = tape.scale(tape.add(out, above), 1f / (depth - i));
            LocalTrainer.free(List.of(above));
            return mean;
        }

        /** {@code [x̂_below | x̂_above]} on the tape, a constant. */
        private Tensor normalizedPair(Tape tape, Tensor below, Tensor above) {
            Tensor b = LocalTrainer.copy(below, true), a = LocalTrainer.copy(above, true);
            Tensor in = tape.concat(b, a);
            LocalTrainer.free(List.of(b, a));
            return in;
        }

        /** The class scores of the current layers, as the variant predicts. */
        Tensor predict(Tape tape) {
            Tensor[] s = bottomUp(tape);
            Tensor scores = null;
            try {
                if (signal == Signal.LOSS) {
                    for (int i = 0; i < depth; i++) {
                        Tensor out = block(tape, i, s[i]);
                        scores = sum(tape, scores, objective.scores(tape, i, List.of(meanWithAbove(tape, out, s, i))));
                    }
                    return scores;
                }
                for (int sweep = 0; sweep < TEST_SWEEPS; sweep++) {
                    Tensor[] next = new Tensor[s.length];
                    next[0] = s[0];
                    next[depth + 1] = s[depth + 1];
                    for (int parity = 0; parity < 2; parity++) {
                        for (int i = parity; i < depth; i += 2) {
                            Tensor below = next[i] != null ? next[i] : s[i];
                            Tensor above = next[i + 2] != null ? next[i + 2] : s[i + 2];
                            Tensor out = block(tape, i, normalizedPair(tape, below, above));
                            next[i + 1] = LocalTrainer.copy(out, false);
                            if (sweep >= FIRST_COUNTED_SWEEP) {
                                scores = sum(tape, scores, objective.scores(tape, i, List.of(out)));
                            }
                        }
                    }
                    LocalTrainer.free(Arrays.asList(s).subList(1, depth + 1));
                    s = next;
                }
                return scores;
            } finally {
                LocalTrainer.free(Arrays.asList(s).subList(0, signal == Signal.LOSS ? depth + 1 : depth + 2));
            }
        }

        private static Tensor sum(Tape tape, Tensor acc, Tensor s) {
            return acc == null ? s : tape.add(acc, s);
        }

        void close() {
            LocalTrainer.free(Arrays.asList(states));
        }
    }
}
