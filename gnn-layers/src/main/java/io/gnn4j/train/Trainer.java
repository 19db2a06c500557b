package io.gnn4j.train;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.nn.GradientClipping;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Optimizer;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.StepLR;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the epochs of any model: the training loop that models do not write themselves. Each epoch the trainer puts
 * the model in training mode and runs the {@link Epoch}, whose every step it takes the same way — clear gradients,
 * record the loss on its tape, guard the loss, back-propagate, guard the gradients, clip, update, recycle the tape —
 * then steps the learning-rate schedules, evaluates in evaluation mode on a reusable no-grad tape, lets
 * {@link EarlyStopping} judge the epoch, asks the {@link Evaluation} for the best epoch's extra metrics (the test
 * score at the best validation epoch) and tells its listeners. All randomness of the tape (dropout masks) comes from
 * the trainer's seed, so a run is repeatable given the seed and the thread count.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder().optimizer(new Adam(model.parameters(), 0.01, 5e-4)).epochs(200).seed(42).build();
 * TrainingResult r = trainer.fit(model, tape -> tape.crossEntropy(model.forward(tape, g, x), y, train),
 *         ClassificationEvaluation.nodes(tape -> model.forward(tape, g, x), y, train, val, test));
 * }</pre>
 */
public final class Trainer {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private final List<Optimizer> optimizers;
    private final List<StepLR> schedules;
    private final int epochs;
    private final EarlyStopping.Monitor monitor;
    private final int patience;
    private final double clipNorm;
    private final boolean checkGradients;
    private final long seed;
    private final ExecutionContext context;
    private final List<TrainingListener> listeners;

    private Trainer(Builder b) {
        if (b.optimizers.isEmpty()) {
            throw new IllegalArgumentException("a Trainer needs at least one optimizer");
        }
        this.optimizers = List.copyOf(b.optimizers);
        this.schedules = List.copyOf(b.schedules);
        this.epochs = b.epochs;
        this.monitor = b.monitor;
        this.patience = b.patience;
        this.clipNorm = b.clipNorm;
        this.checkGradients = b.checkGradients;
        this.seed = b.seed;
        this.context = b.context;
        this.listeners = List.copyOf(b.listeners);
    }

    /** A builder with defaults: 200 epochs, {@code val_loss} monitored without early stopping, no clipping. */
    public static Builder builder() {
        return new Builder();
    }

    /** Trains full-batch: one step per epoch on {@code loss}. */
    public TrainingResult fit(Module model, LossFunction loss, Evaluation evaluation) {
        return fit(model, Epoch.fullBatch(loss), evaluation);
    }

    /**
     * Trains {@code model} for at most the configured number of epochs, stopping early when the monitored validation
     * metric has not improved for {@code patience} epochs. Its tapes' pooled memory is freed when it returns.
     *
     * @throws NonFiniteException when a loss or a gradient becomes NaN or infinite
     */
    public TrainingResult fit(Module model, Epoch epoch, Evaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        Map<String, Parameter> named = model.namedParameters();
        Tape tape = new Tape(seed, context);
        Tape evalTape = Tape.noGrad(context);
        EarlyStopping stop = new EarlyStopping(monitor, patience);
        List<EpochRecord> history = new ArrayList<>();
        Map<String, Double> best = Map.of();
        for (int e = 1; e <= epochs; e++) {
            model.train();
            StepTaker steps = new StepTaker(e, tape, named);
            long t0 = System.nanoTime();
            double loss = epoch.run(e, steps);
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (StepLR s : schedules) {
                s.step();
            }
            model.eval();
            Map<String, Double> metrics = evaluation.validate(evalTape);
            evalTape.reset();
            boolean isBest = stop.observe(e, metrics);
            if (isBest) {
                Map<String, Double> all = new LinkedHashMap<>(metrics);
                all.putAll(evaluation.atBest(evalTape));
                evalTape.reset();
                best = Collections.unmodifiableMap(all);
            }
            EpochRecord record = new EpochRecord(e, loss, Map.copyOf(metrics), seconds, isBest);
            history.add(record);
            for (TrainingListener l : listeners) {
                l.onEpoch(record);
            }
            if (stop.shouldStop()) {
                break;
            }
        }
        tape.release();
        evalTape.release();
        return new TrainingResult(stop.bestEpoch(), best, List.copyOf(history));
    }

    /** The steps of one epoch, numbered for the guard's messages. */
    private final class StepTaker implements Epoch.Steps {
        private final int epoch;
        private final Tape tape;
        private final Map<String, Parameter> named;
        private int step;

        StepTaker(int epoch, Tape tape, Map<String, Parameter> named) {
            this.epoch = epoch;
            this.tape = tape;
            this.named = named;
        }

        @Override
        public double step(LossFunction lossFunction) {
            return step(lossFunction, optimizers);
        }

        @Override
        public double step(LossFunction lossFunction, List<? extends Optimizer> optimizers) {
            for (Optimizer o : optimizers) {
                if (!Trainer.this.optimizers.contains(o)) {
                    throw new IllegalArgumentException("step: an optimiser over " + o.parameters().size()
                            + " parameters is not one of the trainer's " + Trainer.this.optimizers.size());
                }
            }
            step++;
            for (Optimizer o : optimizers) {
                o.zeroGrad();
            }
            Tensor loss = lossFunction.loss(tape);
            double value = loss.item();
            if (!Double.isFinite(value)) {
                tape.reset();
                throw new NonFiniteException("epoch " + epoch + ", step " + step + ": the loss is " + value
                        + " (lower the learning rate?)");
            }
            tape.backward(loss);
            if (checkGradients) {
                for (Map.Entry<String, Parameter> p : named.entrySet()) {
                    long at = firstNonFinite(p.getValue().gradData(), p.getValue().size());
                    if (at >= 0) {
                        tape.reset();
                        throw new NonFiniteException("epoch " + epoch + ", step " + step + ": the gradient of '"
                                + p.getKey() + "' (" + p.getValue().rows() + "×" + p.getValue().cols() + ") is "
                                + p.getValue().gradData().getAtIndex(F, at) + " at row " + at / p.getValue().cols()
                                + ", column " + at % p.getValue().cols());
                    }
                }
            }
            if (clipNorm > 0) {
                for (Optimizer o : optimizers) {
                    GradientClipping.clipNorm(o.parameters(), clipNorm);
                }
            }
            for (Optimizer o : optimizers) {
                o.step();
            }
            tape.reset();
            return value;
        }
    }

    private static long firstNonFinite(MemorySegment g, long n) {
        for (long i = 0; i < n; i++) {
            if (!Float.isFinite(g.getAtIndex(F, i))) {
                return i;
            }
        }
        return -1;
    }

    /** The trainer's settings; every one has a default. */
    public static final class Builder {
        private final List<Optimizer> optimizers = new ArrayList<>();
        private final List<StepLR> schedules = new ArrayList<>();
        private int epochs = 200;
        private EarlyStopping.Monitor monitor = EarlyStopping.Monitor.VAL_LOSS;
        private int patience;
        private double clipNorm;
        private boolean checkGradients = true;
        private long seed;
        private ExecutionContext context = ExecutionContext.defaultContext();
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Adds an optimiser (several when parameter groups differ, e.g. weight decay on some only). */
        public Builder optimizer(Optimizer optimizer) {
            optimizers.add(Objects.requireNonNull(optimizer, "optimizer"));
            return this;
        }

        /** Adds a learning-rate schedule, stepped once after every epoch. */
        public Builder schedule(StepLR schedule) {
            schedules.add(Objects.requireNonNull(schedule, "schedule"));
            return this;
        }

        /** The maximum number of epochs (default 200). */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /**
         * The validation metric that selects the best epoch, and the epochs without improvement after which training
         * stops (0, the default, never stops early).
         */
        public Builder earlyStopping(EarlyStopping.Monitor monitor, int patience) {
            if (patience < 0) {
                throw new IllegalArgumentException("patience must be >= 0, got " + patience);
            }
            this.monitor = Objects.requireNonNull(monitor, "monitor");
            this.patience = patience;
            return this;
        }

        /** Scales each optimiser's gradients to a global L2 norm of at most {@code maxNorm} (0 = off, the default). */
        public Builder clipGradNorm(double maxNorm) {
            if (!(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
                throw new IllegalArgumentException("maxNorm must be >= 0 and finite, got " + maxNorm);
            }
            this.clipNorm = maxNorm;
            return this;
        }

        /** Whether every gradient is checked for NaN/Inf after each step (default true; the loss always is). */
        public Builder checkGradients(boolean check) {
            this.checkGradients = check;
            return this;
        }

        /** The seed of the training tape's random stream (dropout masks); default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The pool gnn4j's kernels run on (default: {@link ExecutionContext#defaultContext()}). */
        public Builder context(ExecutionContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Adds a listener told about every epoch. */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The trainer. */
        public Trainer build() {
            return new Trainer(this);
        }
    }
}
