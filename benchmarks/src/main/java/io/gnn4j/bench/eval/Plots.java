package io.gnn4j.bench.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots of a {@link ResultsTable}, drawn with XChart in headless mode: for every run, its training and validation
 * curves (loss on the left, accuracy on the right, the best epoch marked), and one bar chart of a metric's mean per
 * model, grouped by dataset (one bar per model and dataset when not every model ran on every dataset), with ± std
 * error bars; and panels of plain lines ({@link #saveLines}, e.g. memory against depth).
 */
public final class Plots {
    private Plots() {
    }

    /** Writes {@code curves-<dataset>-<model>-run<i>.png} for every run with epochs and {@code <metric>.png}. */
    public static List<Path> write(ResultsTable table, String barMetric, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (RunResult r : table.results()) {
            if (r.history().epochs() > 0) {
                Path p = dir.resolve("curves-" + slug(r.dataset()) + "-" + slug(r.model()) + "-run" + r.run() + ".png");
                saveCurves(r, p);
                out.add(p);
            }
        }
        if (table.metricNames().contains(barMetric)) {
            Path p = dir.resolve(slug(barMetric) + ".png");
            saveBars(table, barMetric, p);
            out.add(p);
        }
        return out;
    }

    /** The two-panel curve plot of one run. */
    public static void saveCurves(RunResult r, Path file) throws IOException {
        TrainingHistory h = r.history();
        double[] epochs = new double[h.epochs()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }
        String title = r.model() + " on " + r.dataset() + ", run " + r.run() + " (seed " + r.seed() + ")";
        XYChart loss = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("epoch")
                .yAxisTitle("loss").build();
        XYChart acc = new XYChartBuilder().width(640).height(420).title("best epoch " + r.bestEpoch())
                .xAxisTitle("epoch").yAxisTitle("accuracy").build();
        for (XYChart c : List.of(loss, acc)) {
            c.getStyler().setMarkerSize(0);
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        }
        addSeries(loss, "train loss", epochs, h.trainLoss());
        addSeries(loss, "validation loss", epochs, h.valLoss());
        addSeries(acc, "train accuracy", epochs, h.trainAcc());
        addSeries(acc, "validation accuracy", epochs, h.valAcc());
        if (r.bestEpoch() >= 1 && r.bestEpoch() <= epochs.length) {
            double v = h.valAcc()[r.bestEpoch() - 1];
            if (Double.isFinite(v)) {
                XYSeries best = acc.addSeries("best epoch", new double[] {r.bestEpoch()}, new double[] {v});
                best.setMarker(SeriesMarkers.DIAMOND);
                best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                acc.getStyler().setMarkerSize(8);
            }
        }
        BitmapEncoder.saveBitmap(List.of(loss, acc), 1, 2, stripPng(file), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Bars of {@code metric}'s mean (percent for a fraction, else in its units) per model, one series per dataset,
     * with ± std error bars.
     */
    public static void saveBars(ResultsTable table, String metric, Path file) throws IOException {
        double scale = ResultsTable.isPercent(metric) ? 100 : 1;
        List<ResultsTable.Row> rows = table.rows();
        LinkedHashSet<String> models = new LinkedHashSet<>(), datasets = new LinkedHashSet<>();
        for (ResultsTable.Row row : rows) {
            models.add(row.model());
            datasets.add(row.dataset());
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(480, 200 + 110 * models.size() * datasets.size()))
                .height(480).title(ResultsTable.header(metric) + " per model").xAxisTitle("model")
                .yAxisTitle(ResultsTable.header(metric)).build();
        chart.getStyler().setLabelsVisible(true).setOverlapped(false);
        chart.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern(scale == 100 ? "0.0" : "0.000");
        if (scale == 100) {
            chart.getStyler().setYAxisMax(100.0);
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        List<String> modelList = List.copyOf(models);
        if (rows.size() == models.size() * datasets.size() && !table.mixesProtocols()) {
            // every model ran on every dataset: bars grouped by model, one colour per dataset
            for (String ds : datasets) {
                List<Double> means = new ArrayList<>(), errs = new ArrayList<>();
                for (String m : modelList) {
                    Summary s = summary(rows, ds, m, metric);
                    means.add(s.n() == 0 ? 0.0 : s.mean() * scale);
                    errs.add(s.n() == 0 ? 0.0 : s.std() * scale);
                }
                chart.addSeries(ds, modelList, means, errs);
            }
        } else {
            // XChart cannot leave a gap in a series with error bars: one bar per (model, dataset) that ran
            List<String> labels = new ArrayList<>();
            List<Double> means = new ArrayList<>(), errs = new ArrayList<>();
            for (ResultsTable.Row row : rows) {
                Summary s = row.metrics().get(metric);
                labels.add(row.model() + " / " + row.dataset()
                        + (table.mixesProtocols() ? " / " + row.protocol() : ""));
                means.add(s.n() == 0 ? 0.0 : s.mean() * scale);
                errs.add(s.n() == 0 ? 0.0 : s.std() * scale);
            }
            chart.addSeries(ResultsTable.header(metric), labels, means, errs);
        }
        BitmapEncoder.saveBitmap(chart, stripPng(file), BitmapEncoder.BitmapFormat.PNG);
    }

    /** One panel of {@link #saveLines}: its title, y axis and named series of points (x values, y values). */
    public record LinePanel(String title, String yAxis, Map<String, double[][]> series) {
        public LinePanel {
            series = new LinkedHashMap<>(series);
        }
    }

    /** Panels of lines with markers side by side, sharing the x axis {@code xAxis} (log₂ scale when asked). */
    public static void saveLines(List<LinePanel> panels, String xAxis, boolean logX, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> charts = new ArrayList<>();
        for (LinePanel panel : panels) {
            XYChart c = new XYChartBuilder().width(560).height(420).title(panel.title()).xAxisTitle(xAxis)
                    .yAxisTitle(panel.yAxis()).build();
            c.getStyler().setXAxisLogarithmic(logX).setLegendPosition(Styler.LegendPosition.InsideNW);
            for (Map.Entry<String, double[][]> s : panel.series().entrySet()) {
                c.addSeries(s.getKey(), s.getValue()[0], s.getValue()[1]);
            }
            charts.add(c);
        }
        BitmapEncoder.saveBitmap(charts, 1, charts.size(), stripPng(file), BitmapEncoder.BitmapFormat.PNG);
    }

    private static Summary summary(List<ResultsTable.Row> rows, String dataset, String model, String metric) {
        for (ResultsTable.Row row : rows) {
            if (row.dataset().equals(dataset) && row.model().equals(model)) {
                return row.metrics().get(metric);
            }
        }
        return Summary.of(new double[0]);
    }

    private static void addSeries(XYChart chart, String name, double[] x, double[] y) {
        int finite = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                finite++;
            }
        }
        if (finite == 0) {
            return;
        }
        double[] xs = new double[finite], ys = new double[finite];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                xs[j] = x[i];
                ys[j++] = y[i];
            }
        }
        chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.NONE);
    }

    /** XChart appends ".png" itself. */
    private static String stripPng(Path file) {
        String s = file.toString();
        return s.endsWith(".png") ? s.substring(0, s.length() - 4) : s;
    }

    /** A file-name-safe form of a dataset or model name. */
    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
    }
}
