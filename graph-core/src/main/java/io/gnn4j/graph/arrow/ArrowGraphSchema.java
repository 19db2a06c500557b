package io.gnn4j.graph.arrow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow layout of a gnn4j graph: a {@code nodes} table ({@code id: int32}, the features as one
 * {@code features: FixedSizeList<float32>[F]} column or as one float32 column per feature (in schema order),
 * optional {@code label: int32} with null for unlabelled nodes, optional {@code split: utf8} holding
 * {@code train}/{@code val}/{@code test} or null) and an {@code edges} table ({@code src: int32}, {@code dst: int32},
 * optional {@code weight: float32}) whose schema metadata may say whether the graph is directed (without it: directed).
 * An undirected graph lists each edge once (the writer uses u ≤ v); the reader stores it both ways. Other columns
 * are ignored by the reader, except a floating-point column that is not float32 in a table without a
 * {@code features} column (a feature of the wrong type is an error, not dropped).
 */
public final class ArrowGraphSchema {
    /** File name of the node table inside a graph directory. */
    public static final String NODES_FILE = "nodes.arrow";
    /** File name of the edge table inside a graph directory. */
    public static final String EDGES_FILE = "edges.arrow";

    /** Node id column, int32, a permutation of 0..N−1. */
    public static final String ID = "id";
    /** Node feature column, FixedSizeList of F float32. */
    public static final String FEATURES = "features";
    /** Node label column, int32, null for an unlabelled node. */
    public static final String LABEL = "label";
    /** Node split column, utf8: train, val, test or null. */
    public static final String SPLIT = "split";
    /** Edge source column, int32. */
    public static final String SRC = "src";
    /** Edge target column, int32. */
    public static final String DST = "dst";
    /** Edge weight column, float32, finite. */
    public static final String WEIGHT = "weight";

    /**
     * Edge-schema metadata key: {@code "true"} or {@code "false"}. A file without it is read as a directed edge list
     * (the only reading that loses nothing).
     */
    public static final String DIRECTED_KEY = "gnn4j.directed";
    /**
     * Edge-schema metadata key: {@code "true"} when the graph stores some (u, v) pair more than once. An undirected
     * table without it is read with duplicates merged (a table listing both directions gives one edge).
     */
    public static final String MULTI_EDGES_KEY = "gnn4j.multiEdges";

    static final ArrowType INT32 = new ArrowType.Int(32, true);
    static final ArrowType FLOAT32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    static final ArrowType UTF8 = new ArrowType.Utf8();

    private ArrowGraphSchema() {}

    /** The node schema for F features (no feature column when F = 0), with or without labels. */
    public static Schema nodes(int numFeatures, boolean labels) {
        return nodes(numFeatures, labels, false);
    }

    /** The node schema for F features, with or without labels and a split column. */
    public static Schema nodes(int numFeatures, boolean labels, boolean split) {
        if (numFeatures < 0) {
            throw new IllegalArgumentException("numFeatures must be >= 0, got " + numFeatures);
        }
        List<Field> fields = new ArrayList<>(3);
        fields.add(new Field(ID, FieldType.notNullable(INT32), null));
        if (numFeatures > 0) {
            Field item = new Field("item", FieldType.notNullable(FLOAT32), null);
            ArrowType list = new ArrowType.FixedSizeList(numFeatures);
            fields.add(new Field(FEATURES, FieldType.notNullable(list), List.of(item)));
        }
        if (labels) {
            fields.add(new Field(LABEL, FieldType.nullable(INT32), null));
        }
        if (split) {
            fields.add(new Field(SPLIT, FieldType.nullable(UTF8), null));
        }
        return new Schema(fields);
    }

    /** The edge schema, with or without weights, carrying the directed and multi-edge flags as metadata. */
    public static Schema edges(boolean weighted, boolean directed, boolean multiEdges) {
        List<Field> fields = new ArrayList<>(3);
        fields.add(new Field(SRC, FieldType.notNullable(INT32), null));
        fields.add(new Field(DST, FieldType.notNullable(INT32), null));
        if (weighted) {
            fields.add(new Field(WEIGHT, FieldType.notNullable(FLOAT32), null));
        }
        return new Schema(fields, Map.of(DIRECTED_KEY, Boolean.toString(directed),
                MULTI_EDGES_KEY, Boolean.toString(multiEdges)));
    }

    /** Arrow's own spelling of a type, plus "int32"/"float32" names for the two we use, for error messages. */
    static String describe(ArrowType type) {
        if (INT32.equals(type)) {
            return "int32";
        }
        if (FLOAT32.equals(type)) {
            return "float32";
        }
        if (UTF8.equals(type)) {
            return "utf8";
        }
        return type.toString();
    }
}
