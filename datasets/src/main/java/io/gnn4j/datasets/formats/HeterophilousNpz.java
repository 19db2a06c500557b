package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.datasets.npz.NpzFile;
import io.gnn4j.graph.DuplicateEdges;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loader of the {@code .npz} files of yandex-research/heterophilous-graphs (Platonov et al., "A critical look at the
 * evaluation of GNNs under heterophily", ICLR 2023): {@code node_features} (N×F float), {@code node_labels} (N),
 * {@code edges} (E×2, {@code [src, dst]} rows) and {@code train_masks, val_masks, test_masks} of shape (S, N) —
 * stored in Fortran order in several files, which {@link io.gnn4j.datasets.npz.NpyArray} handles — giving splits
 * {@code "split-0" .. "split-(S-1)"}. The files store each undirected edge once, so the graph is symmetrised,
 * except for the {@code *_directed} variants (detected from the file name), which keep the direction.
 */
public final class HeterophilousNpz {
    private HeterophilousNpz() {}

    /** Loads the file; directed iff its name contains {@code _directed}. */
    public static NodeDataset load(Path file) throws IOException {
        return load(file, file.getFileName().toString().contains("_directed"));
    }

    /** Loads the file as a directed graph (edges as stored) or an undirected one (symmetrised). */
    public static NodeDataset load(Path file, boolean directed) throws IOException {
        NpzFile npz = NpzFile.open(file);
        NpyArray feat = npz.get("node_features").requireShape(-1, -1);
        int n = feat.dim(0), f = feat.dim(1);
        float[] x = LoaderSupport.finite(feat);
        int[] y = LoaderSupport.labels(npz.get("node_labels"), n);

        NpyArray edgeArr = npz.get("edges").requireShape(-1, 2);
        long[] e = edgeArr.toLongArray();
        GraphBuilder b = directed ? GraphBuilder.directed(n) : GraphBuilder.undirected(n);
        b.duplicates(DuplicateEdges.FIRST);
        for (int k = 0; k < e.length; k += 2) {
            if (e[k] < 0 || e[k] >= n || e[k + 1] < 0 || e[k + 1] >= n) {
                throw edgeArr.error("edge " + k / 2 + " = [" + e[k] + ", " + e[k + 1] + "] has a node id outside [0, "
                        + n + ")");
            }
            b.addEdge((int) e[k], (int) e[k + 1]);
        }
        Graph g = b.build();

        NpyArray tr = npz.get("train_masks").requireShape(-1, n);
        int s = tr.dim(0);
        NpyArray va = npz.get("val_masks").requireShape(s, n);
        NpyArray te = npz.get("test_masks").requireShape(s, n);
        boolean[] mt = tr.toBooleanArray(), mv = va.toBooleanArray(), ms = te.toBooleanArray();
        List<Split> splits = new ArrayList<>(s);
        for (int k = 0; k < s; k++) {
            splits.add(LoaderSupport.split(file, "masks row " + k, "split-" + k, LoaderSupport.indices(mt, k * n, n),
                    LoaderSupport.indices(mv, k * n, n), LoaderSupport.indices(ms, k * n, n), n));
        }
        return LoaderSupport.dataset(file, LoaderSupport.baseName(file), g, f, x, y, LoaderSupport.maxPlusOne(y), splits,
                null);
    }
}
