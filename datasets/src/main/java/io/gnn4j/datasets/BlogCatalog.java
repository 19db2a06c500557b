package io.gnn4j.datasets;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Sparse;

/**
 * Loader for BlogCatalog (Tang &amp; Liu, "Relational learning via latent social dimensions", KDD 2009) as the
 * MATLAB Level 5 file distributed with DeepWalk: a sparse symmetric N×N variable {@code network} (the undirected
 * friendship graph, no self loops) and a sparse N×L variable {@code group} (node u belongs to group c when entry
 * (u, c) is non-zero), usually zlib-compressed. Reading uses MFL ({@code us.hebi.matlab.mat:mfl-core}); the sparse
 * matrices are walked in CSC order up to {@code jc[ncols]}, so padding up to nzmax is ignored. The result is a
 * {@link NodeDataset} without features, with every single label −1 and the label sets in {@link MultiLabels}.
 * Anything unexpected (missing or non-sparse variable, wrong shape, asymmetric network, a negative, zero or
 * non-finite value, complex data) raises a {@link DatasetFormatException} naming the file and the variable.
 */
public final class BlogCatalog {
    /** The variable holding the adjacency matrix. */
    public static final String NETWORK = "network";
    /** The variable holding the node–group membership matrix. */
    public static final String GROUP = "group";

    private BlogCatalog() {}

    /** Loads {@code network} and {@code group} from a MAT-file; the dataset is named "blogcatalog". */
    public static NodeDataset load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException(file + ": no such file");
        }
        MatFile mat;
        try {
            mat = Mat5.readFromFile(file.toFile());
        } catch (RuntimeException | IOException e) {
            throw new DatasetFormatException(file, "MAT-file header/elements",
                    "expected a MATLAB Level 5 MAT-file, but it could not be parsed: " + e.getMessage(), e);
        }
        try (mat) {
            Sparse network = sparse(file, mat, NETWORK);
            Sparse group = sparse(file, mat, GROUP);
            int n = network.getNumRows();
            if (network.getNumCols() != n) {
                throw new DatasetFormatException(file, "variable '" + NETWORK + "'",
                        "expected a square matrix, found " + n + "×" + network.getNumCols());
            }
            if (group.getNumRows() != n) {
                throw new DatasetFormatException(file, "variable '" + GROUP + "'",
                        "expected " + n + " rows (one per node of '" + NETWORK + "'), found " + group.getNumRows());
            }
            Graph graph = graph(file, network, n);
            MultiLabels labels = labels(file, group, n);
            int[] single = new int[n];
            Arrays.fill(single, -1);
            return new NodeDataset("blogcatalog", graph, 0, new float[0], single, labels.numLabels(), List.of(),
                    labels);
        }
    }

    private static Sparse sparse(Path file, MatFile mat, String name) throws DatasetFormatException {
        List<String> names = new ArrayList<>();
        for (MatFile.Entry e : mat.getEntries()) {
            names.add(e.getName());
            if (e.getName().equals(name)) {
                Array a = e.getValue();
                if (a.getType() != MatlabType.Sparse) {
                    throw new DatasetFormatException(file, "variable '" + name + "'",
                            "expected a sparse double matrix, found " + a.getType() + " "
                                    + Arrays.toString(a.getDimensions()));
                }
                Sparse s = (Sparse) a;
                if (s.isComplex()) {
                    throw new DatasetFormatException(file, "variable '" + name + "'",
                            "expected a real sparse matrix, found a complex one");
                }
                return s;
            }
        }
        throw new DatasetFormatException(file, "variable '" + name + "'",
                "expected a variable named '" + name + "', found only " + names);
    }

    private static Graph graph(Path file, Sparse network, int n) throws DatasetFormatException {
        IntArrayList rows = new IntArrayList(network.getNzMax());
        IntArrayList cols = new IntArrayList(network.getNzMax());
        FloatArrayList values = new FloatArrayList(network.getNzMax());
        boolean[] allOnes = {true};
        String[] bad = {null};
        network.forEach((r, c, re, im) -> {
            if (bad[0] == null && !(re > 0 && Double.isFinite(re))) {
                bad[0] = "entry (" + r + ", " + c + ") is " + re + ", expected a positive finite weight";
            }
            rows.add(r);
            cols.add(c);
            values.add((float) re);
            allOnes[0] &= re == 1.0;
        });
        if (bad[0] != null) {
            throw new DatasetFormatException(file, "variable '" + NETWORK + "'", bad[0]);
        }
        GraphBuilder b = GraphBuilder.undirected(n);
        if (allOnes[0]) {
            b.addEdges(rows.toIntArray(), cols.toIntArray());
        } else {
            b.addEdges(rows.toIntArray(), cols.toIntArray(), values.toFloatArray());
        }
        Graph g = b.build();
        if (g.numEntries() != rows.size()) {
            throw new DatasetFormatException(file, "variable '" + NETWORK + "'",
                    "expected a symmetric matrix (an undirected graph), but its " + rows.size()
                            + " stored entries become " + g.numEntries() + " after symmetrisation");
        }
        return g;
    }

    private static MultiLabels labels(Path file, Sparse group, int n) throws DatasetFormatException {
        int numLabels = group.getNumCols();
        int[] counts = new int[n + 1];
        IntArrayList rows = new IntArrayList();
        IntArrayList cols = new IntArrayList();
        String[] bad = {null};
        group.forEach((r, c, re, im) -> {
            if (bad[0] == null && (re == 0 || !Double.isFinite(re))) {
                bad[0] = "entry (" + r + ", " + c + ") is " + re + ", expected a non-zero membership flag";
            }
            rows.add(r);
            cols.add(c);
        });
        if (bad[0] != null) {
            throw new DatasetFormatException(file, "variable '" + GROUP + "'", bad[0]);
        }
        for (int i = 0; i < rows.size(); i++) {
            counts[rows.getInt(i) + 1]++;
        }
        for (int u = 0; u < n; u++) {
            counts[u + 1] += counts[u];
        }
        int[] offsets = counts.clone();
        int[] fill = Arrays.copyOf(counts, n);
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            labels[fill[rows.getInt(i)]++] = cols.getInt(i);
        }
        for (int u = 0; u < n; u++) {
            Arrays.sort(labels, offsets[u], offsets[u + 1]);
            for (int k = offsets[u] + 1; k < offsets[u + 1]; k++) {
                if (labels[k] == labels[k - 1]) {
                    throw new DatasetFormatException(file, "variable '" + GROUP + "'",
                            "node " + u + " lists group " + labels[k] + " twice; expected a sparse matrix with"
                                    + " unique entries");
                }
            }
        }
        return new MultiLabels(numLabels, offsets, labels);
    }
}
