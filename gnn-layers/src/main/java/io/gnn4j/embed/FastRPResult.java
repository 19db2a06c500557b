package io.gnn4j.embed;

/**
 * The output of {@link FastRP}: an N×d float32 embedding, row-major ({@code embeddings[u·d + c]} is column c of node
 * u). The array is handed over without a copy.
 */
public record FastRPResult(int numNodes, int dimension, float[] embeddings) {
    /** Checks that the array holds N×d floats. */
    public FastRPResult {
        if ((long) numNodes * dimension != embeddings.length) {
            throw new IllegalArgumentException("embeddings hold " + embeddings.length + " floats but N×d = "
                    + numNodes + "×" + dimension);
        }
    }

    /** Column c of node u's embedding. */
    public float get(int u, int c) {
        if (u < 0 || u >= numNodes || c < 0 || c >= dimension) {
            throw new IllegalArgumentException("(" + u + ", " + c + ") is outside " + numNodes + "×" + dimension);
        }
        return embeddings[u * dimension + c];
    }

    /** A copy of node u's embedding. */
    public float[] row(int u) {
        if (u < 0 || u >= numNodes) {
            throw new IllegalArgumentException("node " + u + " is outside 0.." + (numNodes - 1));
        }
        return java.util.Arrays.copyOfRange(embeddings, u * dimension, (u + 1) * dimension);
    }
}
