package io.gnn4j.datasets.generate;

/**
 * Parameters of the planted-partition benchmark graph of the PyG peer scripts ({@code make_planted_partition} in
 * {@code shared/peers/pyg/common.py}); defaults are that function's (N=100,000, E=1,000,000 draws, F=128, C=16,
 * p_in=0.7, signal 0.15, seed 0). See {@link Generators#plantedPartition(PlantedPartition)}.
 *
 * @param numNodes      N
 * @param numDraws      E, the number of directed edge draws before self-loop removal and symmetrisation
 * @param numFeatures   F
 * @param numClasses    C
 * @param pIntra        probability that a draw's target is a uniform node of the source's own class
 * @param featureSignal scale of the class mean in x = signal·μ[y] + N(0, 1)
 * @param seed          seed of the {@link java.util.SplittableRandom}
 */
public record PlantedPartition(int numNodes, int numDraws, int numFeatures, int numClasses, double pIntra,
                               double featureSignal, long seed) {
    public PlantedPartition {
        if (numNodes < 1) {
            throw new IllegalArgumentException("numNodes must be >= 1, got " + numNodes);
        }
        if (numDraws < 0 || numFeatures < 0) {
            throw new IllegalArgumentException("numDraws " + numDraws + " and numFeatures " + numFeatures + " must be >= 0");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
        if (!(pIntra >= 0 && pIntra <= 1)) {
            throw new IllegalArgumentException("pIntra " + pIntra + " is outside [0, 1]");
        }
    }

    /** The peer benchmark's parameters: 100,000 nodes, 1,000,000 draws, 128 features, 16 classes, 0.7, 0.15. */
    public static PlantedPartition pygPeer(long seed) {
        return new PlantedPartition(100_000, 1_000_000, 128, 16, 0.7, 0.15, seed);
    }
}
