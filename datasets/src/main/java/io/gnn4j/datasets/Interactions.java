package io.gnn4j.datasets;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Implicit-feedback user–item interactions split into training, validation and test sets, the input of top-K
 * recommendation (LightGCN, He et al., SIGIR 2020; NGCF, Wang et al., SIGIR 2019; Sheaf4Rec, Purificato et al.
 * 2023): pair k of a set says that user {@code users[k]} interacted with item {@code items[k]}, whatever the rating
 * was. Users are 0..numUsers−1 and items 0..numItems−1; the training graph puts user u on node u and item i on node
 * numUsers + i. The validation set may be empty (MovieLens' ua/ub splits have none); a pair is in one set at most.
 *
 * @param name the dataset and split, e.g. "ml-100k/ua"
 */
public record Interactions(String name, int numUsers, int numItems, ByUser train, ByUser val, ByUser test) {
    public Interactions {
        String[] names = {"train", "val", "test"};
        ByUser[] sets = {train, val, test};
        for (int s = 0; s < sets.length; s++) {
            if (sets[s].numUsers() != numUsers) {
                throw new IllegalArgumentException(name + ": " + names[s] + " lists " + sets[s].numUsers()
                        + " users, expected " + numUsers);
            }
            for (int i : sets[s].items()) {
                if (i < 0 || i >= numItems) {
                    throw new IllegalArgumentException(name + ": " + names[s] + " item " + i + " is outside 0.."
                            + (numItems - 1));
                }
            }
        }
        for (int a = 0; a < sets.length; a++) {
            for (int b = a + 1; b < sets.length; b++) {
                for (int u = 0; u < numUsers; u++) {
                    for (int k = sets[b].ptr()[u]; k < sets[b].ptr()[u + 1]; k++) {
                        if (sets[a].contains(u, sets[b].items()[k])) {
                            throw new IllegalArgumentException(name + ": user " + u + " has item "
                                    + sets[b].items()[k] + " in both " + names[a] + " and " + names[b]);
                        }
                    }
                }
            }
        }
    }

    /**
     * The interactions of {@code data} under {@code split} (its train, validation and test indices): every rating
     * of at least {@code minRating} is an interaction (1 keeps them all, as LightGCN's data are; the Sheaf4Rec code
     * keeps ratings ≥ 3). A pair the user has in two sets is an error.
     */
    public static Interactions of(RatingsDataset data, Split split, float minRating) {
        split.checkedAgainst(data.numRatings());
        return new Interactions(data.name() + "/" + split.name(), data.numUsers(), data.numItems(),
                select(data, split.train(), minRating), select(data, split.val(), minRating),
                select(data, split.test(), minRating));
    }

    /** The pairs of training and validation together: what a test ranking excludes as already known. */
    public ByUser trainAndVal() {
        if (val.size() == 0) {
            return train;
        }
        int[] users = new int[train.size() + val.size()], items = new int[users.length];
        int t = 0;
        for (ByUser set : new ByUser[] {train, val}) {
            for (int u = 0; u < numUsers; u++) {
                for (int k = set.ptr()[u]; k < set.ptr()[u + 1]; k++) {
                    users[t] = u;
                    items[t++] = set.items()[k];
                }
            }
        }
        return ByUser.of(numUsers, users, items);
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
