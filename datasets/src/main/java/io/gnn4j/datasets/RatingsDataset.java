package io.gnn4j.datasets;

import io.gnn4j.graph.Graph;
import java.util.List;

/**
 * A recommendation dataset of explicit ratings: rating r of {@code (users[r], items[r])} is {@code ratings[r]}, given
 * at {@code timestamps[r]} (seconds since the epoch), with user ids in 0..numUsers−1 and item ids in
 * 0..numItems−1. {@code graph} is the undirected user–item bipartite interaction graph on numUsers + numItems nodes
 * (user u is node u, item i is node numUsers + i; unweighted — the ratings are in {@code ratings}). Splits index the
 * rating arrays (e.g. MovieLens' official "ua"/"ub": train = base, test = test, no validation).
 */
public record RatingsDataset(String name, int numUsers, int numItems, int[] users, int[] items, float[] ratings,
                             long[] timestamps, Graph graph, List<Split> splits) implements Dataset {
    public RatingsDataset {
        int n = users.length;
        if (items.length != n || ratings.length != n || timestamps.length != n) {
            throw new IllegalArgumentException(name + ": " + n + " users, " + items.length + " items, " + ratings.length
                    + " ratings, " + timestamps.length + " timestamps: the arrays must have equal length");
        }
        for (int r = 0; r < n; r++) {
            if (users[r] < 0 || users[r] >= numUsers) {
                throw new IllegalArgumentException(name + ": user " + users[r] + " of rating " + r + " is outside 0.."
                        + (numUsers - 1));
            }
            if (items[r] < 0 || items[r] >= numItems) {
                throw new IllegalArgumentException(name + ": item " + items[r] + " of rating " + r + " is outside 0.."
                        + (numItems - 1));
            }
        }
        if (graph.numNodes() != numUsers + numItems) {
            throw new IllegalArgumentException(name + ": graph has " + graph.numNodes() + " nodes, expected " + numUsers
                    + " users + " + numItems + " items");
        }
        for (Split s : splits) {
            s.checkedAgainst(n);
        }
        splits = List.copyOf(splits);
    }

    /** Number of ratings. */
    public int numRatings() {
        return users.length;
    }

    /** The split with this name. */
    public Split split(String splitName) {
        return splits.stream().filter(s -> s.name().equals(splitName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException(name + " has no split '" + splitName + "'; it has "
                        + splits.stream().map(Split::name).toList()));
    }
}
