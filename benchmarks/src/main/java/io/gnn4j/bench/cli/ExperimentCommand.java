package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.bench.eval.Progress;
import io.gnn4j.bench.eval.ResultsTable;
import io.gnn4j.bench.eval.RunResult;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.models.ModelRegistry;
import io.gnn4j.graph.ExecutionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one experiment runner behind {@code node}, {@code graph} and {@code link}: resolve the request (configuration
 * file, dataset, models, options winning over the file), let the command {@link #plan plan} its runs, resolve each
 * model's hyper-parameters, record the settings, show one progress bar over every epoch, run every model, and report
 * the table, files and plots. A command supplies only what is its own: the registry, how it loads data and splits it,
 * and how one model's runs go.
 *
 * @param <F> the registry's factory type
 */
abstract class ExperimentCommand<F> implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HyperParameterOptions hyper;

    @Mixin
    OutputOptions output;

    /** The runs of one command on its loaded dataset. */
    interface Plan<F> {
        /** The dataset's display name. */
        String dataset();

        /** Runs per model (seeds, or folds in this invocation), for the progress total. */
        int runsPerModel();

        /** The command's own settings for results.json (source, protocol, …), in display order. */
        Map<String, Object> settings();

        /** Fails before any training when {@code hp} does not suit the plan; by default every setting does. */
        default void check(HyperParameters hp) {
        }

        /** Every run of one model, in order. */
        List<RunResult> run(ModelInfo<F> model, HyperParameters hp, Progress progress);
    }

    /** The command's name ({@code node}, …), used in settings, the progress bar and the output folder. */
    abstract String name();

    /** The command's model registry. */
    abstract ModelRegistry<F> registry();

    /** The metric the bar plot shows ({@code test_acc}, {@code test_auc}). */
    abstract String barMetric();

    /** Loads the data and plans the runs; {@code ctx} is the pool they run on. */
    abstract Plan<F> plan(ExperimentRequest request, ExecutionContext ctx) throws Exception;

    /** The {@code --dataset} value given on the command line, or null. */
    abstract String datasetOption();

    /** The {@code --model} values given on the command line, or null. */
    abstract List<String> modelOption();

    @Override
    public final Integer call() throws Exception {
        ExperimentRequest request = ExperimentRequest.resolve(output, datasetOption(), modelOption());
        List<ModelInfo<F>> infos = request.models(registry());
        ExecutionContext ctx = Reporting.context(output.threads);
        Plan<F> plan = plan(request, ctx);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", name());
        settings.put("dataset", plan.dataset());
        settings.putAll(plan.settings());
        settings.put("threads", ctx.threads());
        if (output.config != null) {
            settings.put("config", output.config);
        }
        Map<String, Object> hps = new LinkedHashMap<>();
        settings.put("hyperParameters", hps);
        List<HyperParameters> resolved = new ArrayList<>();
        long totalEpochs = 0;
        for (ModelInfo<F> info : infos) {
            HyperParameters hp = HyperParameters.DEFAULTS.with(info.defaults().then(request.config().hyperParameters())
                    .then(hyper.overrides()));
            plan.check(hp);
            resolved.add(hp);
            hps.put(info.name(), hp.toMap());
            totalEpochs += (long) hp.epochs() * plan.runsPerModel();
        }
        ResultsTable table = new ResultsTable();
        try (Progress progress = Progress.start(name() + " " + plan.dataset(), totalEpochs, output.quiet)) {
            for (int m = 0; m < infos.size(); m++) {
                plan.run(infos.get(m), resolved.get(m), progress).forEach(table::add);
            }
        }
        Reporting.report(table, settings, barMetric(), output.dir(name(), plan.dataset()), !output.noPlots,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
