package io.gnn4j.bench.eval;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for long runs, drawn on standard error with {@code me.tongfei:progressbar}, and silent (no object
 * created, nothing printed) when the process is not attached to a terminal — redirected output, CI, tests — or when
 * the user asked for quiet output.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** Whether standard input/output are a terminal (JDK 22+: {@code Console.isTerminal()}). */
    public static boolean isTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }

    /** A bar of {@code total} steps titled {@code task}; silent when {@code quiet} or off a terminal. */
    public static Progress start(String task, long total, boolean quiet) {
        if (quiet || !isTerminal()) {
            return new Progress(null);
        }
        PrintStream err = System.err;
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(250).build());
    }

    /** Whether this bar draws anything. */
    public boolean isVisible() {
        return bar != null;
    }

    /** Advances by one step and shows {@code message} (e.g. the current loss) next to the bar. */
    public void step(String message) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
