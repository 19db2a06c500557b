package io.gnn4j.datasets.edgelist;

import io.gnn4j.graph.DuplicateEdges;

/**
 * How {@link EdgeListFormat} reads a plain edge list: one edge per line, {@code u SEP v [SEP weight]}.
 *
 * @param separator       {@code ' '} for any run of spaces/tabs (also right for TSV), or {@code ','} / {@code ';'}
 * @param header          whether the first non-comment line is a header to skip (explicit; never guessed)
 * @param weighted        whether a third column holds a finite weight (required on every line when true)
 * @param commentPrefixes lines whose first non-blank character is one of these are skipped ("" for none)
 * @param directed        directed graph, or undirected (each line u v stored both ways)
 * @param ids             how node tokens become ids
 * @param numNodes        the number of nodes, or −1 to infer it (largest id + 1, or the number of names)
 * @param duplicates      how repeated edges combine (undirected: a line v u after u v is a repeat)
 * @param requireFinalNewline whether a last line without LF is an error (it reveals a truncated file)
 */
public record EdgeListOptions(char separator, boolean header, boolean weighted, String commentPrefixes, boolean directed,
                              NodeIds ids, int numNodes, DuplicateEdges duplicates, boolean requireFinalNewline) {
    public EdgeListOptions {
        if (separator != ' ' && separator != ',' && separator != ';' && separator != '\t') {
            throw new IllegalArgumentException("separator '" + separator + "' is not one of ' ', '\\t', ',', ';'");
        }
        if (numNodes < -1) {
            throw new IllegalArgumentException("numNodes must be -1 (infer) or >= 0, got " + numNodes);
        }
        if (separator == '\t') {
            separator = ' ';
        }
    }

    /** Defaults: whitespace-separated, no header, unweighted, '#' and '%' comments, undirected, 0-based, MAX, LF required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link EdgeListOptions}. */
    public static final class Builder {
        private char separator = ' ';
        private boolean header;
        private boolean weighted;
        private String comments = "#%";
        private boolean directed;
        private NodeIds ids = NodeIds.ZERO_BASED;
        private int numNodes = -1;
        private DuplicateEdges duplicates;
        private boolean requireFinalNewline = true;

        public Builder separator(char c) { separator = c; return this; }
        public Builder header(boolean h) { header = h; return this; }
        public Builder weighted(boolean w) { weighted = w; return this; }
        public Builder commentPrefixes(String p) { comments = p; return this; }
        public Builder directed(boolean d) { directed = d; return this; }
        public Builder ids(NodeIds i) { ids = i; return this; }
        public Builder numNodes(int n) { numNodes = n; return this; }
        public Builder duplicates(DuplicateEdges d) { duplicates = d; return this; }
        public Builder requireFinalNewline(boolean r) { requireFinalNewline = r; return this; }

        public EdgeListOptions build() {
            DuplicateEdges d = duplicates != null ? duplicates : directed ? DuplicateEdges.KEEP : DuplicateEdges.MAX;
            return new EdgeListOptions(separator, header, weighted, comments, directed, ids, numNodes, d,
                    requireFinalNewline);
        }
    }
}
