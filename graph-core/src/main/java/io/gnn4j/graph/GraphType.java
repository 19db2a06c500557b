package io.gnn4j.graph;

/**
 * What a {@link Graph} is, as a value algorithms can query instead of testing classes (after JGraphT's
 * {@code GraphType}).
 *
 * @param directed    whether u→v and v→u are distinct edges; an undirected graph stores both directions
 * @param weighted    whether entries carry a weight other than the implicit 1
 * @param selfLoops   whether at least one entry u→u is stored
 * @param multiEdges  whether some (u, v) pair is stored more than once
 */
public record GraphType(boolean directed, boolean weighted, boolean selfLoops, boolean multiEdges) {}
