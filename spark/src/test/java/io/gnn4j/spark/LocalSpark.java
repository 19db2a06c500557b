package io.gnn4j.spark;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One Spark session in local mode ({@code local[2]}) shared by the test classes of the module, and test graphs. */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {}

    static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder().master("local[2]").appName("gnn4j-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            SparkSession current = session;
            Runtime.getRuntime().addShutdownHook(new Thread(current::stop));
        }
        return session;
    }

    /** m random edge draws (u, v) on n nodes, self loops and repeats included. */
    static int[][] randomEdges(int n, int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] e = new int[2][m];
        for (int k = 0; k < m; k++) {
            e[0][k] = r.nextInt(n);
            e[1][k] = r.nextInt(n);
        }
        return e;
    }

    /** The single-JVM graph of an edge list. */
    static Graph graph(int n, int[][] e, boolean undirected) {
        return (undirected ? GraphBuilder.undirected(n) : GraphBuilder.directed(n)).addEdges(e[0], e[1]).build();
    }

    /** The edges as a CSV file with the header {@code header} (two column names). */
    static Path csvEdges(Path dir, int[][] e, String header) throws IOException {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int k = 0; k < e[0].length; k++) {
            csv.append(e[0][k]).append(',').append(e[1][k]).append('\n');
        }
        return Files.writeString(dir.resolve("edges.csv"), csv);
    }

    /** The edges as a Spark table (src, dst), written to Parquet under {@code dir} and read back. */
    static Dataset<Row> parquetEdges(Path dir, int[][] e) {
        List<Row> rows = new ArrayList<>(e[0].length);
        for (int k = 0; k < e[0].length; k++) {
            rows.add(RowFactory.create(e[0][k], e[1][k]));
        }
        StructType schema = new StructType().add("src", DataTypes.IntegerType).add("dst", DataTypes.IntegerType);
        String path = dir.resolve("edges.parquet").toString();
        session().createDataFrame(rows, schema).repartition(3).write().parquet(path);
        return PartitionedGraph.readEdges(session(), path, "parquet", "src", "dst");
    }
}
