package io.gnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.embed.FastRPParameters.IterationNormalization;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkFastRPTest {
    private static final int N = 3000;

    @TempDir
    Path dir;

    /** Runs both paths and returns the largest absolute difference. */
    private double maxDifference(int[][] edges, boolean undirected, int partitions, FastRPParameters params) {
        Graph g = LocalSpark.graph(N, edges, undirected);
        float[] expected = new FastRP(g, params, ExecutionContext.withThreads(1)).compute().embeddings();
        PartitionedGraph pg = PartitionedGraph.fromEdges(LocalSpark.parquetEdges(dir, edges), N, partitions,
                undirected);
        assertEquals(g.numEntries(), pg.numEntries());
        ShuffleMeter meter = ShuffleMeter.register(LocalSpark.session().sparkContext());
        try {
            SparkFastRP.Result r = SparkFastRP.run(pg, params, meter);
            assertEquals(params.effectiveIterations(), r.rounds().size());
            for (PropagationRound round : r.rounds()) {
                assertTrue(round.shuffleBytes() > 0, "every round shuffles its boundary rows: " + round);
                assertEquals(pg.boundaryRowsPerRound() * params.dimension() * 4, round.payloadBytes());
            }
            String out = dir.resolve("emb-" + partitions + "-" + params.seed()).toString();
            NodeRowsTable.toTable(LocalSpark.session(), r.embeddings(), false).write().parquet(out);
            Dataset<Row> back = LocalSpark.session().read().parquet(out);
            float[] actual = NodeRowsTable.collect(back, N, params.dimension());
            double max = 0;
            for (int i = 0; i < expected.length; i++) {
                max = Math.max(max, Math.abs(expected[i] - actual[i]));
            }
            return max;
        } finally {
            meter.close();
            pg.unpersist();
        }
    }

    @Test
    void gdsConfigurationEqualsSingleJvmFastRP() {
        FastRPParameters p = FastRPParameters.gdsDefaults(32, 7).toBuilder().nodeSelfInfluence(0.5).build();
        assertTrue(maxDifference(LocalSpark.randomEdges(N, 12_000, 1), true, 3, p) < 1e-5);
    }

    @Test
    void paperConfigurationWithStandardisationOnADirectedGraphEqualsSingleJvmFastRP() {
        // s = √N ≈ 55: the single-JVM path takes its sparse first product, the partitioned one the dense SpMM.
        FastRPParameters p = FastRPParameters.paperBlogCatalog(24, 11);
        assertTrue(maxDifference(LocalSpark.randomEdges(N, 15_000, 2), false, 4, p) < 1e-5);
    }

    @Test
    void unnormalisedAdjacencyPowersEqualSingleJvmFastRP() {
        FastRPParameters p = FastRPParameters.builder().dimension(16).iterationWeights(1, 0.5, 0.25)
                .operator(FastRPParameters.Operator.ADJACENCY).normalization(IterationNormalization.NONE)
                .projection(FastRPParameters.Projection.GAUSSIAN).seed(3).build();
        // Entries grow like degree^3 (~500): compare relative to that scale.
        assertTrue(maxDifference(LocalSpark.randomEdges(N, 9_000, 3), true, 2, p) < 1e-5 * 1000);
    }

    @Test
    void featureColumnsAreRejectedWithAClearMessage() {
        PartitionedGraph pg = PartitionedGraph.fromEdges(LocalSpark.parquetEdges(dir, LocalSpark.randomEdges(50, 100,
                4)), 50, 2, true);
        ShuffleMeter meter = ShuffleMeter.register(LocalSpark.session().sparkContext());
        FastRPParameters p = FastRPParameters.gdsDefaults(8, 1).toBuilder().propertyRatio(0.5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkFastRP.run(pg, p, meter));
        assertTrue(e.getMessage().contains("propertyRatio 0.5"), e.getMessage());
        meter.close();
        pg.unpersist();
    }
}
