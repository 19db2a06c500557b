package io.gnn4j.spark.cli;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.datasets.generate.PlantedPartition;
import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.spark.NodeFeatures;
import io.gnn4j.spark.PartitionedGraph;
import io.gnn4j.spark.PropagationRound;
import io.gnn4j.spark.ShuffleMeter;
import io.gnn4j.spark.SparkFastRP;
import io.gnn4j.spark.SparkGcnInference;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gnn4j-spark scale}: the scaling table of docs/performance.md. On a planted-partition graph (the generator
 * of the JMH and PyG peer benchmarks) it times, in one JVM, single-JVM FastRP and one GCN forward pass (1 and 2
 * threads) and the same computations on Spark for every master and partition count, with the bytes each round
 * shuffles.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Scaling benchmark: single-JVM vs Spark FastRP and GCN inference on a planted-partition graph.")
final class ScaleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "100000", description = "N (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--draws", defaultValue = "1000000", description = "edge draws (default ${DEFAULT-VALUE})")
    int draws;

    @Option(names = "--features", defaultValue = "128", description = "F (default ${DEFAULT-VALUE})")
    int features;

    @Option(names = "--classes", defaultValue = "16", description = "C (default ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--hidden", defaultValue = "16", description = "GCN hidden width (default ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--dimension", defaultValue = "128", description = "FastRP d (default ${DEFAULT-VALUE})")
    int dimension;

    @Option(names = "--masters", split = ",", defaultValue = "local[1],local[2]", description = "Spark masters")
    List<String> masters;

    @Option(names = "--partitions", split = ",", defaultValue = "2,4,8", description = "partition counts")
    int[] partitions;

    @Option(names = "--work-dir", required = true, description = "directory for the edge table")
    String workDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        NodeDataset data = Generators.plantedPartition(
                new PlantedPartition(nodes, draws, features, classes, 0.7, 0.15, 0));
        Graph g = data.graph();
        FastRPParameters fastrp = FastRPParameters.gdsDefaults(dimension, 42);
        Sequential gcn = SparkGcnInference.kipfGcn(0.5f, features, hidden, classes);
        gcn.resetParameters(new SplittableRandom(1));
        gcn.eval();
        out.printf(Locale.ROOT, "graph: planted partition N=%d, E=%d stored entries, F=%d; FastRP %s; GCN %d-%d-%d%n",
                g.numNodes(), g.numEntries(), features, fastrp, features, hidden, classes);
        double[] singleFastRP = new double[3];
        double[] singleGcn = new double[3];
        for (int t = 1; t <= 2; t++) {
            ExecutionContext ctx = ExecutionContext.withThreads(t);
            singleFastRP[t] = secondOfTwo(() -> new FastRP(g, fastrp, ctx).compute());
            Tensor x = Tensor.of(g.numNodes(), features, data.features());
            singleGcn[t] = secondOfTwo(() -> gcn.forward(Tape.noGrad(ctx), g, x));
            out.printf(Locale.ROOT, "single JVM, %d thread(s): FastRP %.3f s, GCN forward %.3f s%n", t,
                    singleFastRP[t], singleGcn[t]);
        }
        out.flush();
        String edges = workDir + "/edges-" + nodes + ".parquet";
        List<String> rows = new ArrayList<>();
        rows.add("| master | P | build (s) | FastRP (s) | × single JVM | GCN (s) | × single JVM | boundary rows/round "
                + "| FastRP shuffle/round (Spark) | FastRP payload/round (own) | GCN shuffle/layer (Spark) |");
        rows.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        boolean written = false;
        for (String master : masters) {
            SparkSession spark = SparkSession.builder().master(master).appName("gnn4j-spark scale")
                    .config("spark.ui.enabled", "false").getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            if (!written) {
                PartitionedGraph.edgeTable(spark, g).write().mode("overwrite").parquet(edges);
                written = true;
            }
            int threads = spark.sparkContext().defaultParallelism();
            ShuffleMeter meter = ShuffleMeter.register(spark.sparkContext());
            boolean warm = false;
            for (int p : partitions) {
                long t0 = System.nanoTime();
                PartitionedGraph pg = PartitionedGraph.fromEdges(
                        PartitionedGraph.readEdges(spark, edges, "parquet", "src", "dst"), nodes, p, true);
                double build = (System.nanoTime() - t0) / 1e9;
                if (!warm) {
                    SparkFastRP.run(pg, fastrp, meter).embeddings().unpersist(false);
                    warm = true;
                }
                t0 = System.nanoTime();
                SparkFastRP.Result f = SparkFastRP.run(pg, fastrp, meter);
                double fastrpSeconds = (System.nanoTime() - t0) / 1e9;
                f.embeddings().unpersist(false);
                JavaRDD<NodeFeatures.Block> x = NodeFeatures.fromArray(pg, data.features(), features);
                t0 = System.nanoTime();
                SparkGcnInference.Result r = SparkGcnInference.run(pg, gcn, x, meter);
                double gcnSeconds = (System.nanoTime() - t0) / 1e9;
                r.outputs().unpersist(false);
                x.unpersist(false);
                int ref = Math.min(threads, 2);
                String row = String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f | %.2f | %.1f | %d | %s | %s | %s |",
                        master, p, build, fastrpSeconds, fastrpSeconds / singleFastRP[ref], gcnSeconds,
                        gcnSeconds / singleGcn[ref], pg.boundaryRowsPerRound(), mean(f.rounds(), true),
                        mean(f.rounds(), false), mean(r.rounds(), true));
                out.println(row);
                out.flush();
                rows.add(row);
                pg.unpersist();
            }
            meter.close();
            spark.stop();
        }
        out.println();
        rows.forEach(out::println);
        out.flush();
        return 0;
    }

    /** Runs twice and returns the seconds of the second run (the first warms the JIT). */
    private static double secondOfTwo(Runnable r) {
        r.run();
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Mean bytes per round, Spark's shuffle metric or our own payload count, in MB. */
    private static String mean(List<PropagationRound> rounds, boolean spark) {
        double s = 0;
        for (PropagationRound r : rounds) {
            s += spark ? r.shuffleBytes() : r.payloadBytes();
        }
        return String.format(Locale.ROOT, "%.1f MB", s / rounds.size() / 1e6);
    }
}
