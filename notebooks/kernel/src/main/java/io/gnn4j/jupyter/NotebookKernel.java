package io.gnn4j.jupyter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.BaseNotebookStatics;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * A Java kernel on JShell: a cell's magics become calls into the kernel (JJava's {@link MagicParser}), then JShell
 * evaluates the cell snippet by snippet in this JVM ({@link NotebookExecutionControl}). The static helpers of
 * JJava's {@link BaseNotebookStatics} ({@code display(Object)}, {@code display(Object, String...)},
 * {@code render}) are imported into every notebook, as JJava does, so {@code display(image)} and
 * {@code display(markdown, "text/markdown")} send display data. The value of a cell's last expression, written
 * without a semicolon, is shown as JShell prints it (text); pictures and tables go through {@code display}, which
 * works on JJava and IJava too.
 */
public final class NotebookKernel extends BaseKernel {

    private static final String STATICS_IMPORT = "import static " + BaseNotebookStatics.class.getName() + ".*;";
    private static final LanguageInfo LANGUAGE = new LanguageInfo.Builder("Java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("java")
            .build();

    private final JShell shell;

    private NotebookKernel(String name, String version, JupyterIO io, CommManager comms, Renderer renderer,
            MagicParser magics, MagicsRegistry registry, StringStyler errorStyler, JShell shell) {
        super(name, version, LANGUAGE, List.of(), null, io, comms, renderer, magics, registry, false, errorStyler);
        this.shell = shell;
    }

    /**
     * A kernel with the magics {@code %classpath}, {@code %jars} and {@code %maven}, whose notebooks compile against
     * the kernel's own classpath and see the notebook statics; {@code maven} resolves {@code %maven}.
     */
    public static NotebookKernel create(MavenMagic maven) {
        ClasspathMagic classpath = new ClasspathMagic();
        Builder builder = new Builder().name("gnn4j-notebook").version(Runtime.version().toString())
                .lineMagic("classpath", classpath).lineMagic("jars", classpath).lineMagic("maven", maven);
        NotebookKernel kernel = builder.build();
        kernel.shell.addToClasspath(System.getProperty("java.class.path"));
        kernel.evalRaw(STATICS_IMPORT);
        return kernel;
    }

    /** Adds a jar or class folder to the classpath the notebook's snippets compile against and load from. */
    void addToClasspath(Path path) {
        shell.addToClasspath(path.toAbsolutePath().toString());
    }

    /**
     * Evaluates a cell: resolves its magics, then each complete snippet in turn; returns the value of the last one
     * if it is an expression without a trailing semicolon (JShell's text of it), else null. A snippet that does not
     * compile or throws stops the cell with an exception naming the snippet and the diagnostics or the exception.
     */
    @Override
    public Object evalRaw(String source) {
        String remaining = magicParser.resolveMagics(source);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String value = null;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                return value;
            }
            if (!info.completeness().isComplete()) {
                throw new CellException("incomplete input:\n" + info.remaining().strip());
            }
            String snippetValue = evalSnippet(info.source());
            // As in IPython, a trailing semicolon keeps a value out of the output: `display(img);` shows the image only.
            String written = remaining.substring(0, remaining.length() - info.remaining().length()).strip();
            value = written.endsWith(";") ? null : snippetValue;
            remaining = info.remaining();
        }
    }

    private String evalSnippet(String snippet) {
        String value = null;
        for (SnippetEvent event : shell.eval(snippet)) {
            if (event.causeSnippet() != null) {
                continue; // an update of an earlier snippet this one redefined
            }
            JShellException thrown = event.exception();
            if (thrown != null) {
                String type = thrown instanceof EvalException e ? e.getExceptionClassName() : thrown.getClass().getName();
                throw new CellException(type + ": " + thrown.getMessage() + "\n  in: " + snippet.strip(), thrown);
            }
            if (!event.status().isDefined()) {
                String diagnostics = shell.diagnostics(event.snippet())
                        .map(d -> describe(event.snippet(), d)).collect(Collectors.joining("\n"));
                throw new CellException("does not compile:\n" + snippet.strip() + "\n" + diagnostics);
            }
            value = switch (event.snippet().subKind()) {
                case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> event.value();
                default -> null;
            };
        }
        return value;
    }

    private static String describe(Snippet snippet, Diag d) {
        String source = snippet.source();
        int start = (int) Math.max(0, Math.min(d.getStartPosition(), source.length()));
        int end = (int) Math.max(start, Math.min(d.getEndPosition(), source.length()));
        return (d.isError() ? "error: " : "warning: ") + d.getMessage(null).lines().findFirst().orElse("")
                + (end > start ? "  at '" + source.substring(start, end) + "'" : "");
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = shell.sourceCodeAnalysis().documentation(code, at, true);
        if (docs.isEmpty()) {
            return null;
        }
        return new DisplayData(docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
                .collect(Collectors.joining("\n\n")));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<String> options = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor)) {
            if (!options.contains(s.continuation())) {
                options.add(s.continuation());
            }
        }
        return options.isEmpty() ? null : new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return switch (info.completeness()) {
            case EMPTY, COMPLETE, COMPLETE_WITH_SEMI -> IS_COMPLETE_YES;
            case CONSIDERED_INCOMPLETE, DEFINITELY_INCOMPLETE -> "    ";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public List<String> formatError(Throwable e) {
        return e instanceof CellException ? errorStyler.secondaryLines(e.getMessage()) : super.formatError(e);
    }

    @Override
    public void interrupt() {
        shell.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        shell.close();
    }

    /** A cell that cannot run: it does not compile, is incomplete or threw; the message says which and why. */
    static final class CellException extends RuntimeException {
        CellException(String message) {
            super(message);
        }

        CellException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Builds the kernel with JJava's defaults for I/O, comms, rendering and the error styler. */
    private static final class Builder extends BaseKernelBuilder<Builder, NotebookKernel> {
        @Override
        public NotebookKernel build() {
            JShell shell = JShell.builder()
                    .executionEngine(NotebookExecutionControl.PROVIDER, Map.of())
                    .build();
            return new NotebookKernel(buildName(), buildVersion(), buildJupyterIO(buildJupyterIOEncoding()),
                    buildCommManager(), buildRenderer(), new MagicParser("^[ \\t]*%", "%%", buildMagicTranspiler()),
                    buildMagicsRegistry(), buildErrorStyler(), shell);
        }
    }
}
