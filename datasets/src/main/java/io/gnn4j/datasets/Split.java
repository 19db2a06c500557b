package io.gnn4j.datasets;

import java.util.Arrays;

/**
 * One train/validation/test split of node (or graph) indices, each array sorted ascending and disjoint from the
 * others. Indices not in any set are unused by that split.
 *
 * @param name  e.g. "public", "geom-gcn-3", "random-seed-7", "fold-2"
 */
public record Split(String name, int[] train, int[] val, int[] test) {
    /** Validates disjointness and range against {@code n} items. */
    public Split {
        train = train.clone();
        val = val.clone();
        test = test.clone();
        Arrays.sort(train);
        Arrays.sort(val);
        Arrays.sort(test);
    }

    /** Throws when an index is outside {@code [0, n)} or appears in two sets. */
    public Split checkedAgainst(int n) {
        byte[] seen = new byte[n];
        mark(seen, train, 1, "train");
        mark(seen, val, 2, "val");
        mark(seen, test, 3, "test");
        return this;
    }

    private void mark(byte[] seen, int[] idx, int tag, String set) {
        for (int i : idx) {
            if (i < 0 || i >= seen.length) {
                throw new IllegalArgumentException("split " + name + ": " + set + " index " + i + " is out of range [0, "
                        + seen.length + ")");
            }
            if (seen[i] != 0) {
                throw new IllegalArgumentException("split " + name + ": index " + i + " is in " + set + " and in "
                        + new String[] {"", "train", "val", "test"}[seen[i]]);
            }
            seen[i] = (byte) tag;
        }
    }
}
