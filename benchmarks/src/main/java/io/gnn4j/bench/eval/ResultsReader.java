package io.gnn4j.bench.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the {@code runs.csv} that {@link ResultsWriter} writes, so that runs made by several invocations (e.g.
 * seeds 0–4 and 5–9, each short enough for a shared machine) can be summarised as one table. Curves are not read:
 * the runs come back with empty histories.
 */
public final class ResultsReader {
    private static final List<String> FIXED_HEAD = List.of("dataset", "model", "protocol", "run", "seed");
    private static final List<String> FIXED_TAIL = List.of("best_epoch", "epochs", "seconds_per_epoch",
            "peak_memory_bytes");

    private ResultsReader() {
    }

    /** The runs of one {@code runs.csv}; an error names the file, the line and what was expected. */
    public static List<RunResult> readRuns(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty, expected a runs.csv header");
        }
        List<String> header = fields(lines.getFirst());
        int n = header.size();
        if (n < FIXED_HEAD.size() + FIXED_TAIL.size() || !header.subList(0, 5).equals(FIXED_HEAD)
                || !header.subList(n - 4, n).equals(FIXED_TAIL)) {
            throw new IllegalArgumentException(file + ": line 1: expected the runs.csv header " + FIXED_HEAD
                    + " + metrics + " + FIXED_TAIL + ", found " + header);
        }
        List<String> metricNames = header.subList(5, n - 4);
        List<RunResult> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> f = fields(lines.get(i));
            if (f.size() != n) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": expected " + n + " fields, found "
                        + f.size());
            }
            try {
                Map<String, Double> metrics = new LinkedHashMap<>();
                for (int m = 0; m < metricNames.size(); m++) {
                    metrics.put(metricNames.get(m), number(f.get(5 + m)));
                }
                out.add(new RunResult(f.get(0), f.get(1), f.get(2), Integer.parseInt(f.get(3)), Long.parseLong(f.get(4)),
                        metrics, Integer.parseInt(f.get(n - 4)), Integer.parseInt(f.get(n - 3)), number(f.get(n - 2)),
                        f.get(n - 1).isEmpty() ? -1 : Long.parseLong(f.get(n - 1)), new TrainingHistory()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": expected numbers, found "
                        + e.getMessage());
            }
        }
        return out;
    }

    private static double number(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** Splits one RFC 4180 line (quoted fields may hold commas and doubled quotes). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
