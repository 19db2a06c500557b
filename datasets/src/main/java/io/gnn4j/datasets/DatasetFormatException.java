package io.gnn4j.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset file does not have the format its loader expects. The message always names the file, the place in it
 * (line, record, array or member) and what was expected versus what was found.
 */
public class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param file the offending file; @param where line/record/array; @param problem expected versus found */
    public DatasetFormatException(Path file, String where, String problem) {
        super(file + ": " + where + ": " + problem);
    }

    /** Same, keeping the low-level cause (e.g. a {@link NumberFormatException}). */
    public DatasetFormatException(Path file, String where, String problem, Throwable cause) {
        super(file + ": " + where + ": " + problem, cause);
    }
}
