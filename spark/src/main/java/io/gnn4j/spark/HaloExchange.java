package io.gnn4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * One round of partitioned propagation: every partition ships the boundary rows other partitions need (one
 * {@code float[]} block per (sender, receiver) pair, the only data that crosses partitions), and every partition
 * then runs {@code step} once on its extended rows {@code [owned rows; ghost rows]} — typically one graph-core SpMM
 * of its {@link GraphBlock#graph()}. States stay where they are (a narrow {@code zipPartitions}); only the halo
 * blocks are shuffled.
 */
public final class HaloExchange {
    private HaloExchange() {}

    /** Ghost rows from one partition: {@code rows} are the ghosts of the receiver owned by {@code from}, in order. */
    record Halo(int from, float[] rows) implements java.io.Serializable {}

    /**
     * Runs one round and returns the new states, cached and computed (so that the round's cost and shuffle are
     * measured here); the previous states are unpersisted.
     *
     * @param states  one state per partition, state p in Spark partition p
     * @param ranges  the node ranges of the graph
     * @param step    (state, extended rows) → the next state
     */
    public static <S extends BlockRows> JavaRDD<S> round(JavaRDD<S> states, NodeRanges ranges,
                                                         Function2<S, float[], S> step) {
        BlockPartitioner partitioner = new BlockPartitioner(ranges.numPartitions());
        JavaRDD<Halo> halos = states.flatMapToPair(s -> {
            GraphBlock b = s.block();
            float[] x = s.haloRows();
            int w = s.width();
            List<Tuple2<Integer, Halo>> out = new ArrayList<>(b.sendPartitions().length);
            for (int i = 0; i < b.sendPartitions().length; i++) {
                int[] rows = b.sendRows()[i];
                float[] buf = new float[rows.length * w];
                for (int k = 0; k < rows.length; k++) {
                    System.arraycopy(x, rows[k] * w, buf, k * w, w);
                }
                out.add(new Tuple2<>(b.sendPartitions()[i], new Halo(b.partition(), buf)));
            }
            return out.iterator();
        }).partitionBy(partitioner).values();
        JavaRDD<S> next = states.zipPartitions(halos, (Iterator<S> ss, Iterator<Halo> hs) -> {
            S s = ss.next();
            GraphBlock b = s.block();
            int w = s.width();
            float[] ext = new float[(b.numLocal() + b.numGhosts()) * w];
            System.arraycopy(s.rows(), 0, ext, 0, b.numLocal() * w);
            int received = 0;
            while (hs.hasNext()) {
                Halo h = hs.next();
                int at = b.numLocal() + b.ghostStart(ranges, h.from());
                System.arraycopy(h.rows(), 0, ext, at * w, h.rows().length);
                received += h.rows().length / w;
            }
            if (received != b.numGhosts()) {
                throw new IllegalStateException("partition " + b.partition() + " received " + received
                        + " ghost rows but has " + b.numGhosts() + " ghosts");
            }
            return List.of(step.call(s, ext)).iterator();
        });
        next.persist(StorageLevel.MEMORY_ONLY());
        next.count();
        states.unpersist(false);
        return next;
    }
}
