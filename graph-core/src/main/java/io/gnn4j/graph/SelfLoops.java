package io.gnn4j.graph;

/** What {@link GraphBuilder} does with self loops u→u. */
public enum SelfLoops {
    /** Keep the self loops that were added, add none. */
    KEEP,
    /** Drop every self loop. */
    REMOVE,
    /** Give every node exactly one self loop: existing ones are kept (and merged), missing ones get the fill weight. */
    ADD
}
