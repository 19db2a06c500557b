package io.gnn4j.sheaf;

/**
 * The families of restriction maps F_{v⊴e} (d×d, one per incidence of a node v in an edge e) that Neural Sheaf
 * Diffusion learns (Bodnar et al., NeurIPS 2022, Section 4): each names how many numbers a learner emits per
 * incidence. {@link #IDENTITY} learns nothing: F = I gives the graph Laplacian ⊗ I_d, the baseline of the "identity
 * sheaf" comparison.
 */
public enum RestrictionMaps {
    /** Diagonal maps, d values per incidence (Diag-NSD). */
    DIAGONAL,
    /** Orthogonal maps in O(d), d(d−1)/2 Householder parameters per incidence (O(d)-NSD, "BundleSheaf"). */
    ORTHOGONAL,
    /** General d×d maps, d² values per incidence (Gen-NSD). */
    GENERAL,
    /** Identity maps, no parameters (the trivial sheaf). */
    IDENTITY;

    /** The number of values a sheaf learner emits per incidence for stalk dimension d. */
    public int parametersPerIncidence(int d) {
        return switch (this) {
            case DIAGONAL -> d;
            case ORTHOGONAL -> d * (d - 1) / 2;
            case GENERAL -> d * d;
            case IDENTITY -> 0;
        };
    }

    /**
     * How the sheaf Laplacian of these maps is normalised, as the official code does per family: with the full
     * d×d blocks for general maps, with the diagonals of the blocks otherwise (diagonal and identity maps have
     * nothing else; orthogonal maps' blocks are Σ w²·I).
     */
    public SheafLaplacian.Normalisation normalisation() {
        return this == GENERAL ? SheafLaplacian.Normalisation.BLOCK : SheafLaplacian.Normalisation.DIAGONAL;
    }
}
