package io.gnn4j.jupyter;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * The {@code %classpath} and {@code %jars} line magics of IJava/JJava: each argument is a path (relative to the
 * notebook's working directory), a {@link File#pathSeparator}-separated list of paths, or a glob in its last
 * segment ({@code target/lib/*.jar}); every match is added to the notebook's classpath. A path or glob that
 * matches nothing is an error naming it, so a notebook never runs on with a missing library.
 */
final class ClasspathMagic implements LineMagic<Void, NotebookKernel> {

    @Override
    public Void eval(NotebookKernel kernel, List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%classpath/%jars needs at least one path or glob, got none");
        }
        for (String arg : args) {
            for (String entry : arg.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    for (Path path : expand(Path.of(entry.strip()))) {
                        kernel.addToClasspath(path);
                    }
                }
            }
        }
        return null;
    }

    /** The paths {@code pattern} names: itself when it exists, else the sorted matches of its last segment's glob. */
    static List<Path> expand(Path pattern) throws IOException {
        Path absolute = pattern.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return List.of(absolute);
        }
        Path dir = absolute.getParent();
        String glob = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        List<Path> matches = new ArrayList<>();
        if (dir != null && Files.isDirectory(dir) && glob.chars().anyMatch(c -> c == '*' || c == '?' || c == '{')) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> matcher.matches(p.getFileName())).sorted().forEach(matches::add);
            }
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no file matches '" + pattern + "' (resolved to " + absolute + ")");
        }
        return matches;
    }
}
