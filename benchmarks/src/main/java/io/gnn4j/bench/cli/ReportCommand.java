package io.gnn4j.bench.cli;

import io.gnn4j.bench.eval.Plots;
import io.gnn4j.bench.eval.ResultsReader;
import io.gnn4j.bench.eval.ResultsTable;
import io.gnn4j.bench.eval.ResultsWriter;
import io.gnn4j.bench.eval.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gnn4j report}: one table from the {@code runs.csv} of several earlier output folders — for runs split over
 * several invocations (seeds 0–4, then 5–9) or to put models trained separately side by side.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Summarise the runs.csv of earlier output folders as one mean ± std table.",
        footer = {"", "Example:", "  ./gnn4j report results/gat-a results/gat-b -o results/gat"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "output folders (or runs.csv files) to merge")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "write the merged runs.csv, summary.csv, results.json and the bar plot here")
    Path output;

    @Override
    public Integer call() throws Exception {
        ResultsTable table = new ResultsTable();
        String barMetric = null;
        for (Path in : inputs) {
            Path csv = Files.isDirectory(in) ? in.resolve("runs.csv") : in;
            if (!Files.isRegularFile(csv)) {
                throw new IllegalArgumentException("no runs.csv at " + csv);
            }
            for (RunResult r : ResultsReader.readRuns(csv)) {
                table.add(r);
            }
        }
        for (String m : table.metricNames()) {
            if (barMetric == null && m.startsWith("test_")) {
                barMetric = m;
            }
        }
        var out = spec.commandLine().getOut();
        out.print(table.toMarkdown());
        out.flush();
        if (output != null) {
            ResultsWriter.write(table, Map.of("command", "report", "inputs", inputs.stream().map(Path::toString)
                    .toList()), output);
            if (barMetric != null) {
                Plots.write(table, barMetric, output);
            }
            spec.commandLine().getErr().println("gnn4j: wrote the merged results to " + output);
        }
        return 0;
    }
}
