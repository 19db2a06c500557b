package io.gnn4j.nn;

/** The elementwise binary operations of a tape, which share one broadcasting kernel in {@link DenseOps}. */
enum BinaryOp {
    ADD, SUB, MUL, DIV
}
