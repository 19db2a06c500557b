package io.gnn4j.bench.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Aggregates run results into one row per (dataset, model, protocol), in first-seen order: every metric as mean ± std
 * over the runs (fractions such as accuracy shown in percent, errors such as MAE as they are), the mean best epoch, mean seconds per epoch and the largest peak memory of any
 * run. Renders the rows as a Markdown table, the form a paper prints, with a protocol column when the runs used more
 * than one protocol (runs of different protocols are never averaged together).
 */
public final class ResultsTable {
    /** One aggregated row. */
    public record Row(String dataset, String model, String protocol, int runs, Map<String, Summary> metrics, double meanBestEpoch,
                      double secondsPerEpoch, long peakMemory) {
    }

    private final List<RunResult> results = new ArrayList<>();

    /** Adds one run. */
    public void add(RunResult r) {
        results.add(r);
    }

    /** Every run added, in order. */
    public List<RunResult> results() {
        return List.copyOf(results);
    }

    /** The metric names of all runs, in first-seen order. */
    public List<String> metricNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (RunResult r : results) {
            names.addAll(r.metrics().keySet());
        }
        return List.copyOf(names);
    }

    /** Whether the runs used more than one protocol. */
    public boolean mixesProtocols() {
        return results.stream().map(RunResult::protocol).distinct().count() > 1;
    }

    /** The aggregated rows, one per (dataset, model, protocol) in first-seen order. */
    public List<Row> rows() {
        LinkedHashMap<List<String>, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(List.of(r.dataset(), r.model(), r.protocol()), k -> new ArrayList<>()).add(r);
        }
        List<String> names = metricNames();
        List<Row> rows = new ArrayList<>();
        for (List<RunResult> g : groups.values()) {
            LinkedHashMap<String, Summary> m = new LinkedHashMap<>();
            for (String name : names) {
                double[] v = new double[g.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = g.get(i).metric(name);
                }
                m.put(name, Summary.of(v));
            }
            double best = 0, secs = 0;
            int secN = 0;
            long peak = -1;
            for (RunResult r : g) {
                best += r.bestEpoch();
                if (!Double.isNaN(r.secondsPerEpoch())) {
                    secs += r.secondsPerEpoch();
                    secN++;
                }
                peak = Math.max(peak, r.peakMemory());
            }
            rows.add(new Row(g.getFirst().dataset(), g.getFirst().model(), g.getFirst().protocol(), g.size(), m, best / g.size(),
                    secN == 0 ? Double.NaN : secs / secN, peak));
        }
        return rows;
    }

    /** Column header of a metric: {@code test_acc} → "test acc (%)", {@code test_mae} → "test mae". */
    public static String header(String metric) {
        return metric.replace('_', ' ') + (isPercent(metric) ? " (%)" : "");
    }

    /**
     * Whether the metric is a fraction shown in percent (accuracy, AUC, F1, Hits@K), rather than an error or
     * score in its own units (MAE, RMSE, R²).
     */
    public static boolean isPercent(String metric) {
        return metric.contains("acc") || metric.contains("auc") || metric.contains("f1") || metric.contains("hits");
    }

    /** The metric's "mean ± std": percent with one decimal, else four decimals. */
    public static String format(String metric, Summary s) {
        return isPercent(metric) ? s.format(100, 1) : s.format(1, 4);
    }

    /** The table in Markdown, one header line, one alignment line and one line per row, each ending in '\n'. */
    public String toMarkdown() {
        List<String> names = metricNames();
        boolean protocols = mixesProtocols();
        StringBuilder sb = new StringBuilder(protocols ? "| dataset | model | protocol | runs |" : "| dataset | model | runs |");
        for (String n : names) {
            sb.append(' ').append(header(n)).append(" |");
        }
        sb.append(" best epoch | s/epoch | peak memory (MB) |\n|---|---|").append(protocols ? "---|" : "").append("---:|");
        sb.append("---:|".repeat(names.size())).append("---:|---:|---:|\n");
        for (Row row : rows()) {
            sb.append("| ").append(row.dataset()).append(" | ").append(row.model()).append(" | ");
            if (protocols) {
                sb.append(row.protocol()).append(" | ");
            }
            sb.append(row.runs()).append(" |");
            for (String n : names) {
                sb.append(' ').append(format(n, row.metrics().get(n))).append(" |");
            }
            sb.append(String.format(Locale.ROOT, " %.1f | %s | %s |%n", row.meanBestEpoch(),
                    Double.isNaN(row.secondsPerEpoch()) ? "n/a" : String.format(Locale.ROOT, "%.4f", row.secondsPerEpoch()),
                    row.peakMemory() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", row.peakMemory() / 1048576.0)));
        }
        return sb.toString().replace("\r\n", "\n");
    }
}
