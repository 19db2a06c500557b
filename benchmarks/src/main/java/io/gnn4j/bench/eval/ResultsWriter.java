package io.gnn4j.bench.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link ResultsTable} to an output directory: {@code runs.csv} (one line per run), {@code summary.csv}
 * (one line per dataset × model, mean and std of every metric), {@code curves.csv} (one line per run × epoch) and
 * {@code results.json} (the settings, the summary rows and every run with its curves). Fractions are written as
 * fractions, not percent; NaN is an empty CSV field and a JSON null.
 */
public final class ResultsWriter {
    private ResultsWriter() {
    }

    /** Writes the four files into {@code dir} (created if needed) and returns their paths. */
    public static List<Path> write(ResultsTable table, Map<String, ?> settings, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path runs = dir.resolve("runs.csv"), summary = dir.resolve("summary.csv"), curves = dir.resolve("curves.csv"),
                json = dir.resolve("results.json");
        try (Writer w = Files.newBufferedWriter(runs, StandardCharsets.UTF_8)) {
            w.write(runsCsv(table));
        }
        try (Writer w = Files.newBufferedWriter(summary, StandardCharsets.UTF_8)) {
            w.write(summaryCsv(table));
        }
        try (Writer w = Files.newBufferedWriter(curves, StandardCharsets.UTF_8)) {
            w.write(curvesCsv(table));
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(json.toFile(), toJson(mapper, table, settings));
        return List.of(runs, summary, curves, json);
    }

    /** {@code runs.csv}: dataset, model, protocol, run, seed, each metric, best_epoch, epochs, seconds_per_epoch,
     *  peak_memory_bytes. */
    public static String runsCsv(ResultsTable table) {
        List<String> names = table.metricNames();
        StringBuilder sb = new StringBuilder("dataset,model,protocol,run,seed");
        for (String n : names) {
            sb.append(',').append(csv(n));
        }
        sb.append(",best_epoch,epochs,seconds_per_epoch,peak_memory_bytes\n");
        for (RunResult r : table.results()) {
            sb.append(csv(r.dataset())).append(',').append(csv(r.model())).append(',').append(csv(r.protocol()))
                    .append(',').append(r.run()).append(',').append(r.seed());
            for (String n : names) {
                sb.append(',').append(num(r.metric(n)));
            }
            sb.append(',').append(r.bestEpoch()).append(',').append(r.epochs()).append(',')
                    .append(num(r.secondsPerEpoch())).append(',').append(r.peakMemory() < 0 ? "" : r.peakMemory())
                    .append('\n');
        }
        return sb.toString();
    }

    /** {@code summary.csv}: dataset, model, runs, mean and std of each metric, mean best epoch, seconds per epoch,
     *  peak memory bytes. */
    public static String summaryCsv(ResultsTable table) {
        List<String> names = table.metricNames();
        StringBuilder sb = new StringBuilder("dataset,model,protocol,runs");
        for (String n : names) {
            sb.append(',').append(csv(n + "_mean")).append(',').append(csv(n + "_std"));
        }
        sb.append(",best_epoch_mean,seconds_per_epoch,peak_memory_bytes\n");
        for (ResultsTable.Row row : table.rows()) {
            sb.append(csv(row.dataset())).append(',').append(csv(row.model())).append(',').append(csv(row.protocol()))
                    .append(',').append(row.runs());
            for (String n : names) {
                Summary s = row.metrics().get(n);
                sb.append(',').append(num(s.mean())).append(',').append(num(s.std()));
            }
            sb.append(',').append(num(row.meanBestEpoch())).append(',').append(num(row.secondsPerEpoch())).append(',')
                    .append(row.peakMemory() < 0 ? "" : row.peakMemory()).append('\n');
        }
        return sb.toString();
    }

    /** {@code curves.csv}: dataset, model, run, epoch (from 1), train_loss, train_acc, val_loss, val_acc, seconds. */
    public static String curvesCsv(ResultsTable table) {
        StringBuilder sb = new StringBuilder("dataset,model,run,epoch,train_loss,train_acc,val_loss,val_acc,seconds\n");
        for (RunResult r : table.results()) {
            TrainingHistory h = r.history();
            double[] tl = h.trainLoss(), ta = h.trainAcc(), vl = h.valLoss(), va = h.valAcc(), s = h.seconds();
            for (int e = 0; e < h.epochs(); e++) {
                sb.append(csv(r.dataset())).append(',').append(csv(r.model())).append(',').append(r.run()).append(',')
                        .append(e + 1).append(',').append(num(tl[e])).append(',').append(num(ta[e])).append(',')
                        .append(num(vl[e])).append(',').append(num(va[e])).append(',').append(num(s[e])).append('\n');
            }
        }
        return sb.toString();
    }

    /** The JSON document: {@code {"settings": {...}, "summary": [...], "runs": [...]}}. */
    public static ObjectNode toJson(ObjectMapper mapper, ResultsTable table, Map<String, ?> settings) {
        ObjectNode root = mapper.createObjectNode();
        root.set("settings", mapper.valueToTree(settings));
        ArrayNode summary = root.putArray("summary");
        for (ResultsTable.Row row : table.rows()) {
            ObjectNode o = summary.addObject();
            o.put("dataset", row.dataset());
            o.put("model", row.model());
            o.put("protocol", row.protocol());
            o.put("runs", row.runs());
            ObjectNode metrics = o.putObject("metrics");
            for (var e : row.metrics().entrySet()) {
                ObjectNode m = metrics.putObject(e.getKey());
                putNum(m, "mean", e.getValue().mean());
                putNum(m, "std", e.getValue().std());
                m.put("n", e.getValue().n());
            }
            putNum(o, "bestEpochMean", row.meanBestEpoch());
            putNum(o, "secondsPerEpoch", row.secondsPerEpoch());
            if (row.peakMemory() >= 0) {
                o.put("peakMemoryBytes", row.peakMemory());
            } else {
                o.putNull("peakMemoryBytes");
            }
        }
        ArrayNode runs = root.putArray("runs");
        for (RunResult r : table.results()) {
            ObjectNode o = runs.addObject();
            o.put("dataset", r.dataset());
            o.put("model", r.model());
            o.put("protocol", r.protocol());
            o.put("run", r.run());
            o.put("seed", r.seed());
            ObjectNode metrics = o.putObject("metrics");
            r.metrics().forEach((k, v) -> putNum(metrics, k, v));
            o.put("bestEpoch", r.bestEpoch());
            o.put("epochs", r.epochs());
            putNum(o, "secondsPerEpoch", r.secondsPerEpoch());
            if (r.peakMemory() >= 0) {
                o.put("peakMemoryBytes", r.peakMemory());
            } else {
                o.putNull("peakMemoryBytes");
            }
            ObjectNode curves = o.putObject("curves");
            putArray(curves, "trainLoss", r.history().trainLoss());
            putArray(curves, "trainAcc", r.history().trainAcc());
            putArray(curves, "valLoss", r.history().valLoss());
            putArray(curves, "valAcc", r.history().valAcc());
            putArray(curves, "seconds", r.history().seconds());
        }
        return root;
    }

    private static void putNum(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void putArray(ObjectNode o, String key, double[] values) {
        ArrayNode a = o.putArray(key);
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    /** Quotes a CSV field (RFC 4180) when it holds a comma, quote or line break. */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
