package io.gnn4j.graph;

/**
 * Connected components of a graph's CSR, in linear time and without copying the graph: weakly connected components
 * by union–find over the stored entries, strongly connected components by an iterative Tarjan (1972) walk over the
 * rows (the out-edges). JGraphT's algorithms would first copy the CSR into its object graph (one object per edge);
 * these read the primitive arrays directly. For an undirected graph both counts are the connected components.
 */
public final class Components {
    private Components() {
    }

    /** The component id (0, 1, … in order of each component's smallest node) of every node, ignoring direction. */
    public static int[] weak(Graph g) {
        int n = g.numNodes();
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        for (int u = 0; u < n; u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int a = root(parent, u), b = root(parent, colIdx[k]);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        int[] id = new int[n];
        int count = 0;
        for (int v = 0; v < n; v++) {
            int r = root(parent, v);
            id[v] = r == v ? count++ : id[r];
        }
        return id;
    }

    /** The number of weakly connected components. */
    public static int countWeak(Graph g) {
        return count(weak(g));
    }

    /**
     * The strongly connected component id of every node (ids in the order Tarjan's algorithm completes the
     * components, i.e. a reverse topological order of the condensation).
     */
    public static int[] strong(Graph g) {
        int n = g.numNodes();
        int[] rowPtr = g.rowPtr(), colIdx = g.colIdx();
        int[] index = new int[n], low = new int[n], comp = new int[n];
        java.util.Arrays.fill(index, -1);
        int[] stack = new int[n];              // Tarjan's stack of visited, unassigned nodes
        boolean[] onStack = new boolean[n];
        int[] callNode = new int[n], callEdge = new int[n];   // the explicit recursion stack
        int sp = 0, next = 0, count = 0;
        for (int s = 0; s < n; s++) {
            if (index[s] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = s;
            callEdge[0] = rowPtr[s];
            index[s] = low[s] = next++;
            stack[sp++] = s;
            onStack[s] = true;
            while (depth >= 0) {
                int u = callNode[depth];
                if (callEdge[depth] < rowPtr[u + 1]) {
                    int v = colIdx[callEdge[depth]++];
                    if (index[v] < 0) {
                        index[v] = low[v] = next++;
                        stack[sp++] = v;
                        onStack[v] = true;
                        depth++;
                        callNode[depth] = v;
                        callEdge[depth] = rowPtr[v];
                    } else if (onStack[v]) {
                        low[u] = Math.min(low[u], index[v]);
                    }
                    continue;
                }
                if (low[u] == index[u]) {
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        comp[w] = count;
                    } while (w != u);
                    count++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[u]);
                }
            }
        }
        return comp;
    }

    /** The number of strongly connected components. */
    public static int countStrong(Graph g) {
        return count(strong(g));
    }

    /** The number of components in an id array from {@link #weak} or {@link #strong} (its largest id + 1). */
    public static int count(int[] ids) {
        int max = -1;
        for (int id : ids) {
            max = Math.max(max, id);
        }
        return max + 1;
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
