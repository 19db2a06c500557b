package io.gnn4j.bench.cli;

import io.gnn4j.bench.eval.Plots;
import io.gnn4j.bench.task.DepthSweep;
import io.gnn4j.bench.task.Training;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.datasets.generate.PlantedPartition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gnn4j depth-sweep}: peak memory and time per epoch of backprop and forward learning against depth on the
 * planted-partition graph of the PyG peer benchmark (issue #13). Every (training, depth) point runs in its own JVM
 * ({@link DepthSweep#measure}), so each peak RSS is that run's alone; the table, a CSV and a plot go to
 * {@code --output}.
 */
@Command(name = "depth-sweep", mixinStandardHelpOptions = true,
        description = "Peak memory (RSS and tape live bytes) and time per epoch against depth: backprop vs forward "
                + "learning on the planted-partition graph, each point in its own JVM.",
        footer = {"", "Example:", "  ./gnn4j depth-sweep --depths 2,4,8,16,32 --training backprop,forward-sf,tpsgd "
                + "--threads 1 --output results/depth-sweep"})
final class DepthSweepCommand implements Callable<Integer> {
    private static final String POINT = "point ";
    private static final double MB = 1024.0 * 1024.0;

    @Spec
    CommandSpec spec;

    @Option(names = "--depths", split = ",", defaultValue = "2,4,8,16,32",
            description = "numbers of layers (default: ${DEFAULT-VALUE})")
    int[] depths;

    @Option(names = "--training", split = ",", defaultValue = "backprop,forward-sf,tpsgd",
            description = "how to train: backprop, forward-sf, ff, tpsgd (default: ${DEFAULT-VALUE})")
    List<String> trainings;

    @Option(names = "--epochs", defaultValue = "3",
            description = "epochs of the backprop stack, and of every layer of forward learning; the first is a "
                    + "warm-up left out of the time (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--hidden", defaultValue = "128", description = "layer width (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--nodes", defaultValue = "100000",
            description = "nodes of the planted partition; 10 edge draws per node, 128 features, 16 classes as the "
                    + "PyG peer's (default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--seed", defaultValue = "0", description = "graph and weight seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "threads per point (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--backprop-max-depth", paramLabel = "D", defaultValue = "0",
            description = "skip backprop deeper than D (its activation memory grows linearly with depth; 0 = no "
                    + "limit); skipped points are listed as not run")
    int backpropMaxDepth;

    @Option(names = "--output", paramLabel = "DIR", description = "writes depth-sweep.md, .csv and .png there")
    Path output;

    @Option(names = "--from-csv", paramLabel = "FILE",
            description = "measure nothing: write the table and plot of the points in FILE (a finished or "
                    + "interrupted sweep's depth-sweep.csv) to --output")
    Path fromCsv;

    @Option(names = "--point", paramLabel = "TRAINING:DEPTH", hidden = true,
            description = "measure one point in this JVM and print it (what each child process runs)")
    String point;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (epochs < 1 || hidden < 1 || nodes < 16 || depths.length == 0) {
            throw new IllegalArgumentException("need --epochs >= 1, --hidden >= 1, --nodes >= 16 and a depth, got "
                    + epochs + ", " + hidden + ", " + nodes + ", " + depths.length + " depths");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (point != null) {
            String[] td = point.split(":");
            if (td.length != 2) {
                throw new IllegalArgumentException("--point must be TRAINING:DEPTH, got '" + point + "'");
            }
            NodeDataset data = Generators.plantedPartition(
                    new PlantedPartition(nodes, 10 * nodes, 128, 16, 0.7, 0.15, seed));
            DepthSweep.Point p = DepthSweep.measure(Training.parse(td[0]), Integer.parseInt(td[1]), hidden, epochs,
                    data, seed, Reporting.context(threads));
            out.println(POINT + csv(p));
            out.flush();
            return 0;
        }
        if (fromCsv != null) {
            List<DepthSweep.Point> points = new ArrayList<>();
            for (String line : Files.readAllLines(fromCsv)) {
                if (!line.isBlank() && !line.equals(HEADER)) {
                    points.add(parse(line));
                }
            }
            report(points, List.of(), "not recorded (table redrawn from " + fromCsv.getFileName() + ")",
                    loadAverage(), out);
            return 0;
        }
        String loadBefore = loadAverage();
        if (output != null) {
            Files.createDirectories(output);
            Files.writeString(output.resolve("depth-sweep.csv"), HEADER + "\n");
        }
        List<DepthSweep.Point> points = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int d : depths) {                    // depth-major: the deepest points, the slowest, come last
            for (String t : trainings) {
                Training how = Training.parse(t);
                if (how == Training.BACKPROP && backpropMaxDepth > 0 && d > backpropMaxDepth) {
                    missing.add(how.label() + " at depth " + d + ": not run (deeper than --backprop-max-depth "
                            + backpropMaxDepth + ")");
                    continue;
                }
                spec.commandLine().getErr().printf("depth-sweep: %s at depth %d...%n", how.label(), d);
                DepthSweep.Point p = child(how, d);
                if (p == null) {
                    missing.add(how.label() + " at depth " + d + ": failed");
                    continue;
                }
                points.add(p);
                spec.commandLine().getErr().println("depth-sweep: " + csv(p));
                if (output != null) {
                    Files.writeString(output.resolve("depth-sweep.csv"), csv(p) + "\n", StandardOpenOption.APPEND);
                }
            }
        }
        report(points, missing, loadBefore, loadAverage(), out);
        return missing.stream().anyMatch(f -> f.endsWith("failed")) ? 1 : 0;
    }

    /** Prints the table and writes it and the plot to {@code --output} when given. */
    private void report(List<DepthSweep.Point> points, List<String> missing, String loadBefore, String loadAfter,
                        PrintWriter out) throws IOException {
        points.sort(Comparator.comparing(DepthSweep.Point::training).thenComparingInt(DepthSweep.Point::depth));
        String report = markdown(points, missing, loadBefore, loadAfter);
        out.print(report);
        out.flush();
        if (output != null) {
            Files.createDirectories(output);
            Files.writeString(output.resolve("depth-sweep.md"), report);
            plot(points, output.resolve("depth-sweep.png"));
        }
    }

    /** Runs one point in a fresh JVM with this one's flags and class path; null when it failed. */
    private DepthSweep.Point child(Training how, int depth) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Gnn4j.class.getName(), "depth-sweep",
                "--point", how.label() + ":" + depth, "--epochs", Integer.toString(epochs), "--hidden",
                Integer.toString(hidden), "--nodes", Integer.toString(nodes), "--seed", Long.toString(seed),
                "--threads", Integer.toString(threads)));
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        DepthSweep.Point p = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(POINT)) {
                    p = parse(line.substring(POINT.length()));
                }
            }
        }
        int rc = proc.waitFor();
        if (rc != 0) {
            spec.commandLine().getErr().printf("depth-sweep: %s at depth %d failed (exit code %d)%n", how.label(),
                    depth, rc);
            return null;
        }
        return p;
    }

    private static final String HEADER = "training,depth,parameter_bytes,tape_peak_bytes,peak_rss_bytes,"
            + "seconds_per_step,seconds_per_epoch";

    static String csv(DepthSweep.Point p) {
        return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.6f,%.6f", p.training().label(), p.depth(),
                p.parameterBytes(), p.tapePeakBytes(), p.peakRssBytes(), p.secondsPerStep(), p.secondsPerEpoch());
    }

    static DepthSweep.Point parse(String line) {
        String[] f = line.split(",");
        if (f.length != 7) {
            throw new IllegalArgumentException("a depth-sweep point has 7 fields, got " + f.length + ": " + line);
        }
        return new DepthSweep.Point(Training.parse(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
    }

    /**
     * The table: one row per point, the per-layer step beside it (backprop's step divided by the depth) and the cost
     * of the layers added since the same training's previous depth ((s/epoch − s/epoch at the previous depth) /
     * (depth − previous depth)). The added layers are hidden-to-hidden layers of the same width for every training,
     * whereas backprop's per-layer share also averages in its narrow output layer, so the last column compares
     * like with like.
     */
    static String markdown(List<DepthSweep.Point> points, List<String> missing, String loadBefore, String loadAfter) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Load average (1, 5, 15 min) before: %s; after: %s%n%n", loadBefore,
                loadAfter));
        s.append("| training | depth | parameters (MB) | tape peak (MB) | peak RSS (MB) | s/epoch | s/layer-step "
                + "| s/added layer |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (DepthSweep.Point p : points) {
            double perLayer = p.training() == Training.BACKPROP ? p.secondsPerStep() / p.depth() : p.secondsPerStep();
            DepthSweep.Point previous = points.stream()
                    .filter(q -> q.training() == p.training() && q.depth() < p.depth())
                    .max(java.util.Comparator.comparingInt(DepthSweep.Point::depth)).orElse(null);
            String added = previous == null ? "" : String.format(Locale.ROOT, "%.3f",
                    (p.secondsPerEpoch() - previous.secondsPerEpoch()) / (p.depth() - previous.depth()));
            s.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f | %.0f | %.3f | %.3f | %s |%n",
                    p.training().label(), p.depth(), p.parameterBytes() / MB, p.tapePeakBytes() / MB,
                    p.peakRssBytes() / MB, p.secondsPerEpoch(), perLayer, added));
        }
        for (String f : missing) {
            s.append("| ").append(f).append(" | | | | | | | |\n");
        }
        return s.toString();
    }

    private static void plot(List<DepthSweep.Point> points, Path file) throws IOException {
        Map<String, List<DepthSweep.Point>> by = new LinkedHashMap<>();
        for (DepthSweep.Point p : points) {
            by.computeIfAbsent(p.training().label(), k -> new ArrayList<>()).add(p);
        }
        Map<String, double[][]> rss = new LinkedHashMap<>(), tape = new LinkedHashMap<>(), time = new LinkedHashMap<>();
        for (Map.Entry<String, List<DepthSweep.Point>> e : by.entrySet()) {
            List<DepthSweep.Point> ps = e.getValue();
            double[] x = ps.stream().mapToDouble(DepthSweep.Point::depth).toArray();
            rss.put(e.getKey(), new double[][] {x, ps.stream().mapToDouble(p -> p.peakRssBytes() / MB).toArray()});
            tape.put(e.getKey(), new double[][] {x, ps.stream().mapToDouble(p -> p.tapePeakBytes() / MB).toArray()});
            time.put(e.getKey(), new double[][] {x, ps.stream().mapToDouble(DepthSweep.Point::secondsPerEpoch)
                    .toArray()});
        }
        Plots.saveLines(List.of(new Plots.LinePanel("peak RSS", "MB", rss),
                new Plots.LinePanel("tape peak live bytes", "MB", tape),
                new Plots.LinePanel("time per epoch", "s", time)), "depth (layers)", true, file);
    }

    /** The first three fields of {@code /proc/loadavg}, or "unknown". */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
