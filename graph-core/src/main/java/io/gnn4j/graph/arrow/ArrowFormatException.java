package io.gnn4j.graph.arrow;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An Arrow IPC file does not hold the graph table it should: it is truncated or not Arrow at all, a column is
 * missing or has the wrong type, lengths disagree, or a value is invalid (an id out of range, a NaN weight). The
 * message names the file, the column and, when the problem sits in one value, its row (counted from 0 across all
 * record batches).
 */
public class ArrowFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Row number meaning "the problem is not in one row" (schema, metadata, framing). */
    public static final long NO_ROW = -1;

    private final transient Path file;
    private final String column;
    private final long row;
    private final String problem;

    /** A problem in one value: {@code file: column 'c', row r: problem}. */
    public ArrowFormatException(Path file, String column, long row, String problem) {
        this(file, column, row, problem, null);
    }

    /** A problem with a whole column (type, presence): {@code file: column 'c': problem}. */
    public ArrowFormatException(Path file, String column, String problem) {
        this(file, column, NO_ROW, problem, null);
    }

    /** A problem anywhere in a value, column or the file itself, keeping the low-level cause. */
    public ArrowFormatException(Path file, String column, long row, String problem, Throwable cause) {
        super(message(file, column, row, problem), cause);
        this.file = file;
        this.column = column;
        this.row = row;
        this.problem = problem;
    }

    private static String message(Path file, String column, long row, String problem) {
        StringBuilder sb = new StringBuilder().append(file).append(": ");
        if (column != null) {
            sb.append("column '").append(column).append('\'');
            if (row != NO_ROW) {
                sb.append(", row ").append(row);
            }
            sb.append(": ");
        } else if (row != NO_ROW) {
            sb.append("row ").append(row).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** The offending column, or {@code null} when the problem is the file itself (e.g. truncation). */
    public String column() {
        return column;
    }

    /** What was expected versus found, without the file, column and row. */
    public String problem() {
        return problem;
    }

    /** The offending row counted from 0 across record batches, or {@link #NO_ROW}. */
    public long row() {
        return row;
    }
}
