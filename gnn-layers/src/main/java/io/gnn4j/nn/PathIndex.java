package io.gnn4j.nn;

/**
 * The paths that {@link Tape#pathSum} encodes, as index arrays: path p reads row {@code positions[i][p]} of the
 * i-th input at position i, row {@code patterns[p]} of the pattern table (its chord pattern in a k-path layer), is
 * scaled by {@code weights[p]} and summed into output row {@code roots[p]}. The paths may come in any order.
 *
 * @param positions one array of P rows per position, at least one position
 * @param roots     P output rows
 * @param patterns  P rows of the pattern table, or null when the encoding has no table
 * @param weights   P weights, or null when every weight is 1
 */
public record PathIndex(int[][] positions, int[] roots, int[] patterns, float[] weights) {
    public PathIndex {
        if (positions.length == 0) {
            throw new IllegalArgumentException("a path needs at least one position");
        }
        int p = roots.length;
        for (int i = 0; i < positions.length; i++) {
            requireLength("positions[" + i + "]", positions[i].length, p);
        }
        if (patterns != null) {
            requireLength("patterns", patterns.length, p);
        }
        if (weights != null) {
            requireLength("weights", weights.length, p);
        }
    }

    private static void requireLength(String name, int length, int paths) {
        if (length != paths) {
            throw new IllegalArgumentException(name + " has " + length + " entries but there are " + paths
                    + " paths (roots)");
        }
    }

    /** The number of paths P. */
    public int size() {
        return roots.length;
    }
}
