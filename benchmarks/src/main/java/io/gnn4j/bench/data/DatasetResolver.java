package io.gnn4j.bench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns {@code --dataset} into a {@link DatasetLocation}. A known name (cora, citeseer, mutag, texas, …) is looked up
 * as a folder in each data root in turn — {@code $GNN4J_DATA}, {@code ~/.gnn4j/data}, then the shared benchmark
 * collection ({@link #sharedDatasets()}) — and falls back to the bundled copy where one ships (Cora, MUTAG).
 * Anything else is a path, whose format is detected from the files it holds (see {@link #detect(Path)}).
 */
public final class DatasetResolver {
    /** Known names → folder under a data root. */
    public static final Map<String, String> KNOWN;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : List.of("cora", "citeseer", "cora_ml", "polblogs", "texas", "wisconsin", "cornell", "film",
                "chameleon", "squirrel", "tolokers", "minesweeper")) {
            m.put(s, s);
        }
        m.put("actor", "film");
        for (String s : List.of("MUTAG", "PROTEINS", "ENZYMES", "NCI1", "IMDB-BINARY")) {
            m.put(s.toLowerCase(Locale.ROOT), s);
        }
        KNOWN = java.util.Collections.unmodifiableMap(m);
    }

    /** Names with a copy inside the jar (loaded when no data root has them) → the loader's dataset name. */
    public static final Map<String, String> BUNDLED = Map.of("mutag", "MUTAG", "cora", "cora");

    /** Sub-folders of a dataset folder, in order of preference. */
    private static final List<String> PREFERRED_SUBFOLDERS = List.of("planetoid", "npz", "geom-gcn",
            "heterophilous-graphs", "linqs");

    private final List<Path> roots;

    /** A resolver over explicit data roots (tried in order). */
    public DatasetResolver(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * The standard roots: {@code $GNN4J_DATA} if set, {@code ~/.gnn4j/data}, and {@code ../shared/datasets} next to
     * the project root (system property {@code gnn4j.projectRoot}, else the working directory).
     */
    public static DatasetResolver standard() {
        List<Path> roots = new ArrayList<>();
        String env = System.getenv("GNN4J_DATA");
        if (env != null && !env.isBlank()) {
            roots.add(Path.of(env));
        }
        roots.add(Path.of(System.getProperty("user.home"), ".gnn4j", "data"));
        roots.add(sharedDatasets());
        return new DatasetResolver(roots);
    }

    /**
     * The shared benchmark collection: the first {@code shared/datasets} folder found walking up from the project
     * root (system property {@code gnn4j.projectRoot}, else the working directory), so that a checkout nested in a
     * worktree folder finds it too; {@code <projectRoot>/../shared/datasets} when there is none.
     */
    public static Path sharedDatasets() {
        Path start = Path.of(System.getProperty("gnn4j.projectRoot", System.getProperty("user.dir"))).toAbsolutePath()
                .normalize();
        for (Path p = start.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return start.resolveSibling("shared").resolve("datasets");
    }

    /** The data roots, in lookup order. */
    public List<Path> roots() {
        return roots;
    }

    /** Resolves a known name or a path; the error lists the known names and the roots searched. */
    public DatasetLocation resolve(String nameOrPath) throws IOException {
        String key = nameOrPath.toLowerCase(Locale.ROOT);
        String folder = KNOWN.get(key);
        if (folder != null) {
            for (Path root : roots) {
                Path p = root.resolve(folder);
                if (Files.isDirectory(p)) {
                    return detect(p);
                }
            }
            if (BUNDLED.containsKey(key)) {
                return new DatasetLocation(key.equals("cora") ? DatasetFormat.PLANETOID : DatasetFormat.TU, null,
                        BUNDLED.get(key), null);
            }
            throw new IllegalArgumentException("dataset '" + nameOrPath + "' is a known name but its folder '" + folder
                    + "' is in none of the data roots " + roots + "; set GNN4J_DATA or pass a path");
        }
        Path p = Path.of(nameOrPath);
        if (Files.exists(p)) {
            return detect(p);
        }
        throw new IllegalArgumentException("unknown dataset '" + nameOrPath + "': not a known name ("
                + String.join(", ", KNOWN.keySet()) + ") and no such file or folder");
    }

    /**
     * Detects the format of a file or folder: {@code *_A.txt} → TU; {@code ind.<name>.graph} → Planetoid;
     * {@code out1_graph_edges.txt} + {@code out1_node_feature_label.txt} → Geom-GCN; {@code *.content} +
     * {@code *.cites} → LINQS; an {@code .npz} by its members; a folder holding one {@code .npz} (or
     * {@code <folder>.npz}) → that file; a folder with format sub-folders → the preferred one (planetoid, npz,
     * geom-gcn, heterophilous-graphs, linqs), keeping a sibling {@code geom-gcn/splits} folder as extra splits.
     */
    public static DatasetLocation detect(Path p) throws IOException {
        if (Files.isRegularFile(p)) {
            String file = p.getFileName().toString();
            if (file.endsWith(".npz")) {
                return detectNpz(p);
            }
            if (file.endsWith("_A.txt") || file.startsWith("ind.") || file.startsWith("out1_")
                    || file.endsWith(".content") || file.endsWith(".cites")) {
                return detect(p.toAbsolutePath().getParent());
            }
            throw new IllegalArgumentException("cannot tell the format of file " + p + ": expected an .npz or a file of "
                    + "a TU, Planetoid, Geom-GCN or LINQS folder");
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("no such file or folder: " + p);
        }
        List<String> files;
        try (Stream<Path> s = Files.list(p)) {
            files = s.map(x -> x.getFileName().toString()).sorted().toList();
        }
        List<String> tu = files.stream().filter(f -> f.endsWith("_A.txt")).toList();
        if (tu.size() == 1) {
            String name = tu.getFirst().substring(0, tu.getFirst().length() - "_A.txt".length());
            if (!files.contains(name + "_graph_indicator.txt")) {
                throw new IllegalArgumentException(p + ": " + tu.getFirst() + " looks like the TU format but "
                        + name + "_graph_indicator.txt is missing");
            }
            return new DatasetLocation(DatasetFormat.TU, p, name, null);
        }
        if (tu.size() > 1) {
            throw new IllegalArgumentException(p + " holds several TU datasets " + tu + "; pass one file, e.g. "
                    + p.resolve(tu.getFirst()));
        }
        for (String f : files) {
            if (f.startsWith("ind.") && f.endsWith(".graph")) {
                return new DatasetLocation(DatasetFormat.PLANETOID, p, f.substring(4, f.length() - 6), siblingSplits(p));
            }
        }
        if (files.contains("out1_graph_edges.txt") && files.contains("out1_node_feature_label.txt")) {
            String dirName = p.toAbsolutePath().getFileName().toString();
            String name = dirName.equals("geom-gcn") ? p.toAbsolutePath().getParent().getFileName().toString() : dirName;
            return new DatasetLocation(DatasetFormat.GEOM_GCN, p, name, null);
        }
        for (String f : files) {
            if (f.endsWith(".content") && files.contains(f.substring(0, f.length() - 8) + ".cites")) {
                return new DatasetLocation(DatasetFormat.LINQS, p, f.substring(0, f.length() - 8), null);
            }
        }
        List<String> npz = files.stream().filter(f -> f.endsWith(".npz")).toList();
        String own = p.toAbsolutePath().getFileName() + ".npz";
        String parentNpz = (p.toAbsolutePath().getParent() == null ? "" : p.toAbsolutePath().getParent().getFileName())
                + ".npz";
        if (npz.size() == 1) {
            return detectNpz(p.resolve(npz.getFirst()));
        }
        if (npz.contains(own)) {
            return detectNpz(p.resolve(own));
        }
        if (npz.contains(parentNpz)) {
            return detectNpz(p.resolve(parentNpz));
        }
        for (String sub : PREFERRED_SUBFOLDERS) {
            Path d = p.resolve(sub);
            if (Files.isDirectory(d) && usable(d)) {
                return detect(d);
            }
        }
        throw new IllegalArgumentException("no dataset format recognised in " + p + " (files: " + files + "); expected "
                + "one of: " + formats() + (npz.isEmpty() ? "" : "; several .npz files, pass one: " + npz));
    }

    /** Whether a format sub-folder has what its loader needs (Geom-GCN folders of Chameleon/Squirrel lack features). */
    private static boolean usable(Path d) {
        if (d.getFileName().toString().equals("geom-gcn")) {
            return Files.exists(d.resolve("out1_node_feature_label.txt"));
        }
        return true;
    }

    private static Path siblingSplits(Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        Path s = parent == null ? null : parent.resolve("geom-gcn").resolve("splits");
        return s != null && Files.isDirectory(s) ? s : null;
    }

    private static DatasetLocation detectNpz(Path file) throws IOException {
        List<String> members = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                members.add(e.nextElement().getName());
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(file + " is not an .npz (zip) file: " + e.getMessage());
        }
        String f = file.getFileName().toString();
        String name = f.substring(0, f.length() - 4);
        if (members.contains("adj_indptr.npy")) {
            return new DatasetLocation(DatasetFormat.GNN_BENCHMARK_NPZ, file, name, null);
        }
        if (members.contains("node_features.npy") && members.contains("edges.npy")) {
            return new DatasetLocation(DatasetFormat.HETEROPHILOUS_NPZ, file, name, null);
        }
        throw new IllegalArgumentException(file + ": an .npz with members " + members + "; expected "
                + DatasetFormat.GNN_BENCHMARK_NPZ.description() + " or " + DatasetFormat.HETEROPHILOUS_NPZ.description());
    }

    private static String formats() {
        StringBuilder sb = new StringBuilder();
        for (DatasetFormat f : DatasetFormat.values()) {
            sb.append(sb.isEmpty() ? "" : "; ").append(f.description());
        }
        return sb.toString();
    }
}
