package io.gnn4j.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gnn4j} command line: one subcommand per task; {@code ./gnn4j --help} lists them. */
@Command(name = "gnn4j", mixinStandardHelpOptions = true, version = "gnn4j 0.1.0-SNAPSHOT",
        description = "Graph neural networks on the JVM: train, evaluate and benchmark.",
        subcommands = {KernelsCommand.class})
public final class Gnn4j implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Entry point of the {@code ./gnn4j} launcher. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Gnn4j()).execute(args));
    }
}
