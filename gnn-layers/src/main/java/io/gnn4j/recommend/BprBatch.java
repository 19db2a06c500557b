package io.gnn4j.recommend;

/**
 * One mini-batch of BPR triples (Rendle et al., UAI 2009): user {@code users[k]} interacted with item
 * {@code positives[k]} and not with item {@code negatives[k]} (item ids 0..numItems−1, not node ids).
 */
public record BprBatch(int[] users, int[] positives, int[] negatives) {
    public BprBatch {
        if (positives.length != users.length || negatives.length != users.length) {
            throw new IllegalArgumentException(users.length + " users, " + positives.length + " positives and "
                    + negatives.length + " negatives: a BPR batch needs one of each per triple");
        }
    }

    /** The number of triples. */
    public int size() {
        return users.length;
    }
}
