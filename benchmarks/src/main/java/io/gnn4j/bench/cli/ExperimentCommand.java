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
import picocli.CommandLine.Option;
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

    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|PATH", order = 0,
            description = "a known name or a dataset folder/file (format detected; see the examples below)")
    String dataset;

    @Mixin
    EdgeReading edges;

    @Option(names = {"-m", "--model"}, split = ",", paramLabel = "MODEL", order = 1,
            description = "one or more models, comma-separated (the models of this command are listed below)")
    List<String> models;

    private final String name;
    private final ModelRegistry<F> registry;
    private final String barMetric;

    /**
     * @param name      the command's name ({@code node}, …), used in settings, the progress bar and the output folder
     * @param registry  the command's models
     * @param barMetric the metric the bar plot shows ({@code test_acc}, {@code test_auc})
     */
    ExperimentCommand(String name, ModelRegistry<F> registry, String barMetric) {
        this.name = name;
        this.registry = registry;
        this.barMetric = barMetric;
    }

    @Mixin
    HyperParameterOptions hyper;

    @Mixin
    OutputOptions output;

    /**
     * The runs of one command on its loaded dataset.
     *
     * @param <F> the registry's factory type
     */
    abstract static class Plan<F> {
        private final String dataset;
        private final int runsPerModel;
        private final Map<String, Object> settings;

        /**
         * @param dataset      the dataset's display name
         * @param runsPerModel runs per model (seeds, or folds in this invocation), for the progress total
         * @param settings     the command's own settings for results.json (source, protocol, …), in display order
         */
        Plan(String dataset, int runsPerModel, Map<String, Object> settings) {
            this.dataset = dataset;
            this.runsPerModel = runsPerModel;
            this.settings = settings;
        }

        /** Fails before any training when {@code hp} does not suit the plan; by default every setting does. */
        void check(HyperParameters hp) {
        }

        /** Every run of one model, in order. */
        abstract List<RunResult> run(ModelInfo<F> model, HyperParameters hp, Progress progress);
    }

    /** The metric the bar plot shows; the constructor's unless a command chooses by its options. */
    String barMetric() {
        return barMetric;
    }

    /** The command's models, one line each with what they are, for the help footer. */
    List<String> modelHelp() {
        List<String> lines = new ArrayList<>(List.of("", "Models:"));
        for (ModelInfo<F> m : registry.all()) {
            lines.add("  " + m.name() + " — " + m.description());
        }
        return lines;
    }

    /**
     * The shared options ({@link HyperParameterOptions}, {@link EdgeReading}) that none of this command's models or
     * its task reads, by their long names; {@link Gnn4j#commandLine()} removes them from the command's parser and help,
     * so that passing one is an "unknown option" error rather than silently ignored. None by default.
     */
    List<String> unreadOptions() {
        return List.of();
    }

    /** Loads the data and plans the runs; {@code ctx} is the pool they run on. */
    abstract Plan<F> plan(ExperimentRequest request, ExecutionContext ctx) throws Exception;

    @Override
    public final Integer call() throws Exception {
        ExperimentRequest request = ExperimentRequest.resolve(output, dataset, models);
        List<ModelInfo<F>> infos = request.models(registry);
        ExecutionContext ctx = Reporting.context(output.threads);
        Plan<F> plan = plan(request, ctx);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", name);
        settings.put("dataset", plan.dataset);
        settings.putAll(plan.settings);
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
            totalEpochs += (long) hp.epochs() * plan.runsPerModel;
        }
        ResultsTable table = new ResultsTable();
        try (Progress progress = Progress.start(name + " " + plan.dataset, totalEpochs, output.quiet)) {
            for (int m = 0; m < infos.size(); m++) {
                plan.run(infos.get(m), resolved.get(m), progress).forEach(table::add);
            }
        }
        Reporting.report(table, settings, barMetric(), output.dir(name, plan.dataset), !output.noPlots,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
