package io.gnn4j.spark;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import io.gnn4j.graph.Graph;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * A graph held by Spark as P node-range {@link GraphBlock}s, one per Spark partition (block p in partition p),
 * cached in memory. Built from an edge table (Parquet, CSV or any {@link Dataset}) with two integer columns of node
 * ids in {@code 0..N-1}: the edges are shuffled once to the owner of their source, every block is built by
 * graph-core's {@code GraphBuilder}, and a second, small shuffle tells every owner which of its rows the others need
 * (the send lists of the {@link HaloExchange}).
 *
 * <p>An undirected edge table is symmetrised (each u–v stored as u→v and v→u, duplicates merged), exactly as
 * {@code GraphBuilder.undirected(N)} does in one JVM; a directed one keeps its rows as given (out-edges).
 */
public final class PartitionedGraph {
    private final NodeRanges ranges;
    private final boolean undirected;
    private final JavaRDD<GraphBlock> blocks;
    private final long numEntries;
    private final long boundaryRows;

    private PartitionedGraph(NodeRanges ranges, boolean undirected, JavaRDD<GraphBlock> blocks, long numEntries,
                             long boundaryRows) {
        this.ranges = ranges;
        this.undirected = undirected;
        this.blocks = blocks;
        this.numEntries = numEntries;
        this.boundaryRows = boundaryRows;
    }

    /**
     * Reads an edge table: {@code format} "parquet" or "csv" (CSV with a header line, columns by name), columns
     * {@code srcColumn} and {@code dstColumn} holding node ids.
     */
    public static Dataset<Row> readEdges(SparkSession spark, String path, String format, String srcColumn,
                                         String dstColumn) {
        Dataset<Row> table = switch (format) {
            case "parquet" -> spark.read().parquet(path);
            case "csv" -> spark.read().option("header", "true").option("inferSchema", "true").csv(path);
            default -> throw new IllegalArgumentException("edge format must be parquet or csv, got " + format);
        };
        return table.select(functions.col(srcColumn), functions.col(dstColumn));
    }

    /**
     * Partitions the edges (first column source, second target, integral node ids) of a graph on
     * {@code numNodes} nodes into {@code numPartitions} node ranges; {@code numNodes ≤ 0} takes max id + 1.
     */
    public static PartitionedGraph fromEdges(Dataset<Row> edges, int numNodes, int numPartitions,
                                             boolean undirected) {
        if (edges.columns().length != 2) {
            throw new IllegalArgumentException("the edge table must have 2 columns (source, target), got "
                    + Arrays.toString(edges.columns()));
        }
        Dataset<Row> ids = edges.select(functions.col(edges.columns()[0]).cast("int").as("src"),
                functions.col(edges.columns()[1]).cast("int").as("dst"));
        int n = numNodes;
        if (n <= 0) {
            Row max = ids.agg(functions.max("src"), functions.max("dst")).first();
            n = Math.max(max.isNullAt(0) ? -1 : max.getInt(0), max.isNullAt(1) ? -1 : max.getInt(1)) + 1;
        }
        NodeRanges ranges = new NodeRanges(Math.max(n, 1), numPartitions);
        BlockPartitioner partitioner = new BlockPartitioner(numPartitions);
        // Each input partition sends one packed (src << 32 | dst) array per owner: few, large shuffle records.
        JavaRDD<GraphBlock> built = ids.javaRDD().mapPartitionsToPair((Iterator<Row> rows) -> {
            LongArrayList[] buckets = new LongArrayList[numPartitions];
            while (rows.hasNext()) {
                Row r = rows.next();
                if (r.isNullAt(0) || r.isNullAt(1)) {
                    throw new IllegalArgumentException("edge " + r + " has a null node id");
                }
                int u = r.getInt(0), v = r.getInt(1);
                add(buckets, ranges, u, v);
                if (undirected && u != v) {
                    add(buckets, ranges, v, u);
                }
            }
            List<Tuple2<Integer, long[]>> out = new ArrayList<>();
            for (int p = 0; p < numPartitions; p++) {
                if (buckets[p] != null) {
                    out.add(new Tuple2<>(p, buckets[p].toLongArray()));
                }
            }
            return out.iterator();
        }).partitionBy(partitioner).mapPartitionsWithIndex((Integer p, Iterator<Tuple2<Integer, long[]>> it) -> {
            LongArrayList all = new LongArrayList();
            while (it.hasNext()) {
                all.addElements(all.size(), it.next()._2());
            }
            int[] src = new int[all.size()];
            int[] dst = new int[all.size()];
            for (int k = 0; k < src.length; k++) {
                long e = all.getLong(k);
                src[k] = (int) (e >>> 32);
                dst[k] = (int) e;
            }
            return List.of(GraphBlock.fromEdges(ranges, p, src, dst, undirected)).iterator();
        }, true);
        built.persist(StorageLevel.MEMORY_ONLY());
        // Every block asks the owners of its ghosts for their rows: (owner, [requesting partition, ids...]).
        JavaRDD<int[]> requests = built.flatMapToPair(b -> {
            List<Tuple2<Integer, int[]>> out = new ArrayList<>();
            int[] g = b.ghosts();
            int i = 0;
            while (i < g.length) {
                int q = ranges.owner(g[i]);
                int j = b.ghostStart(ranges, q + 1);
                int[] msg = new int[j - i + 1];
                msg[0] = b.partition();
                System.arraycopy(g, i, msg, 1, j - i);
                out.add(new Tuple2<>(q, msg));
                i = j;
            }
            return out.iterator();
        }).partitionBy(partitioner).values();
        JavaRDD<GraphBlock> blocks = built.zipPartitions(requests, (Iterator<GraphBlock> bs, Iterator<int[]> rs) -> {
            GraphBlock b = bs.next();
            List<int[]> asks = new ArrayList<>();
            rs.forEachRemaining(asks::add);
            asks.sort((x, y) -> Integer.compare(x[0], y[0]));
            int[] to = new int[asks.size()];
            int[][] rows = new int[asks.size()][];
            for (int k = 0; k < to.length; k++) {
                to[k] = asks.get(k)[0];
                rows[k] = Arrays.copyOfRange(asks.get(k), 1, asks.get(k).length);
            }
            return List.of(b.withSendLists(to, rows)).iterator();
        });
        blocks.persist(StorageLevel.MEMORY_ONLY());
        long[] totals = blocks.map(b -> new long[] {b.numEntries(), b.rowsSentPerRound()})
                .reduce((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        built.unpersist(false);
        return new PartitionedGraph(ranges, undirected, blocks, totals[0], totals[1]);
    }

    /**
     * The edge table (src, dst) of a graph the driver holds (e.g. a gnn4j Arrow dataset read with the datasets
     * module), for {@link #fromEdges} with {@code undirected = !g.isDirected()}: an undirected graph lists each
     * edge once (u ≤ v), a directed one every entry. Sent to the cluster in 16 slices of the CSR; weighted graphs are
     * rejected (the partitioned computations read structure only).
     */
    public static Dataset<Row> edgeTable(SparkSession spark, Graph g) {
        if (g.isWeighted()) {
            throw new IllegalArgumentException("the partitioned path reads unweighted edges; " + g + " is weighted");
        }
        int slices = 16;
        boolean once = !g.isDirected();
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        List<int[]> parts = new ArrayList<>(slices);
        for (int c = 0; c < slices; c++) {
            int from = (int) ((long) g.numNodes() * c / slices), to = (int) ((long) g.numNodes() * (c + 1) / slices);
            IntArrayList e = new IntArrayList();
            for (int u = from; u < to; u++) {
                for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                    if (!once || colIdx[k] >= u) {
                        e.add(u);
                        e.add(colIdx[k]);
                    }
                }
            }
            parts.add(e.toIntArray());
        }
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(parts, slices)
                .flatMap(e -> {
                    List<Row> r = new ArrayList<>(e.length / 2);
                    for (int k = 0; k < e.length; k += 2) {
                        r.add(RowFactory.create(e[k], e[k + 1]));
                    }
                    return r.iterator();
                });
        StructType schema = new StructType().add("src", DataTypes.IntegerType, false)
                .add("dst", DataTypes.IntegerType, false);
        return spark.createDataFrame(rows, schema);
    }

    private static void add(LongArrayList[] buckets, NodeRanges ranges, int u, int v) {
        if (v < 0 || v >= ranges.numNodes()) {
            throw new IllegalArgumentException("edge " + u + "→" + v + ": target is outside 0.."
                    + (ranges.numNodes() - 1));
        }
        int p = ranges.owner(u);
        if (buckets[p] == null) {
            buckets[p] = new LongArrayList();
        }
        buckets[p].add((long) u << 32 | (v & 0xFFFFFFFFL));
    }

    /** The node ranges. */
    public NodeRanges ranges() {
        return ranges;
    }

    /** N. */
    public int numNodes() {
        return ranges.numNodes();
    }

    /** P. */
    public int numPartitions() {
        return ranges.numPartitions();
    }

    /** Whether the edge table was symmetrised. */
    public boolean isUndirected() {
        return undirected;
    }

    /** The cached blocks, block p in Spark partition p. */
    public JavaRDD<GraphBlock> blocks() {
        return blocks;
    }

    /** Stored entries over all blocks (E of the single-JVM graph). */
    public long numEntries() {
        return numEntries;
    }

    /** Rows every round of the halo exchange ships between partitions (each boundary row once per receiver). */
    public long boundaryRowsPerRound() {
        return boundaryRows;
    }

    /** Removes the cached blocks. */
    public void unpersist() {
        blocks.unpersist(false);
    }

    @Override
    public String toString() {
        return "PartitionedGraph(N=" + numNodes() + ", E=" + numEntries + ", P=" + numPartitions() + ", "
                + (undirected ? "undirected" : "directed") + ", " + boundaryRows + " boundary rows per round)";
    }
}
