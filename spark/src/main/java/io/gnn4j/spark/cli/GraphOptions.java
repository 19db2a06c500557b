package io.gnn4j.spark.cli;

import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.graph.Graph;
import io.gnn4j.spark.BlockRows;
import io.gnn4j.spark.NodeRowsTable;
import io.gnn4j.spark.PartitionedGraph;
import io.gnn4j.spark.PropagationRound;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The options that say where the edges are and how the graph is partitioned (shared by the commands). */
final class GraphOptions {
    @Option(names = "--master", description = "Spark master URL (e.g. local[2], spark://host:7077); "
            + "default: the one spark-submit sets")
    String master;

    @Option(names = "--edges", description = "edge table: a Parquet file/directory or a CSV file with a header")
    String edges;

    @Option(names = "--dataset", description = "instead of --edges: a node dataset the driver reads with gnn4j's "
            + "datasets module (a known name or a path, e.g. a gnn4j Arrow folder nodes.arrow + edges.arrow), for "
            + "graphs that fit the driver; its own directedness is kept")
    String dataset;

    private NodeDataset loaded;

    @Option(names = "--format", defaultValue = "parquet", description = "parquet or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--src-column", defaultValue = "src", description = "source column (default: ${DEFAULT-VALUE})")
    String srcColumn;

    @Option(names = "--dst-column", defaultValue = "dst", description = "target column (default: ${DEFAULT-VALUE})")
    String dstColumn;

    @Option(names = "--nodes", defaultValue = "0", description = "number of nodes N; 0 = largest id + 1")
    int nodes;

    @Option(names = "--directed", description = "keep the edges directed (default: undirected, symmetrised)")
    boolean directed;

    @Option(names = "--partitions", required = true, description = "number of node-range partitions P")
    int partitions;

    @Option(names = "--out", required = true, description = "output Parquet directory")
    String out;

    SparkSession session(String app) {
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (master != null) {
            b.master(master);
        }
        return b.getOrCreate();
    }

    /**
     * Prints the rounds, writes the per-node rows as Parquet to {@code --out} (with the arg-max column when
     * {@code withPrediction}) and stops the session.
     */
    void finish(SparkSession spark, PrintWriter out, List<PropagationRound> rounds,
                JavaRDD<? extends BlockRows> rows, boolean withPrediction) {
        for (PropagationRound round : rounds) {
            out.println(round);
        }
        NodeRowsTable.toTable(spark, rows, withPrediction).write().mode("overwrite").parquet(this.out);
        out.println((withPrediction ? "predictions: " : "embeddings: ") + this.out);
        out.flush();
        spark.stop();
    }

    /** The --dataset, read once. */
    NodeDataset dataset() throws IOException {
        if (loaded == null) {
            loaded = Datasets.loadNodes(dataset);
        }
        return loaded;
    }

    PartitionedGraph load(SparkSession spark) throws IOException {
        if ((edges == null) == (dataset == null)) {
            throw new IllegalArgumentException("give exactly one of --edges and --dataset, got --edges " + edges
                    + " and --dataset " + dataset);
        }
        if (dataset != null) {
            Graph g = dataset().graph();
            return PartitionedGraph.fromEdges(PartitionedGraph.edgeTable(spark, g), g.numNodes(), partitions,
                    !g.isDirected());
        }
        return PartitionedGraph.fromEdges(PartitionedGraph.readEdges(spark, edges, format, srcColumn, dstColumn),
                nodes, partitions, !directed);
    }
}
