package io.gnn4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Per-node float rows (embeddings, logits) of a partitioned computation as a table: column {@code node} (int) and
 * column {@code values} (array&lt;float&gt;), plus {@code prediction} (the arg-max column) when asked; and back to
 * a dense row-major array on the driver, for tests and small graphs.
 */
public final class NodeRowsTable {
    private NodeRowsTable() {}

    /** The schema: node, values, and prediction when {@code withPrediction}. */
    public static StructType schema(boolean withPrediction) {
        StructType s = new StructType()
                .add("node", DataTypes.IntegerType, false)
                .add("values", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        return withPrediction ? s.add("prediction", DataTypes.IntegerType, false) : s;
    }

    /** The rows of every partition as a table (one row per owned node). */
    public static <S extends BlockRows> Dataset<Row> toTable(SparkSession spark, JavaRDD<S> states,
                                                             boolean withPrediction) {
        JavaRDD<Row> rows = states.flatMap(s -> {
            GraphBlock b = s.block();
            int w = s.width();
            float[] x = s.rows();
            List<Row> out = new ArrayList<>(b.numLocal());
            for (int i = 0; i < b.numLocal(); i++) {
                float[] v = Arrays.copyOfRange(x, i * w, (i + 1) * w);
                out.add(withPrediction ? RowFactory.create(b.first() + i, v, argmax(v))
                        : RowFactory.create(b.first() + i, v));
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, schema(withPrediction));
    }

    /** A node-rows table (node, values) collected into a dense N×width row-major array. */
    public static float[] collect(Dataset<Row> table, int numNodes, int width) {
        float[] out = new float[Math.multiplyExact(numNodes, width)];
        for (Row r : table.select("node", "values").collectAsList()) {
            int u = r.getInt(0);
            List<Float> v = r.getList(1);
            if (v.size() != width) {
                throw new IllegalArgumentException("node " + u + " has " + v.size() + " values, expected " + width);
            }
            for (int c = 0; c < width; c++) {
                out[u * width + c] = v.get(c);
            }
        }
        return out;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }
}
