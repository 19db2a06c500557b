package io.gnn4j.spark;

import java.io.Serializable;

/**
 * The per-partition state of a partitioned computation: the block and the current N_p×width rows of the nodes it
 * owns (row-major). {@link #haloRows()} are the rows the exchange ships to other partitions; by default the same
 * rows, but a state may send them pre-scaled (GCN sends {@code D̃^{-1/2}·H} so that the block's operator needs no
 * degrees of remote nodes).
 */
public interface BlockRows extends Serializable {
    /** The block this state belongs to. */
    GraphBlock block();

    /** The owned rows, row-major, {@code block().numLocal() × width()}. */
    float[] rows();

    /** Columns of the rows. */
    int width();

    /** The rows other partitions receive as ghost rows (same layout as {@link #rows()}). */
    default float[] haloRows() {
        return rows();
    }
}
