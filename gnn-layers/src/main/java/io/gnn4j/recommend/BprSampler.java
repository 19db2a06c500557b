package io.gnn4j.recommend;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Draws BPR triples from the training interactions as LightGCN's and Sheaf4Rec's code do: a user uniformly among
 * the users with at least one training item, one of that user's training items uniformly as the positive, and an
 * item uniformly among those the user has not interacted with in training as the negative (rejection sampling). All
 * randomness comes from the generator passed in, so a seeded generator makes the batches repeatable.
 */
public final class BprSampler {
    private final int numItems;
    private final int[] ptr;
    private final int[] items;
    private final int[] activeUsers;

    /**
     * @param numItems the number of items
     * @param ptr      the training items of user u are {@code items[ptr[u] .. ptr[u+1])}, sorted ascending
     * @param items    the grouped item ids
     */
    public BprSampler(int numItems, int[] ptr, int[] items) {
        int numUsers = ptr.length - 1;
        if (numUsers < 1 || ptr[numUsers] != items.length) {
            throw new IllegalArgumentException("ptr lists " + numUsers + " users ending at " + ptr[numUsers]
                    + " but there are " + items.length + " items");
        }
        this.numItems = numItems;
        this.ptr = ptr;
        this.items = items;
        this.activeUsers = java.util.stream.IntStream.range(0, numUsers).filter(u -> {
            int n = ptr[u + 1] - ptr[u];
            if (n >= numItems) {
                throw new IllegalArgumentException("user " + u + " interacted with all " + numItems
                        + " items: no negative can be drawn");
            }
            return n > 0;
        }).toArray();
        if (activeUsers.length == 0) {
            throw new IllegalArgumentException("no user has a training item");
        }
    }

    /** The number of training interactions. */
    public int numInteractions() {
        return items.length;
    }

    /** {@code size} triples drawn with {@code rng}. */
    public BprBatch sample(int size, RandomGenerator rng) {
        if (size < 1) {
            throw new IllegalArgumentException("the batch size must be >= 1, got " + size);
        }
        int[] users = new int[size], pos = new int[size], neg = new int[size];
        for (int k = 0; k < size; k++) {
            int u = activeUsers[rng.nextInt(activeUsers.length)];
            users[k] = u;
            pos[k] = items[ptr[u] + rng.nextInt(ptr[u + 1] - ptr[u])];
            int j;
            do {
                j = rng.nextInt(numItems);
            } while (Arrays.binarySearch(items, ptr[u], ptr[u + 1], j) >= 0);
            neg[k] = j;
        }
        return new BprBatch(users, pos, neg);
    }
}
