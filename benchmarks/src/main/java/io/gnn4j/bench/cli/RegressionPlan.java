package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.GraphModelFactory;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.protocol.Scenarios;
import io.gnn4j.bench.task.GraphRegression;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.GraphTargets;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.split.Splits;
import io.gnn4j.graph.ExecutionContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The runs of {@code gnn4j graph --task regression}: which target columns, which train/validation/test graphs per
 * run (the dataset's fixed split once per seed, else k random folds with a random validation hold-out), the
 * scenario's change to the training part (Gaussian target noise, few-shot), the standardisation, and the loss.
 */
final class RegressionPlan {
    /** One run's graphs and seed. */
    private record Run(int index, long seed, int[] train, int[] val, int[] test) {
    }

    private final GraphCommand c;

    RegressionPlan(GraphCommand command) {
        this.c = command;
    }

    ExperimentCommand.Plan<GraphModelFactory> plan(ExperimentRequest request, ExecutionContext ctx) throws IOException {
        if (c.imbalance != null) {
            throw new IllegalArgumentException("--imbalance down-samples classes and does not apply to --task "
                    + "regression");
        }
        if (c.selection != null && !c.selection.equals("holdout")) {
            throw new IllegalArgumentException("--task regression selects on the validation hold-out only, got "
                    + "--selection " + c.selection);
        }
        GraphRegression.Loss loss = switch (c.loss.toLowerCase(Locale.ROOT)) {
            case "mse" -> GraphRegression.Loss.MSE;
            case "l1", "mae" -> GraphRegression.Loss.L1;
            default -> throw new IllegalArgumentException("--loss must be mse or l1, got '" + c.loss + "'");
        };
        Datasets.Loaded loaded = c.load(request.dataset());
        GraphDataset data = DatasetArgument.graph(loaded);
        GraphTargets all = data.targets();
        if (all == null) {
            throw new IllegalArgumentException(data.name() + " has no regression targets (" + loaded.source()
                    + "): a TU folder needs <DS>_graph_attributes.txt; or use --dataset counting");
        }
        int[] columns = c.target == null ? range(all.numTargets()) : new int[] {all.index(c.target)};
        List<String> names = new ArrayList<>();
        for (int col : columns) {
            names.add(all.names().get(col));
        }
        float[] values = select(all, columns);
        List<Run> runs = runs(request.config(), data);
        String scenario = c.scenarioName();
        Map<String, Object> standardisation = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("source", loaded.source());
        settings.put("task", "regression");
        settings.put("targets", names);
        settings.put("loss", loss.name().toLowerCase(Locale.ROOT));
        settings.put("protocol", data.splits().isEmpty()
                ? runs.size() + " of " + folds(request.config()) + " random folds, seed " + c.seed
                + ", validation hold-out " + c.valFraction
                : "fixed split '" + data.splits().getFirst().name() + "', " + runs.size() + " seeds from " + c.seed);
        settings.put("selection", "best epoch by val_mae (by val_loss, the loss on validation, with --monitor "
                + "val_loss)");
        settings.put("scenario", scenario);
        settings.put("standardisation", c.standardize ? standardisation : "none");
        return new ExperimentCommand.Plan<>(data.name(), runs.size(), settings) {
            @Override
            List<RunResult> run(ModelInfo<GraphModelFactory> info, HyperParameters hp, Progress progress) {
                List<RunResult> results = new ArrayList<>();
                for (Run r : runs) {
                    int[] train = r.train();
                    if (c.fewShot != null) {
                        train = Scenarios.fewShot(train, new int[data.graphs().size()], 1, c.fewShot, r.seed());
                    }
                    float[] trainValues = c.noise == null ? values
                            : perturbed(values, names.size(), train, c.noise, r.seed());
                    double[] mean = new double[names.size()], std = new double[names.size()];
                    Arrays.fill(std, 1);
                    if (c.standardize) {
                        moments(trainValues, names.size(), train, mean, std);
                        standardisation.put("run " + r.index(), Map.of("mean", mean, "std", std));
                    }
                    var targets = new GraphRegression.Targets(names, trainValues, values, mean, std);
                    results.add(GraphRegression.run(info.name(), scenario, r.index(), r.seed(),
                            info.factory().create(data, names.size(), hp, r.seed()), data, targets, loss, train,
                            r.val(), r.test(), hp, ctx, progress));
                }
                return results;
            }
        };
    }

    private int folds(ExperimentConfig cfg) {
        return c.folds != null ? c.folds : cfg.folds() != null ? cfg.folds() : 10;
    }

    /** The fixed split once per seed, or the chosen folds of a random k-fold with their hold-outs. */
    private List<Run> runs(ExperimentConfig cfg, GraphDataset data) {
        List<Run> runs = new ArrayList<>();
        if (!data.splits().isEmpty()) {
            int n = c.seeds != null ? c.seeds : cfg.seeds() != null ? cfg.seeds() : 3;
            if (n < 1) {
                throw new IllegalArgumentException("--seeds must be >= 1, got " + n);
            }
            Split s = data.splits().getFirst();
            for (int i = 0; i < n; i++) {
                runs.add(new Run(i, c.seed + i, s.train(), s.val(), s.test()));
            }
            return runs;
        }
        if (c.seeds != null) {
            throw new IllegalArgumentException(data.name() + " has no fixed split: its runs are folds (--folds, "
                    + "--run-folds), not --seeds " + c.seeds);
        }
        int k = folds(cfg);
        int toRun = c.runFolds != null ? c.runFolds : k - c.firstFold;
        if (c.firstFold < 0 || toRun < 1 || c.firstFold + toRun > k) {
            throw new IllegalArgumentException("folds " + c.firstFold + ".." + (c.firstFold + toRun - 1)
                    + " are not within the " + k + " folds");
        }
        if (!(c.valFraction > 0 && c.valFraction < 1)) {
            throw new IllegalArgumentException("--val-fraction must be in (0, 1), got " + c.valFraction);
        }
        int[] oneClass = new int[data.graphs().size()];
        List<Split> kfold = Splits.stratifiedKFold(oneClass, k, c.seed);
        for (int f = c.firstFold; f < c.firstFold + toRun; f++) {
            long s = c.seed + f;
            Scenarios.HoldOut h = Scenarios.stratifiedHoldOut(kfold.get(f).train(), oneClass, 1, c.valFraction, s);
            runs.add(new Run(f, s, h.train(), h.val(), kfold.get(f).test()));
        }
        return runs;
    }

    private static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** The chosen columns of the targets, G×columns row-major. */
    private static float[] select(GraphTargets all, int[] columns) {
        int g = all.numGraphs(), t = all.numTargets();
        float[] out = new float[g * columns.length];
        for (int i = 0; i < g; i++) {
            for (int k = 0; k < columns.length; k++) {
                out[i * columns.length + k] = all.values()[i * t + columns[k]];
            }
        }
        return out;
    }

    /** Each column's mean and population std over the training rows (a constant column keeps std 1). */
    private static void moments(float[] values, int t, int[] train, double[] mean, double[] std) {
        for (int k = 0; k < t; k++) {
            double m = 0, ss = 0;
            for (int i : train) {
                m += values[i * t + k];
            }
            m /= train.length;
            for (int i : train) {
                ss += (values[i * t + k] - m) * (values[i * t + k] - m);
            }
            double sd = Math.sqrt(ss / train.length);
            mean[k] = m;
            std[k] = sd > 0 ? sd : 1;
        }
    }

    /** The targets with N(0, (fraction·σ_k)²) added to the training rows, σ_k column k's training std. */
    private static float[] perturbed(float[] values, int t, int[] train, double fraction, long seed) {
        if (!(fraction >= 0)) {
            throw new IllegalArgumentException("--noise must be >= 0 for regression (a multiple of the std), got "
                    + fraction);
        }
        double[] mean = new double[t], std = new double[t];
        moments(values, t, train, mean, std);
        SplittableRandom r = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
        float[] out = values.clone();
        for (int i : train) {
            for (int k = 0; k < t; k++) {
                out[i * t + k] += (float) (fraction * std[k] * r.nextGaussian());
            }
        }
        return out;
    }
}
