package io.gnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.Graph;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.SAGEConv;
import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.StateDict;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkGcnInferenceTest {
    private static final int N = 2000;
    private static final int F = 12;

    @TempDir
    Path dir;

    @Test
    void predictionsEqualSingleJvmInferenceOfTheSavedModel() throws Exception {
        int[][] edges = LocalSpark.randomEdges(N, 8000, 5);
        Graph g = LocalSpark.graph(N, edges, true);
        SplittableRandom r = new SplittableRandom(9);
        float[] x = new float[N * F];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        Sequential trained = SparkGcnInference.kipfGcn(0.5f, F, 16, 8, 5);
        trained.resetParameters(new SplittableRandom(3));
        Path weights = dir.resolve("gcn.safetensors");
        StateDict.save(trained, weights);
        trained.eval();
        float[] expected = trained.forward(Tape.noGrad(), g, Tensor.of(N, F, x)).toFloatArray();

        Sequential loaded = SparkGcnInference.kipfGcn(0.5f, F, 16, 8, 5);
        StateDict.load(loaded, weights);
        PartitionedGraph pg = PartitionedGraph.fromEdges(LocalSpark.parquetEdges(dir, edges), N, 3, true);
        JavaRDD<NodeFeatures.Block> features = NodeFeatures.fromTable(pg, featureTable(x), "node", "features", F);
        ShuffleMeter meter = ShuffleMeter.register(LocalSpark.session().sparkContext());
        try {
            SparkGcnInference.Result res = SparkGcnInference.run(pg, loaded, features, meter);
            assertEquals(5, res.width());
            assertEquals(3, res.rounds().size(), "one propagation round per GCN layer");
            String out = dir.resolve("pred").toString();
            NodeRowsTable.toTable(LocalSpark.session(), res.outputs(), true).write().parquet(out);
            Dataset<Row> back = LocalSpark.session().read().parquet(out);
            float[] actual = NodeRowsTable.collect(back, N, 5);
            double max = 0, scale = 0;
            for (int i = 0; i < expected.length; i++) {
                max = Math.max(max, Math.abs(expected[i] - actual[i]));
                scale = Math.max(scale, Math.abs(expected[i]));
            }
            assertTrue(scale > 0.1, "the logits are not trivially zero: " + scale);
            assertTrue(max < 1e-5 * Math.max(1, scale), "largest difference " + max);
            int[] argmax = Tensor.of(N, 5, expected).argmaxRows();
            for (Row row : back.select("node", "prediction").collectAsList()) {
                assertEquals(argmax[row.getInt(0)], row.getInt(1), "prediction of node " + row.getInt(0));
            }
        } finally {
            meter.close();
            pg.unpersist();
        }
    }

    @Test
    void aDirectedGraphIsRejected() {
        PartitionedGraph pg = PartitionedGraph.fromEdges(LocalSpark.parquetEdges(dir, LocalSpark.randomEdges(40, 80,
                6)), 40, 2, false);
        JavaRDD<NodeFeatures.Block> features = NodeFeatures.fromArray(pg, new float[40 * 3], 3);
        ShuffleMeter meter = ShuffleMeter.register(LocalSpark.session().sparkContext());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkGcnInference.run(pg, SparkGcnInference.kipfGcn(0f, 3, 2), features, meter));
        assertTrue(e.getMessage().contains("undirected"), e.getMessage());
        meter.close();
        pg.unpersist();
    }

    @Test
    void anUnsupportedLayerIsNamedInTheError() {
        Sequential m = new Sequential(new GraphModule[] {new SAGEConv(4, 2)});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkGcnInference.compile(m));
        assertTrue(e.getMessage().contains("SAGEConv"), e.getMessage());
    }

    private static Dataset<Row> featureTable(float[] x) {
        List<Row> rows = new ArrayList<>(N);
        for (int u = 0; u < N; u++) {
            float[] v = new float[F];
            System.arraycopy(x, u * F, v, 0, F);
            rows.add(RowFactory.create(u, v));
        }
        StructType schema = new StructType().add("node", DataTypes.IntegerType)
                .add("features", DataTypes.createArrayType(DataTypes.FloatType));
        return LocalSpark.session().createDataFrame(rows, schema);
    }
}
