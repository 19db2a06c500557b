package io.gnn4j.spark.cli;

import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.StateDict;
import io.gnn4j.spark.NodeFeatures;
import io.gnn4j.spark.PartitionedGraph;
import io.gnn4j.spark.ShuffleMeter;
import io.gnn4j.spark.SparkGcnInference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gnn4j-spark gcn}: predictions of a trained GCN (a safetensors state dict) for every node, as Parquet. */
@Command(name = "gcn", mixinStandardHelpOptions = true,
        description = "Full-graph inference of a trained gnn4j GCN (Kipf & Welling 2017) over a partitioned graph; "
                + "logits and predicted class per node as Parquet (node, values, prediction).")
final class GcnCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "the model's state dict (safetensors, "
            + "StateDict.save), read by the driver")
    Path model;

    @Option(names = "--widths", required = true, split = ",", description = "layer widths F,hidden...,C of the "
            + "GCN as gnn4j's node benchmarks build it ([dropout → GCNConv → ReLU]× → dropout → GCNConv)")
    int[] widths;

    @Option(names = "--features", description = "Parquet table of node features (default with --dataset: the "
            + "dataset's own features)")
    String features;

    @Option(names = "--node-column", defaultValue = "node", description = "node id column (default ${DEFAULT-VALUE})")
    String nodeColumn;

    @Option(names = "--feature-column", defaultValue = "features",
            description = "array<float> feature column (default ${DEFAULT-VALUE})")
    String featureColumn;

    @Override
    public Integer call() throws IOException {
        Sequential m = SparkGcnInference.kipfGcn(0f, widths);
        StateDict.load(m, model);
        SparkSession spark = graph.session("gnn4j-spark gcn");
        ShuffleMeter meter = ShuffleMeter.register(spark.sparkContext());
        PartitionedGraph g = graph.load(spark);
        PrintWriter out = spec.commandLine().getOut();
        out.println(g);
        JavaRDD<NodeFeatures.Block> x;
        if (features != null) {
            x = NodeFeatures.fromTable(g, spark.read().parquet(features), nodeColumn, featureColumn, widths[0]);
        } else if (graph.dataset != null) {
            if (graph.dataset().numFeatures() != widths[0]) {
                throw new IllegalArgumentException("the dataset has " + graph.dataset().numFeatures()
                        + " features but --widths starts with " + widths[0]);
            }
            x = NodeFeatures.fromArray(g, graph.dataset().features(), graph.dataset().numFeatures());
        } else {
            throw new IllegalArgumentException("--features is needed with --edges");
        }
        SparkGcnInference.Result r = SparkGcnInference.run(g, m, x, meter);
        graph.finish(spark, out, r.rounds(), r.outputs(), true);
        return 0;
    }
}
