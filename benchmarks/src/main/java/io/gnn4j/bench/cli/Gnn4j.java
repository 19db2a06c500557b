package io.gnn4j.bench.cli;

import io.gnn4j.bench.models.ModelRegistry;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gnn4j} command line: one subcommand per task; {@code ./gnn4j --help} lists them. */
@Command(name = "gnn4j", mixinStandardHelpOptions = true, version = "gnn4j 0.1.0-SNAPSHOT",
        description = "Graph neural networks on the JVM: train, evaluate and benchmark.",
        subcommands = {InfoCommand.class, NodeCommand.class, GraphCommand.class, LinkCommand.class,
                RecommendCommand.class, ReportCommand.class, KernelsCommand.class, EmbedCommand.class,
                ConvertCommand.class, DepthSweepCommand.class})
public final class Gnn4j implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The configured command line (also used by the tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Gnn4j());
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof ExperimentCommand<?> experiment) {
                // the models each training command knows, listed from its registry so the help cannot drift
                var usage = sub.getCommandSpec().usageMessage();
                List<String> footer = new ArrayList<>(experiment.modelHelp());
                footer.addAll(List.of(usage.footer()));
                usage.footer(footer.toArray(String[]::new));
                for (String option : experiment.unreadOptions()) {
                    var spec = sub.getCommandSpec().findOption(option);
                    if (spec == null) {
                        throw new IllegalStateException(sub.getCommandName() + " has no option " + option);
                    }
                    sub.getCommandSpec().remove(spec);
                }
            }
        }
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // User errors (bad values, unknown names, unreadable files) are one line, not a stack trace.
            if (e instanceof IllegalArgumentException || e instanceof ModelRegistry.ModelUnavailableException
                    || e instanceof IOException || e instanceof ArithmeticException) {
                String msg = e instanceof NoSuchFileException nf ? "no such file: " + nf.getFile()
                        + (nf.getReason() == null ? "" : " (" + nf.getReason() + ")") : e.getMessage();
                commandLine.getErr().println("gnn4j " + commandLine.getCommandName() + ": error: " + msg);
                return e instanceof ModelRegistry.ModelUnavailableException ? 3 : 2;
            }
            throw e;
        });
        return cl;
    }

    /** Entry point of the {@code ./gnn4j} launcher. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
