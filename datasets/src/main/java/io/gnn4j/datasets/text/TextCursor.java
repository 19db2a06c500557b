package io.gnn4j.datasets.text;

import io.gnn4j.datasets.DatasetFormatException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A strict, allocation-free cursor over the lines of a small text file held in memory: the shared parser of the
 * TU, edge-list, adjacency-list and MovieLens loaders. Every line must end with LF (a file that does not end with
 * one was truncated); a CR before the LF is an error unless allowed. Numbers follow a fixed grammar — integers
 * {@code [+-]?[0-9]+} that fit in 32 (or 64) bits, decimals {@code [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?} that are
 * finite as float, each ended by the line's end or a separator (blank, ',', ';', '|', ':') — and every failure
 * becomes a {@link DatasetFormatException} naming the file, the 1-based line and what was expected versus found.
 */
public final class TextCursor {
    private final Path file;
    private final byte[] b;
    private final Charset charset;
    private final boolean allowCr;
    private final boolean requireFinalNewline;
    private int next;
    private int lineNo;
    private int lineStart;
    private int lineEnd;
    private int pos;

    private TextCursor(Path file, byte[] bytes, Charset charset, boolean allowCr, boolean requireFinalNewline) {
        this.file = file;
        this.b = bytes;
        this.charset = charset;
        this.allowCr = allowCr;
        this.requireFinalNewline = requireFinalNewline;
    }

    /** A cursor for an ASCII/UTF-8 file with LF line endings whose last line ends with LF. */
    public static TextCursor of(Path file, byte[] bytes) {
        return new TextCursor(file, bytes, StandardCharsets.UTF_8, false, true);
    }

    /**
     * A cursor with explicit choices: the charset used for {@link #token()} and messages, whether CRLF endings are
     * accepted (the CR is then not part of the line), and whether the file must end with LF.
     */
    public static TextCursor of(Path file, byte[] bytes, Charset charset, boolean allowCr, boolean requireFinalNewline) {
        return new TextCursor(file, bytes, charset, allowCr, requireFinalNewline);
    }

    /** The file this cursor reads (for messages). */
    public Path file() {
        return file;
    }

    /**
     * Moves to the next line; false at the end of the file.
     *
     * @throws DatasetFormatException when the last line has no LF (and one is required) or a stray CR is found
     */
    public boolean nextLine() throws DatasetFormatException {
        if (next >= b.length) {
            return false;
        }
        lineNo++;
        lineStart = next;
        int i = next;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        if (i == b.length) {
            if (requireFinalNewline) {
                lineEnd = i;
                throw error("a line ending with LF", "end of file after '" + lineText() + "' (file truncated?)");
            }
            next = i;
        } else {
            next = i + 1;
        }
        lineEnd = i;
        if (lineEnd > lineStart && b[lineEnd - 1] == '\r') {
            if (!allowCr) {
                throw error("LF line endings", "CR before LF");
            }
            lineEnd--;
        }
        pos = lineStart;
        return true;
    }

    /** 1-based number of the current line. */
    public int lineNumber() {
        return lineNo;
    }

    /** Whether the current line has only spaces and tabs. */
    public boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Whether the current line's first non-blank character is one of {@code prefixes}. */
    public boolean startsWithAny(String prefixes) {
        int i = lineStart;
        while (i < lineEnd && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i < lineEnd && prefixes.indexOf(b[i] & 0xff) >= 0;
    }

    /** Skips spaces and tabs; returns whether the line has more characters. */
    public boolean skipBlanks() {
        while (pos < lineEnd && (b[pos] == ' ' || b[pos] == '\t')) {
            pos++;
        }
        return pos < lineEnd;
    }

    /** Whether only spaces/tabs remain on the line. */
    public boolean atEnd() {
        return !skipBlanks();
    }

    /** Requires that only spaces/tabs remain. */
    public void expectEnd() throws DatasetFormatException {
        if (skipBlanks()) {
            throw error("end of line", "'" + restText() + "'");
        }
    }

    /** Skips blanks, then requires the character {@code c}. */
    public void expect(char c) throws DatasetFormatException {
        if (!skipBlanks() || b[pos] != c) {
            throw error("'" + c + "'", pos < lineEnd ? "'" + restText() + "'" : "end of line");
        }
        pos++;
    }

    /** Skips blanks and consumes {@code c} if it is next; returns whether it was. */
    public boolean accept(char c) {
        if (skipBlanks() && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Skips blanks, then parses a 32-bit integer {@code [+-]?[0-9]+}. */
    public int nextInt() throws DatasetFormatException {
        long v = parseLong(Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer");
        return (int) v;
    }

    /** Skips blanks, then parses a 64-bit integer {@code [+-]?[0-9]+}. */
    public long nextLong() throws DatasetFormatException {
        return parseLong(Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer");
    }

    private long parseLong(long min, long max, String what) throws DatasetFormatException {
        skipBlanks();
        int start = pos;
        boolean neg = false;
        if (pos < lineEnd && (b[pos] == '+' || b[pos] == '-')) {
            neg = b[pos] == '-';
            pos++;
        }
        int digits = pos;
        long v = 0;
        boolean overflow = false;
        while (pos < lineEnd && b[pos] >= '0' && b[pos] <= '9') {
            int d = b[pos] - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
            } else {
                v = v * 10 + d;
            }
            pos++;
        }
        if (pos == digits) {
            pos = start;
            throw error(what, foundToken());
        }
        if (pos < lineEnd && isTokenChar(b[pos])) {
            int end = tokenEnd(start);
            pos = start;
            throw error(what, "'" + text(start, end) + "'");
        }
        long r = neg ? -v : v;
        if (overflow || r < min || r > max) {
            String tok = text(start, pos);
            pos = start;
            throw error(what + " in [" + min + ", " + max + "]", "'" + tok + "'");
        }
        return r;
    }

    /** Skips blanks, then parses a finite decimal number as float. */
    public float nextFloat() throws DatasetFormatException {
        double d = nextDecimal("a decimal number");
        float f = (float) d;
        if (!Float.isFinite(f)) {
            throw error("a finite float", "'" + lastToken + "'");
        }
        return f;
    }

    /** Skips blanks, then parses a finite decimal number as double. */
    public double nextDouble() throws DatasetFormatException {
        double d = nextDecimal("a decimal number");
        if (!Double.isFinite(d)) {
            throw error("a finite number", "'" + lastToken + "'");
        }
        return d;
    }

    private String lastToken = "";

    private double nextDecimal(String what) throws DatasetFormatException {
        skipBlanks();
        int start = pos;
        int i = pos;
        if (i < lineEnd && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < lineEnd && b[i] >= '0' && b[i] <= '9') {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < lineEnd && b[i] == '.') {
            i++;
            while (i < lineEnd && b[i] >= '0' && b[i] <= '9') {
                i++;
                fracDigits++;
            }
        }
        boolean ok = intDigits + fracDigits > 0;
        if (ok && i < lineEnd && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < lineEnd && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < lineEnd && b[i] >= '0' && b[i] <= '9') {
                i++;
                expDigits++;
            }
            ok = expDigits > 0;
        }
        if (!ok || (i < lineEnd && isTokenChar(b[i]))) {
            throw error(what, foundToken());
        }
        lastToken = text(start, i);
        pos = i;
        return Double.parseDouble(lastToken);
    }

    /**
     * Skips blanks, then returns the characters up to the next space, tab or one of {@code stops} (may be empty).
     */
    public String token(String stops) {
        skipBlanks();
        int start = pos;
        while (pos < lineEnd && b[pos] != ' ' && b[pos] != '\t' && stops.indexOf(b[pos] & 0xff) < 0) {
            pos++;
        }
        return text(start, pos);
    }

    /** Skips blanks, then returns the next whitespace-delimited token (may be empty at the end of the line). */
    public String token() {
        return token("");
    }

    /**
     * Returns the characters up to the next {@code sep} (not skipping blanks; the separator is consumed when
     * present) — a field of a '|'- or tab-separated line, possibly empty. Decoded with the cursor's charset.
     */
    public String field(char sep) {
        int start = pos;
        while (pos < lineEnd && b[pos] != sep) {
            pos++;
        }
        String s = text(start, pos);
        if (pos < lineEnd) {
            pos++;
        }
        return s;
    }

    /** Whether the character before the cursor is {@code c} (e.g. a field separator that was just consumed). */
    public boolean previousIs(char c) {
        return pos > lineStart && b[pos - 1] == c;
    }

    /** The whole current line as text (for messages and name fields). */
    public String lineText() {
        return text(lineStart, lineEnd);
    }

    /** An exception at the current line: "line N: expected X, found Y". */
    public DatasetFormatException error(String expected, String found) {
        return new DatasetFormatException(file, "line " + lineNo, "expected " + expected + ", found " + found);
    }

    private String foundToken() {
        if (pos >= lineEnd) {
            return "end of line";
        }
        return "'" + text(pos, tokenEnd(pos)) + "'";
    }

    private int tokenEnd(int from) {
        int i = from;
        while (i < lineEnd && b[i] != ' ' && b[i] != '\t' && b[i] != ',' && i - from < 40) {
            i++;
        }
        return Math.max(i, Math.min(from + 1, lineEnd));
    }

    private static boolean isTokenChar(byte c) {
        return c != ' ' && c != '\t' && c != ',' && c != ';' && c != '|' && c != ':';
    }

    private String restText() {
        return text(pos, Math.min(lineEnd, pos + 60));
    }

    private String text(int from, int to) {
        return new String(b, from, to - from, charset);
    }
}
