package io.gnn4j.datasets.edgelist;

import io.gnn4j.datasets.text.TextCursor;
import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reader of plain edge lists (CSV, TSV or whitespace-separated; node2vec's {@code .edgelist}, SNAP files): one edge
 * {@code u SEP v [SEP weight]} per line, with optional comment lines, blank lines and an explicit header, as
 * {@link EdgeListOptions} says. Strict: a missing or extra column, a non-numeric id or weight, an id out of range
 * or a truncated last line raises {@link io.gnn4j.datasets.DatasetFormatException} with file and line; merged
 * duplicates are counted in {@link LoadedGraph#mergedEntries()}.
 */
public final class EdgeListFormat {
    private EdgeListFormat() {
    }

    /** Reads {@code file} with the given options. */
    public static LoadedGraph read(Path file, EdgeListOptions o) throws IOException {
        return read(file, Files.readAllBytes(file), o);
    }

    /** Reads edge-list bytes; {@code file} only names them in messages. */
    public static LoadedGraph read(Path file, byte[] bytes, EdgeListOptions o) throws IOException {
        TextCursor c = TextCursor.of(file, bytes, java.nio.charset.StandardCharsets.UTF_8, true, o.requireFinalNewline());
        NodeTokens tokens = new NodeTokens(o.ids(), o.numNodes());
        IntArrayList src = new IntArrayList(), dst = new IntArrayList();
        FloatArrayList w = o.weighted() ? new FloatArrayList() : null;
        String header = null;
        boolean needHeader = o.header();
        String stops = o.separator() == ' ' ? "" : String.valueOf(o.separator());
        while (c.nextLine()) {
            if (c.isBlank() || (!o.commentPrefixes().isEmpty() && c.startsWithAny(o.commentPrefixes()))) {
                continue;
            }
            if (needHeader) {
                header = c.lineText();
                needHeader = false;
                continue;
            }
            int u = tokens.next(c, stops);
            separator(c, o);
            int v = tokens.next(c, stops);
            if (w != null) {
                separator(c, o);
                w.add(c.nextFloat());
            }
            c.expectEnd();
            src.add(u);
            dst.add(v);
        }
        int n = tokens.numNodes(c, src.size());
        GraphBuilder b = o.directed() ? GraphBuilder.directed(n) : GraphBuilder.undirected(n);
        b.duplicates(o.duplicates());
        for (int i = 0; i < src.size(); i++) {
            if (w != null) {
                b.addEdge(src.getInt(i), dst.getInt(i), w.getFloat(i));
            } else {
                b.addEdge(src.getInt(i), dst.getInt(i));
            }
        }
        Graph g = b.build();
        return new LoadedGraph(g, tokens.names(), src.size(), merged(src.size(), g, o.duplicates()), header);
    }

    private static void separator(TextCursor c, EdgeListOptions o) throws io.gnn4j.datasets.DatasetFormatException {
        if (o.separator() != ' ') {
            c.expect(o.separator());
        } else if (c.atEnd()) {
            throw c.error("another whitespace-separated column", "end of line");
        }
    }

    /** Lines minus distinct edges: what the duplicate policy merged (0 under KEEP). */
    static long merged(long lines, Graph g, DuplicateEdges policy) {
        if (policy == DuplicateEdges.KEEP) {
            return 0;
        }
        return lines - g.numEdges();
    }
}
