package io.gnn4j.spark;

import java.io.Serializable;

/**
 * The split of nodes {@code 0..N-1} into P contiguous ranges of (nearly) equal size: partition p owns
 * {@code [first(p), first(p+1))} with {@code first(p) = ⌊N·p/P⌋}. Node-range partitioning keeps a partition's rows
 * one CSR block and makes the owner of a node a division, not a lookup table.
 *
 * @param numNodes      N ≥ 1
 * @param numPartitions P, 1 ≤ P ≤ N
 */
public record NodeRanges(int numNodes, int numPartitions) implements Serializable {
    /** Checks 1 ≤ P ≤ N. */
    public NodeRanges {
        if (numNodes < 1) {
            throw new IllegalArgumentException("numNodes must be >= 1, got " + numNodes);
        }
        if (numPartitions < 1 || numPartitions > numNodes) {
            throw new IllegalArgumentException("numPartitions must be in [1, numNodes = " + numNodes + "], got "
                    + numPartitions);
        }
    }

    /** The first node of partition p (p = P gives N). */
    public int first(int p) {
        return (int) ((long) numNodes * p / numPartitions);
    }

    /** The number of nodes partition p owns. */
    public int size(int p) {
        return first(p + 1) - first(p);
    }

    /** The partition that owns node u. */
    public int owner(int u) {
        if (u < 0 || u >= numNodes) {
            throw new IllegalArgumentException("node " + u + " is outside 0.." + (numNodes - 1));
        }
        // first(p) ≤ u ⇔ N·p/P < u+1 ⇔ p < (u+1)·P/N: the owner is ⌈(u+1)·P/N⌉ − 1.
        return (int) (((long) (u + 1) * numPartitions - 1) / numNodes);
    }
}
