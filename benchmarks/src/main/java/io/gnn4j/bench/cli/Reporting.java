package io.gnn4j.bench.cli;

import io.gnn4j.bench.eval.Plots;
import io.gnn4j.bench.eval.ResultsTable;
import io.gnn4j.bench.eval.ResultsWriter;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.nn.NativeThreads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What every training command does at the end: the Markdown table on stdout, files and plots in the output folder. */
final class Reporting {
    private Reporting() {
    }

    static ExecutionContext context(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0 (0 = all cores), got " + threads);
        }
        ExecutionContext ctx = threads == 0 ? ExecutionContext.defaultContext() : ExecutionContext.withThreads(threads);
        NativeThreads.set(ctx.threads());
        return ctx;
    }

    static void report(ResultsTable table, Map<String, Object> settings, String barMetric, Path dir, boolean plots,
                       PrintWriter out, PrintWriter err) throws IOException {
        out.print(table.toMarkdown());
        out.flush();
        List<Path> files = ResultsWriter.write(table, settings, dir);
        err.println("gnn4j: wrote " + files.stream().map(p -> p.getFileName().toString()).toList() + " to " + dir);
        if (plots) {
            List<Path> pngs = Plots.write(table, barMetric, dir);
            err.println("gnn4j: drew " + pngs.size() + " PNG plots in " + dir);
        }
        err.flush();
    }
}
