package io.gnn4j.datasets.split;

/** A list of node pairs (src[i], dst[i]) — positive or negative examples of a link-prediction split. */
public record EdgePairs(int[] src, int[] dst) {
    public EdgePairs {
        if (src.length != dst.length) {
            throw new IllegalArgumentException("src has " + src.length + " entries but dst has " + dst.length);
        }
    }

    /** Number of pairs. */
    public int size() {
        return src.length;
    }
}
