package io.gnn4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Node feature rows placed next to the blocks of a {@link PartitionedGraph}: {@code rows} of partition p are the
 * N_p×F features of the nodes it owns, row-major, in Spark partition p.
 */
public final class NodeFeatures {
    private NodeFeatures() {}

    /** One partition's features. */
    public record Block(GraphBlock block, float[] rows, int width) implements BlockRows {}

    /**
     * Features held by the driver (row-major N×F): each partition's slice is sent to its partition only (not the
     * whole matrix to every task).
     */
    public static JavaRDD<Block> fromArray(PartitionedGraph graph, float[] x, int numFeatures) {
        NodeRanges r = graph.ranges();
        if ((long) r.numNodes() * numFeatures != x.length) {
            throw new IllegalArgumentException("features hold " + x.length + " floats but N×F = " + r.numNodes()
                    + "×" + numFeatures);
        }
        List<float[]> slices = new ArrayList<>(r.numPartitions());
        for (int p = 0; p < r.numPartitions(); p++) {
            slices.add(Arrays.copyOfRange(x, r.first(p) * numFeatures, r.first(p + 1) * numFeatures));
        }
        JavaRDD<float[]> parts = JavaSparkContext.fromSparkContext(graph.blocks().context())
                .parallelize(slices, r.numPartitions());
        return attach(graph, parts, numFeatures);
    }

    /**
     * Features from a table with an integer column {@code nodeColumn} and an array&lt;float&gt; (or
     * array&lt;double&gt;) column {@code featureColumn} of width F; every node of the graph must have one row.
     */
    public static JavaRDD<Block> fromTable(PartitionedGraph graph, Dataset<Row> table, String nodeColumn,
                                           String featureColumn, int numFeatures) {
        NodeRanges r = graph.ranges();
        Dataset<Row> t = table.select(functions.col(nodeColumn).cast("int"),
                functions.col(featureColumn).cast("array<float>"));
        JavaRDD<float[]> parts = t.javaRDD().mapToPair(row -> {
            int u = row.getInt(0);
            List<Float> v = row.getList(1);
            if (v.size() != numFeatures) {
                throw new IllegalArgumentException("node " + u + " has " + v.size() + " features, expected "
                        + numFeatures);
            }
            float[] f = new float[numFeatures + 1];
            f[0] = Float.intBitsToFloat(u);
            for (int c = 0; c < numFeatures; c++) {
                f[c + 1] = v.get(c);
            }
            return new Tuple2<>(r.owner(u), f);
        }).partitionBy(new BlockPartitioner(r.numPartitions())).mapPartitionsWithIndex(
                (Integer p, Iterator<Tuple2<Integer, float[]>> it) -> {
                    int first = r.first(p);
                    float[] rows = new float[r.size(p) * numFeatures];
                    boolean[] seen = new boolean[r.size(p)];
                    while (it.hasNext()) {
                        float[] f = it.next()._2();
                        int i = Float.floatToRawIntBits(f[0]) - first;
                        if (seen[i]) {
                            throw new IllegalArgumentException("node " + (first + i) + " has two feature rows");
                        }
                        seen[i] = true;
                        System.arraycopy(f, 1, rows, i * numFeatures, numFeatures);
                    }
                    for (int i = 0; i < seen.length; i++) {
                        if (!seen[i]) {
                            throw new IllegalArgumentException("node " + (first + i) + " has no feature row");
                        }
                    }
                    return List.of(rows).iterator();
                }, true);
        return attach(graph, parts, numFeatures);
    }

    private static JavaRDD<Block> attach(PartitionedGraph graph, JavaRDD<float[]> parts, int numFeatures) {
        JavaRDD<Block> out = graph.blocks().zipPartitions(parts, (Iterator<GraphBlock> bs, Iterator<float[]> xs) ->
                List.of(new Block(bs.next(), xs.next(), numFeatures)).iterator());
        out.persist(StorageLevel.MEMORY_ONLY());
        out.count();
        return out;
    }
}
