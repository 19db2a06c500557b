package io.gnn4j.datasets;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Implicit-feedback user–item interactions split into a training and a test set, the input of top-K recommendation
 * (LightGCN, He et al., SIGIR 2020; NGCF, Wang et al., SIGIR 2019; Sheaf4Rec, Purificato et al. 2023): pair k of a
 * set says that user {@code users[k]} interacted with item {@code items[k]}, whatever the rating was. Users are
 * 0..numUsers−1 and items 0..numItems−1; the training graph puts user u on node u and item i on node numUsers + i.
 *
 * @param name the dataset and split, e.g. "ml-100k/ua"
 */
public record Interactions(String name, int numUsers, int numItems, ByUser train, ByUser test) {
    public Interactions {
        if (train.numUsers() != numUsers || test.numUsers() != numUsers) {
            throw new IllegalArgumentException(name + ": train lists " + train.numUsers() + " users and test "
                    + test.numUsers() + ", expected " + numUsers);
        }
        for (ByUser set : new ByUser[] {train, test}) {
            for (int i : set.items()) {
                if (i < 0 || i >= numItems) {
                    throw new IllegalArgumentException(name + ": item " + i + " is outside 0.." + (numItems - 1));
                }
            }
        }
    }

    /**
     * The interactions of {@code data} under {@code split} (its train indices train, its validation and test
     * indices test): every rating of at least {@code minRating} is an interaction (1 keeps them all, as LightGCN's
     * data are; the Sheaf4Rec code keeps ratings ≥ 3). A test pair the user also has in training is an error.
     */
    public static Interactions of(RatingsDataset data, Split split, float minRating) {
        split.checkedAgainst(data.numRatings());
        int[] test = new int[split.val().length + split.test().length];
        System.arraycopy(split.val(), 0, test, 0, split.val().length);
        System.arraycopy(split.test(), 0, test, split.val().length, split.test().length);
        String name = data.name() + "/" + split.name();
        ByUser train = select(data, split.train(), minRating);
        ByUser held = select(data, test, minRating);
        for (int u = 0; u < data.numUsers(); u++) {
            for (int k = held.ptr()[u]; k < held.ptr()[u + 1]; k++) {
                if (train.contains(u, held.items()[k])) {
                    throw new IllegalArgumentException(name + ": user " + u + " has item " + held.items()[k]
                            + " in both train and test");
                }
            }
        }
        return new Interactions(name, data.numUsers(), data.numItems(), train, held);
    }

    private static ByUser select(RatingsDataset data, int[] ratings, float minRating) {
        IntArrayList users = new IntArrayList(), items = new IntArrayList();
        for (int r : ratings) {
            if (data.ratings()[r] >= minRating) {
                users.add(data.users()[r]);
                items.add(data.items()[r]);
            }
        }
        return ByUser.of(data.numUsers(), users.toIntArray(), items.toIntArray());
    }

    /** The undirected user–item graph of the training interactions on numUsers + numItems nodes. */
    public Graph trainGraph() {
        GraphBuilder g = GraphBuilder.undirected(numUsers + numItems);
        for (int u = 0; u < numUsers; u++) {
            for (int k = train.ptr()[u]; k < train.ptr()[u + 1]; k++) {
                g.addEdge(u, numUsers + train.items()[k]);
            }
        }
        return g.build();
    }

    /**
     * A set of (user, item) pairs grouped by user: the items of user u are {@code items[ptr[u] .. ptr[u+1])}, sorted
     * ascending, without repeats.
     */
    public record ByUser(int[] ptr, int[] items) {
        /** Groups the pairs (users[k], items[k]); a repeated pair is an error. */
        public static ByUser of(int numUsers, int[] users, int[] items) {
            if (users.length != items.length) {
                throw new IllegalArgumentException(users.length + " users but " + items.length + " items");
            }
            int[] ptr = new int[numUsers + 1];
            for (int u : users) {
                if (u < 0 || u >= numUsers) {
                    throw new IllegalArgumentException("user " + u + " is outside 0.." + (numUsers - 1));
                }
                ptr[u + 1]++;
            }
            for (int u = 0; u < numUsers; u++) {
                ptr[u + 1] += ptr[u];
            }
            int[] fill = Arrays.copyOf(ptr, numUsers), out = new int[items.length];
            for (int k = 0; k < users.length; k++) {
                out[fill[users[k]]++] = items[k];
            }
            for (int u = 0; u < numUsers; u++) {
                Arrays.sort(out, ptr[u], ptr[u + 1]);
                for (int k = ptr[u] + 1; k < ptr[u + 1]; k++) {
                    if (out[k] == out[k - 1]) {
                        throw new IllegalArgumentException("user " + u + " has item " + out[k] + " twice");
                    }
                }
            }
            return new ByUser(ptr, out);
        }

        /** The number of users. */
        public int numUsers() {
            return ptr.length - 1;
        }

        /** The number of pairs. */
        public int size() {
            return items.length;
        }

        /** The number of items of user u. */
        public int count(int u) {
            return ptr[u + 1] - ptr[u];
        }

        /** Whether user u has item i. */
        public boolean contains(int u, int i) {
            return Arrays.binarySearch(items, ptr[u], ptr[u + 1], i) >= 0;
        }
    }
}
