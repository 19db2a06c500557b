package io.gnn4j.spark;

import org.apache.spark.Partitioner;

/** Sends key p (an {@link Integer} partition id) to Spark partition p: block p and its messages meet there. */
final class BlockPartitioner extends Partitioner {
    private final int numPartitions;

    BlockPartitioner(int numPartitions) {
        this.numPartitions = numPartitions;
    }

    @Override
    public int numPartitions() {
        return numPartitions;
    }

    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockPartitioner b && b.numPartitions == numPartitions;
    }

    @Override
    public int hashCode() {
        return numPartitions;
    }
}
