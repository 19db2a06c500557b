package io.gnn4j.graph;

import java.util.Objects;
import java.util.function.Function;

/**
 * A structure computed from a graph alone — a normalised operator, an edge index — and the key under which the graph
 * keeps it: {@link Graph#derived(Derived)} builds it on first use and holds it for as long as the graph lives, so
 * nothing global holds memory. Keys compare by identity: declare each one once, as a constant.
 *
 * <pre>{@code
 * static final Derived<Graph> GCN = Derived.of("gcn", Normalization::gcn);
 * Graph aHat = graph.derived(GCN);
 * }</pre>
 *
 * @param <T> the type of the structure
 */
public final class Derived<T> {
    private final String name;
    private final Function<Graph, ? extends T> build;

    private Derived(String name, Function<Graph, ? extends T> build) {
        this.name = Objects.requireNonNull(name, "name");
        this.build = Objects.requireNonNull(build, "build");
    }

    /**
     * A key whose structure {@code build} computes. {@code build} must be a pure function of the graph: it may run
     * twice when two threads ask at once (only one result is kept), and it may derive other structures.
     */
    public static <T> Derived<T> of(String name, Function<Graph, ? extends T> build) {
        return new Derived<>(name, build);
    }

    T build(Graph g) {
        return Objects.requireNonNull(build.apply(g), () -> name + " derived null from " + g);
    }

    @Override
    public String toString() {
        return "Derived(" + name + ")";
    }
}
