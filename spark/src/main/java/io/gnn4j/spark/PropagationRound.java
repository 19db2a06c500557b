package io.gnn4j.spark;

/**
 * The cost of one propagation round of a partitioned computation (a FastRP power, a GCN layer's propagation).
 *
 * @param index        1-based round number
 * @param millis       wall time of the round (the dense steps of a GCN layer included)
 * @param shuffleBytes bytes Spark's shuffle wrote in the round, from its task metrics ({@link ShuffleMeter}):
 *                     the serialised halo blocks
 * @param payloadBytes our own count of the exchanged data: boundary rows × width × 4 bytes
 */
public record PropagationRound(int index, long millis, long shuffleBytes, long payloadBytes) {}
