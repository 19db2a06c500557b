package io.gnn4j.spark.cli;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gnn4j-spark} command line, the main class of the cluster jar for {@code spark-submit} (and of the
 * {@code ./gnn4j-spark} launcher in local mode): FastRP embeddings and GCN predictions of graphs partitioned over
 * Spark, and the scaling benchmark of docs/performance.md.
 */
@Command(name = "gnn4j-spark", mixinStandardHelpOptions = true, version = "gnn4j-spark 0.1.0-SNAPSHOT",
        description = "gnn4j on Apache Spark: partitioned FastRP and full-graph GCN inference.",
        subcommands = {FastRPCommand.class, GcnCommand.class, ScaleCommand.class})
public final class GnnSpark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The configured command line: user errors are one line and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GnnSpark());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof IOException) {
                commandLine.getErr().println("gnn4j-spark " + commandLine.getCommandName() + ": error: "
                        + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }

    /** Entry point for spark-submit and the launcher. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
