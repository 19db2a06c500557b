package io.gnn4j.bench.task;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.layers.GraphLevelModule;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.train.EarlyStopping;
import io.gnn4j.train.Epoch;
import io.gnn4j.train.Evaluation;
import io.gnn4j.train.Metrics;
import io.gnn4j.train.Trainer;
import io.gnn4j.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One run of graph regression, trained by the {@link Trainer} as {@link GraphClassification} is: mini-batch Adam
 * epochs ({@link GraphMiniBatches}) with an MSE or L1 loss on the (optionally standardised) targets, a step
 * learning-rate decay, early stopping on the validation MAE (or on the validation loss when the monitor is
 * {@code val_loss}), and at the best epoch the test MAE, RMSE and R² in the targets' own units. With several target
 * columns the model predicts all of them; MAE and RMSE are then taken over every value, R² is the mean of the
 * columns' R², and each column's MAE is reported as {@code test_mae_<name>}.
 */
public final class GraphRegression {
    /** The training loss. */
    public enum Loss {
        /** Mean squared error. */
        MSE,
        /** Mean absolute error (the counting literature's choice). */
        L1
    }

    /**
     * The targets of one run, G×T row-major, with the affine map the model is trained in: it fits
     * {@code (y − mean[t]) / std[t]} and its outputs are mapped back by {@code p·std[t] + mean[t]} before scoring.
     *
     * @param names        the T column names
     * @param trainTargets what the model trains on (perturbed in the noisy scenario)
     * @param trueTargets  what validation and test are scored against
     */
    public record Targets(List<String> names, float[] trainTargets, float[] trueTargets, double[] mean, double[] std) {
        public Targets {
            int t = names.size();
            if (mean.length != t || std.length != t || trainTargets.length != trueTargets.length
                    || trueTargets.length % t != 0) {
                throw new IllegalArgumentException(t + " target columns " + names + " but " + mean.length + " means, "
                        + std.length + " stds, " + trainTargets.length + " training and " + trueTargets.length
                        + " true values");
            }
        }

        int columns() {
            return names.size();
        }

        /** Rows {@code ids} of {@code values}, standardised. */
        float[] scaled(float[] values, int[] ids) {
            int t = columns();
            float[] out = new float[ids.length * t];
            for (int i = 0; i < ids.length; i++) {
                for (int c = 0; c < t; c++) {
                    out[i * t + c] = (float) ((values[ids[i] * t + c] - mean[c]) / std[c]);
                }
            }
            return out;
        }

        /** Model outputs mapped back to the targets' units. */
        float[] unscaled(float[] outputs) {
            int t = columns();
            float[] out = new float[outputs.length];
            for (int i = 0; i < outputs.length; i++) {
                out[i] = (float) (outputs[i] * std[i % t] + mean[i % t]);
            }
            return out;
        }

        /** Rows {@code ids} of the true targets, in their units. */
        float[] truth(int[] ids) {
            int t = columns();
            float[] out = new float[ids.length * t];
            for (int i = 0; i < ids.length; i++) {
                System.arraycopy(trueTargets, ids[i] * t, out, i * t, t);
            }
            return out;
        }
    }

    private GraphRegression() {
    }

    /** Trains {@code net} (T outputs per graph) on {@code train}, selects on {@code val}, scores {@code test}. */
    public static RunResult run(String modelName, String protocol, int run, long seed, GraphLevelModule net,
                                GraphDataset data, Targets targets, Loss loss, int[] train, int[] val, int[] test,
                                HyperParameters hp, ExecutionContext ctx, Progress progress) {
        GraphMiniBatches batches = new GraphMiniBatches(data, "run " + run, train, val, test);
        RunRecorder recorder = new RunRecorder(modelName, "run " + run, "val_mae", progress);
        Adam adam = new Adam(net.parameters(), hp.lr(), hp.weightDecay());
        EarlyStopping.Monitor monitor = hp.monitor().higherIsBetter() ? EarlyStopping.Monitor.minimize("val_mae")
                : hp.monitor();
        Trainer.Builder trainer = GraphMiniBatches.trainer(adam, hp, monitor, seed, ctx, recorder);
        SplittableRandom rng = new SplittableRandom(seed);
        int t = targets.columns();
        Epoch epoch = (e, steps) -> {
            double total = 0;
            int seen = 0;
            for (int[] ids : GraphMiniBatches.ofEpoch(train, hp, rng)) {
                Tensor y = Tensor.of(ids.length, t, targets.scaled(targets.trainTargets(), ids));
                GraphMiniBatches.Batch b = batches.of(ids);
                total += steps.step(tape -> loss(tape, loss, net.forward(tape, b.batch(), b.x()), y)) * ids.length;
                seen += ids.length;
            }
            return total / seen;
        };
        TrainingResult trained = trainer.build().fit(net, epoch,
                new RunEvaluation(net, batches, targets, loss, val, test));
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String name : trained.bestMetrics().keySet()) {
            if (name.startsWith("test_")) {
                metrics.put(name, trained.best(name));
            }
        }
        metrics.put("val_mae", trained.best("val_mae"));
        return recorder.result(data.name(), protocol, run, seed, trained, metrics);
    }

    private static Tensor loss(Tape tape, Loss loss, Tensor predicted, Tensor target) {
        return switch (loss) {
            case MSE -> tape.mse(predicted, target);
            case L1 -> tape.l1(predicted, target);
        };
    }

    /**
     * Scores a run after each epoch: the validation loss (in the trained units) and MAE (in the targets' units), and
     * at the best epoch the test MAE, RMSE, R² and, with several columns, each column's MAE.
     */
    private static final class RunEvaluation implements Evaluation {
        private final GraphLevelModule net;
        private final GraphMiniBatches batches;
        private final Targets targets;
        private final Loss loss;
        private final int[] val, test;

        RunEvaluation(GraphLevelModule net, GraphMiniBatches batches, Targets targets, Loss loss, int[] val,
                      int[] test) {
            this.net = net;
            this.batches = batches;
            this.targets = targets;
            this.loss = loss;
            this.val = val;
            this.test = test;
        }

        private float[] outputs(Tape tape, int[] graphs) {
            return batches.outputs(net, tape, graphs);
        }

        @Override
        public Map<String, Double> validate(Tape noGrad) {
            float[] out = outputs(noGrad, val);
            int t = targets.columns();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("val_loss", (double) loss(noGrad, loss, Tensor.of(val.length, t, out),
                    Tensor.of(val.length, t, targets.scaled(targets.trueTargets(), val))).item());
            noGrad.reset();
            m.put("val_mae", Metrics.mae(targets.unscaled(out), targets.truth(val)));
            return m;
        }

        @Override
        public Map<String, Double> atBest(Tape noGrad) {
            float[] predicted = targets.unscaled(outputs(noGrad, test));
            float[] truth = targets.truth(test);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("test_mae", Metrics.mae(predicted, truth));
            m.put("test_rmse", Metrics.rmse(predicted, truth));
            int t = targets.columns();
            double r2 = 0;
            Map<String, Double> perColumn = new LinkedHashMap<>();
            for (int c = 0; c < t; c++) {
                float[] p = column(predicted, t, c), y = column(truth, t, c);
                r2 += Metrics.r2(p, y);
                perColumn.put("test_mae_" + targets.names().get(c), Metrics.mae(p, y));
            }
            m.put("test_r2", r2 / t);
            if (t > 1) {
                m.putAll(perColumn);
            }
            return m;
        }

        private static float[] column(float[] rowMajor, int t, int c) {
            float[] out = new float[rowMajor.length / t];
            for (int i = 0; i < out.length; i++) {
                out[i] = rowMajor[i * t + c];
            }
            return out;
        }
    }
}
