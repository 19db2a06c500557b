package io.gnn4j.spark.cli;

import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.embed.FastRPParameters.IterationNormalization;
import io.gnn4j.spark.PartitionedGraph;
import io.gnn4j.spark.ShuffleMeter;
import io.gnn4j.spark.SparkFastRP;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gnn4j-spark fastrp}: FastRP embeddings of a partitioned graph, written as Parquet (node, values). */
@Command(name = "fastrp", mixinStandardHelpOptions = true,
        description = "FastRP (Chen et al., CIKM 2019) as K rounds of partitioned SpMM; embeddings as Parquet.")
final class FastRPCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", defaultValue = "gds", description = "gds (Neo4j GDS defaults: s = 3, weights 0,1,1, "
            + "L2 per power) or paper (s = √N, β = −0.64, weights 0,0,1,6.67, columns standardised); default "
            + "${DEFAULT-VALUE}")
    String config;

    @Option(names = "--dimension", defaultValue = "128", description = "embedding dimension d (default ${DEFAULT-VALUE})")
    int dimension;

    @Option(names = "--weights", split = ",", description = "iteration weights α₁..α_q (overrides the config's)")
    double[] weights;

    @Option(names = "--normalization", description = "NONE, L2_COMBINE or L2_PROPAGATE (overrides the config's)")
    IterationNormalization normalization;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        FastRPParameters.Builder b = switch (config) {
            case "gds" -> FastRPParameters.gdsDefaults(dimension, seed).toBuilder();
            case "paper" -> FastRPParameters.paperBlogCatalog(dimension, seed).toBuilder();
            default -> throw new IllegalArgumentException("--config must be gds or paper, got " + config);
        };
        if (weights != null) {
            b.iterationWeights(weights);
        }
        if (normalization != null) {
            b.normalization(normalization);
        }
        FastRPParameters params = b.build();
        SparkSession spark = graph.session("gnn4j-spark fastrp");
        ShuffleMeter meter = ShuffleMeter.register(spark.sparkContext());
        PartitionedGraph g = graph.load(spark);
        PrintWriter out = spec.commandLine().getOut();
        out.println(g);
        SparkFastRP.Result r = SparkFastRP.run(g, params, meter);
        graph.finish(spark, out, r.rounds(), r.embeddings(), false);
        return 0;
    }
}
