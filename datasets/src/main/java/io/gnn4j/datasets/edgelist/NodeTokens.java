package io.gnn4j.datasets.edgelist;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.text.TextCursor;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/** Turns node tokens into ids as a {@link NodeIds} mode says; shared by the edge- and adjacency-list readers. */
final class NodeTokens {
    private final NodeIds mode;
    private final int fixedN;
    private final Object2IntOpenHashMap<String> byName = new Object2IntOpenHashMap<>();
    private final List<String> names = new ArrayList<>();
    private int maxId = -1;

    NodeTokens(NodeIds mode, int numNodes) {
        this.mode = mode;
        this.fixedN = numNodes;
        byName.defaultReturnValue(-1);
    }

    int next(TextCursor c, String stops) throws DatasetFormatException {
        int id;
        if (mode == NodeIds.NAMES) {
            String t = c.token(stops);
            if (t.isEmpty()) {
                throw c.error("a node name", "end of field");
            }
            id = byName.getInt(t);
            if (id < 0) {
                id = names.size();
                if (fixedN >= 0 && id >= fixedN) {
                    throw c.error("at most " + fixedN + " distinct node names", "name '" + t + "' as number " + (id + 1));
                }
                byName.put(t, id);
                names.add(t);
            }
        } else {
            int raw = c.nextInt();
            int base = mode == NodeIds.ONE_BASED ? 1 : 0;
            id = raw - base;
            if (id < 0 || (fixedN >= 0 && id >= fixedN)) {
                throw c.error("a node id in " + base + ".." + (fixedN >= 0 ? String.valueOf(fixedN - 1 + base) : "2^31-1"),
                        String.valueOf(raw));
            }
        }
        maxId = Math.max(maxId, id);
        return id;
    }

    /**
     * N: the given count, or the largest id + 1. An inferred N above 100 × lines + 1,000,000 is refused (it would
     * allocate gigabytes for ids that are really sparse labels; read such files with {@link NodeIds#NAMES}).
     */
    int numNodes(TextCursor c, long lines) throws DatasetFormatException {
        if (fixedN >= 0) {
            return fixedN;
        }
        long limit = 100 * lines + 1_000_000;
        if (maxId + 1L > limit) {
            throw new DatasetFormatException(c.file(), "all lines", "expected node ids below " + limit
                    + " (100 per line + 1,000,000) when N is inferred, found id " + maxId
                    + "; use NodeIds.NAMES for sparse ids or give numNodes");
        }
        return maxId + 1;
    }

    String[] names() {
        return mode == NodeIds.NAMES ? names.toArray(String[]::new) : null;
    }
}
