package io.gnn4j.datasets;

import io.gnn4j.datasets.cache.DataDirectory;
import io.gnn4j.datasets.cache.DatasetRegistry;
import io.gnn4j.datasets.edgelist.AdjacencyListFormat;
import io.gnn4j.datasets.edgelist.EdgeListFormat;
import io.gnn4j.datasets.edgelist.EdgeListOptions;
import io.gnn4j.datasets.edgelist.LoadedGraph;
import io.gnn4j.datasets.edgelist.NodeIds;
import io.gnn4j.datasets.formats.ArrowFolder;
import io.gnn4j.datasets.formats.BundledCora;
import io.gnn4j.datasets.formats.GeomGcn;
import io.gnn4j.datasets.formats.GnnBenchmarkNpz;
import io.gnn4j.datasets.formats.HeterophilousNpz;
import io.gnn4j.datasets.formats.Linqs;
import io.gnn4j.datasets.formats.NumpyFolder;
import io.gnn4j.datasets.formats.Planetoid;
import io.gnn4j.datasets.formats.ScipySparseNpz;
import io.gnn4j.datasets.movielens.MovieLens100k;
import io.gnn4j.datasets.movielens.MovieLensRatings;
import io.gnn4j.datasets.npz.CsrMatrix;
import io.gnn4j.datasets.npz.NpzFile;
import io.gnn4j.datasets.tu.TuFeatures;
import io.gnn4j.datasets.tu.TuFormat;
import io.gnn4j.graph.arrow.ArrowGraphSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One entry point for every dataset gnn4j reads: {@link #load(String)} takes a known name ({@link #knownNames()},
 * case-insensitive, e.g. {@code "cora"}, {@code "mutag"}, {@code "ml-100k"}) or a path to a dataset folder or file in
 * any supported format, and returns the {@link Dataset} its loader gives (that loader's defaults: e.g. Planetoid Cora
 * undirected with split "public", gnn-benchmark npz as stored (directed), Geom-GCN symmetrised with splits
 * "geom-gcn-0..9"), except that TU graphs get one-hot node labels only, as PyG's {@code TUDataset} default
 * ({@code use_node_attr=False}); {@link #loadWithSource(String, List, TuFeatures)} chooses the TU features and also
 * says where the data was read.
 *
 * <pre>{@code
 * Dataset cora = Datasets.load("cora");                        // Planetoid Cora, split "public"
 * Dataset mutag = Datasets.load("path/to/MUTAG");              // a TU folder
 * Dataset texas = Datasets.load("texas/heterophilous-graphs/texas.npz");
 * System.out.println(DatasetSummary.of(cora));
 * }</pre>
 *
 * <p>A name is looked up, in order: in each {@linkplain #searchRoots() search root}, the data directory
 * ({@code GNN4J_DATA}, see {@link DataDirectory}) followed by a {@code shared/datasets}-style folder named by the
 * system property or environment variable {@value #SHARED_ENV}; then in the data bundled in the jar (cora —
 * Planetoid files, mutag, karate), so that a local copy always wins over the bundled one. Inside a root the
 * dataset's folder ({@code cora/}, {@code MUTAG/}, …) may hold the layout of {@code shared/datasets} (sub-folders
 * {@code planetoid/}, {@code npz/}, {@code geom-gcn/}, {@code heterophilous-graphs/}, {@code linqs/}; the preferred
 * source per name is listed in {@link #sources}) or the files of one format directly. A Planetoid folder whose
 * sibling {@code geom-gcn/splits/} holds {@code <name>_split_0.6_0.2_<k>.npz} (Cora, CiteSeer) gets those ten
 * Geom-GCN splits after "public", named as {@link GeomGcn#loadSplits} names them — by name or by path alike.
 * {@link #sharedFolderAbove(Path)} finds a checkout's {@code shared/datasets} folder for callers that want it searched.
 *
 * <p>A path is read by the format its files show: a folder with TU {@code <DS>_A.txt} + {@code
 * <DS>_graph_indicator.txt}, Planetoid {@code ind.<name>.graph}, Geom-GCN {@code out1_node_feature_label.txt},
 * LINQS {@code <name>.content} + {@code .cites}, MovieLens {@code u.data} (100K) or {@code ratings.dat} /
 * {@code ratings.csv} ({@link MovieLensRatings}: 1M, 10M, 20M–32M, ml-latest), Arrow {@code nodes.arrow} +
 * {@code edges.arrow} ({@link ArrowFolder}), a folder of NumPy arrays (one
 * {@code scipy.sparse} adjacency {@code .npz} beside {@code *labels*.npy} and optionally {@code *feat*.npy},
 * {@link NumpyFolder}), or exactly one data file (of several, the
 * one named after the folder or its parent, e.g. {@code texas.npz} in {@code texas/heterophilous-graphs/}); a file
 * {@code .npz} (kind by its keys: {@code adj_indptr} gnn-benchmark, {@code node_features}+{@code edges}
 * heterophilous-graphs, {@code format}+{@code shape} scipy.sparse), {@code .mat} (BlogCatalog), {@code .adjlist},
 * {@code .edgelist}/{@code .csv}/{@code .tsv} (undirected; ids taken as names when the first edge's are not integers,
 * 1-based when the smallest id is ≥ 1, else 0-based; a first line whose ids are not integers while the second
 * line's are is a header; a third column holds weights), or one file of a multi-file format (read with its folder).
 * Guesses made for plain edge lists are the only guesses; for full control call {@link EdgeListFormat} directly. A
 * string that is a known name is always read as the name (write {@code ./cora} for a folder called cora).
 *
 * <p>{@link #load(String)} then downloads a known name found nowhere into the data directory
 * ({@link DatasetRegistry}: public URLs, SHA-256 checked; {@code GNN4J_OFFLINE=true} disables it).
 *
 * <p>An unknown name raises {@link IllegalArgumentException} listing the known names; a known name found nowhere
 * (and not downloadable) raises {@link NoSuchFileException} listing where it looked and, when downloads were tried,
 * which file to put where; unreadable content raises {@link DatasetFormatException}.
 */
public final class Datasets {
    /** System property and environment variable naming a folder laid out like {@code shared/datasets}. */
    public static final String SHARED_ENV = "GNN4J_SHARED_DATASETS";

    /** The {@link Loaded#source()} of data read from the jar. */
    public static final String BUNDLED = "bundled";

    /**
     * A dataset and where it was read.
     *
     * @param source the absolute path of the folder or file its loader read (a Planetoid folder with Geom-GCN splits:
     *               {@code "<folder> with splits <splits folder>"}), or {@value #BUNDLED} for the jar's copy
     */
    public record Loaded(Dataset dataset, String source) {}

    /** A way to read one dataset from its folder, chosen when {@code marker} (relative to the folder) exists. */
    private record Source(String marker, Load load) {}

    private interface Load {
        Loaded from(Path folder, ReadOptions o) throws IOException;
    }

    /** Known name → folder name in a search root and its sources in order of preference. */
    private record Known(String folder, List<Source> sources) {}

    private static final SequencedMap<String, Known> KNOWN = new LinkedHashMap<>();

    static {
        known("cora", "cora", planetoid("cora"), gnnBenchmark("cora"), new Source("linqs/cora.content",
                (d, o) -> read(d.resolve("linqs"), Linqs.load(d.resolve("linqs"), "cora"))));
        known("citeseer", "citeseer", planetoid("citeseer"), gnnBenchmark("citeseer"));
        known("pubmed", "pubmed", planetoid("pubmed"), gnnBenchmark("pubmed"));
        known("cora_ml", "cora_ml", gnnBenchmark("cora_ml"));
        known("polblogs", "polblogs", gnnBenchmark("polblogs"));
        known("texas", "texas", geomGcn("texas"), heterophilous("texas"));
        known("wisconsin", "wisconsin", geomGcn("wisconsin"), heterophilous("wisconsin"));
        // Geom-GCN's Cornell node file is Texas's (README); the heterophilous-graphs file has Cornell's own labels.
        known("cornell", "cornell", heterophilous("cornell"), geomGcn("cornell"));
        known("film", "film", geomGcn("film"), heterophilous("actor"));
        known("actor", "film", geomGcn("film"), heterophilous("actor"));
        known("chameleon", "chameleon", geomGcn("chameleon"), heterophilous("chameleon"));
        known("squirrel", "squirrel", geomGcn("squirrel"), heterophilous("squirrel"));
        known("tolokers", "tolokers", heterophilous("tolokers"));
        known("minesweeper", "minesweeper", heterophilous("minesweeper"));
        for (String tu : new String[] {"MUTAG", "PROTEINS", "ENZYMES", "NCI1", "IMDB-BINARY"}) {
            known(tu.toLowerCase(Locale.ROOT), tu,
                    new Source(tu + "_A.txt", (d, o) -> read(d, TuFormat.load(d, tu, o.tuFeatures()).dataset())));
        }
        known("karate", "karate", singleFile("karate.adjlist"), singleFile("karate.edgelist"));
        known("ml-100k", "ml-100k", new Source("u.data", (d, o) -> read(d, MovieLens100k.load(d))));
        known("ml-1m", "ml-1m", movieLensRatings("ratings.dat"));
        known("ml-latest-small", "ml-latest-small", movieLensRatings("ratings.csv"));
        known("blogcatalog", "blogcatalog", singleFile("blogcatalog.mat"));
    }

    private Datasets() {}

    private static void known(String name, String folder, Source... sources) {
        KNOWN.put(name, new Known(folder, List.of(sources)));
    }

    private static Source planetoid(String name) {
        return new Source("planetoid/ind." + name + ".graph", (d, o) -> planetoid(d.resolve("planetoid"), name));
    }

    private static Source gnnBenchmark(String name) {
        String rel = "npz/" + name + ".npz";
        return new Source(rel, (d, o) -> read(d.resolve(rel), GnnBenchmarkNpz.load(d.resolve(rel))));
    }

    private static Source geomGcn(String name) {
        // Chameleon's and Squirrel's published folders lack the node file: then the next source is used.
        return new Source("geom-gcn/out1_node_feature_label.txt",
                (d, o) -> read(d.resolve("geom-gcn"), GeomGcn.load(d.resolve("geom-gcn"), name)));
    }

    private static Source movieLensRatings(String file) {
        return new Source(file, (d, o) -> read(d.resolve(file), MovieLensRatings.load(d.resolve(file))));
    }

    private static Source heterophilous(String file) {
        String rel = "heterophilous-graphs/" + file + ".npz";
        return new Source(rel, (d, o) -> read(d.resolve(rel), heterophilous(d.resolve(rel), o)));
    }

    /** A source that is one file of a single-file format, read as a path to that file would be. */
    private static Source singleFile(String file) {
        return new Source(file, (d, o) -> loadFile(d.resolve(file), o));
    }

    private static Loaded read(Path from, Dataset d) {
        return new Loaded(d, from.toAbsolutePath().normalize().toString());
    }

    /** The names {@link #load(String)} accepts, in a fixed order. */
    public static List<String> knownNames() {
        return List.copyOf(KNOWN.sequencedKeySet());
    }

    /**
     * The folders searched for a name, before the bundled data: the data directory's root
     * ({@link DataDirectory#fromEnvironment()}), then {@value #SHARED_ENV} (system property first, then environment
     * variable) when set.
     */
    public static List<Path> searchRoots() {
        List<Path> roots = new ArrayList<>(2);
        roots.add(DataDirectory.fromEnvironment().root());
        String shared = sharedSetting();
        if (shared != null) {
            roots.add(Path.of(shared).toAbsolutePath().normalize());
        }
        return roots;
    }

    /**
     * {@link #searchRoots()} for a program run from a gnn4j checkout: when {@value #SHARED_ENV} is unset, the
     * {@code shared/datasets} folder {@link #sharedFolderAbove(Path) found above} {@code projectRoot} is searched last
     * (if it exists).
     */
    public static List<Path> searchRoots(Path projectRoot) {
        List<Path> roots = new ArrayList<>(searchRoots());
        Path shared = sharedFolderAbove(projectRoot);
        if (sharedSetting() == null && Files.isDirectory(shared)) {
            roots.add(shared);
        }
        return roots;
    }

    /**
     * The benchmark collection next to a checkout: the first {@code shared/datasets} folder in an ancestor of
     * {@code start} (nearest first), so that a checkout nested in a worktree folder finds it too; when there is none,
     * {@code <start>/../shared/datasets}, which does not exist.
     */
    public static Path sharedFolderAbove(Path start) {
        Path from = start.toAbsolutePath().normalize();
        for (Path p = from.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return from.resolveSibling("shared").resolve("datasets");
    }

    /** {@value #SHARED_ENV} from the system property, else the environment; null when unset or blank. */
    private static String sharedSetting() {
        String shared = System.getProperty(SHARED_ENV);
        if (shared == null || shared.isBlank()) {
            shared = System.getenv(SHARED_ENV);
        }
        return shared == null || shared.isBlank() ? null : shared;
    }

    /**
     * Loads a dataset by known name or by path, searching {@link #searchRoots()} for names.
     *
     * @param nameOrPath a name from {@link #knownNames()} (any case) or a path to a dataset folder or file
     * @throws IllegalArgumentException when it is neither an existing path nor a known name (the message lists them)
     * @throws NoSuchFileException      when a known name is neither in a search root nor bundled
     * @throws DatasetFormatException   when the files are not in a format gnn4j reads, or are damaged
     */
    public static Dataset load(String nameOrPath) throws IOException {
        return loadWithSource(nameOrPath, searchRoots(), TuFeatures.LABELS_ONLY, DataDirectory.fromEnvironment())
                .dataset();
    }

    /** {@link #load(String)} for a node-level dataset (one graph, node labels), e.g. {@code loadNodes("cora")}. */
    public static NodeDataset loadNodes(String nameOrPath) throws IOException {
        return as(NodeDataset.class, load(nameOrPath), nameOrPath);
    }

    /** {@link #load(String)} for a graph-level dataset (many graphs, graph labels), e.g. {@code loadGraphs("mutag")}. */
    public static GraphDataset loadGraphs(String nameOrPath) throws IOException {
        return as(GraphDataset.class, load(nameOrPath), nameOrPath);
    }

    private static <T extends Dataset> T as(Class<T> type, Dataset d, String nameOrPath) {
        if (!type.isInstance(d)) {
            throw new IllegalArgumentException(nameOrPath + " is a " + d.getClass().getSimpleName() + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(d);
    }

    /** As {@link #load(String)}, with the folders searched for names (before the bundled data) given explicitly. */
    public static Dataset load(String nameOrPath, List<Path> roots) throws IOException {
        return loadWithSource(nameOrPath, roots, TuFeatures.LABELS_ONLY).dataset();
    }

    /**
     * As {@link #load(String, List)}, with the node features of TU datasets chosen ({@link TuFeatures#LABELS_ONLY}
     * is {@link #load(String)}'s), returning where the dataset was read. Nothing is downloaded.
     */
    public static Loaded loadWithSource(String nameOrPath, List<Path> roots, TuFeatures tuFeatures)
            throws IOException {
        return loadWithSource(nameOrPath, roots, tuFeatures, null);
    }

    /**
     * As {@link #loadWithSource(String, List, TuFeatures)}; a known name found in no root and not bundled is then
     * downloaded into {@code downloads} ({@link DatasetRegistry}: hashes checked; offline or failing, the error
     * names each file's URL and the path to put it at).
     *
     * @param downloads the data directory to download into, or null for no downloads
     */
    public static Loaded loadWithSource(String nameOrPath, List<Path> roots, TuFeatures tuFeatures,
                                        DataDirectory downloads) throws IOException {
        return loadWithSource(nameOrPath, roots, ReadOptions.DEFAULT.withTuFeatures(tuFeatures), downloads);
    }

    /**
     * As {@link #loadWithSource(String, List, TuFeatures, DataDirectory)} with every reading option given
     * ({@link ReadOptions}: the TU node features, and whether edge lists, adjacency lists and heterophilous-graphs
     * files keep their stored edges as arcs).
     */
    public static Loaded loadWithSource(String nameOrPath, List<Path> roots, ReadOptions options,
                                        DataDirectory downloads) throws IOException {
        String key = nameOrPath.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty dataset name: expected one of " + knownNames()
                    + " or the path of a dataset folder or file");
        }
        Known known = KNOWN.get(key);
        if (known == null) {
            Path p = Path.of(nameOrPath);
            if (Files.exists(p)) {
                return loadPath(p, options);
            }
            if (nameOrPath.contains("/") || nameOrPath.contains(java.io.File.separator)) {
                throw new NoSuchFileException(p.toAbsolutePath().toString(), null, "no such dataset file or folder");
            }
            throw new IllegalArgumentException("unknown dataset '" + nameOrPath + "': expected one of " + knownNames()
                    + " or the path of a dataset folder or file");
        }
        List<String> looked = new ArrayList<>();
        for (Path root : roots) {
            Path folder = root.resolve(known.folder());
            if (!Files.isDirectory(folder)) {
                folder = root.resolve(key);
            }
            if (!Files.isDirectory(folder)) {
                looked.add(root.resolve(known.folder()) + " (absent)");
                continue;
            }
            Loaded d = fromKnownFolder(key, folder, options);
            if (d != null) {
                return d;
            }
            looked.add(folder + " (has none of " + known.sources().stream().map(Source::marker).toList()
                    + " and no files of one format)");
        }
        Dataset bundled = bundled(key, options.tuFeatures());
        if (bundled != null) {
            return new Loaded(bundled, BUNDLED);
        }
        String notFound = "dataset '" + key + "' was not found and is not bundled; looked in "
                + (looked.isEmpty() ? "no search root" : looked);
        if (downloads == null || DatasetRegistry.files(known.folder()).isEmpty()) {
            throw new NoSuchFileException(key, null, notFound + "; set " + DataDirectory.ENV + " or " + SHARED_ENV);
        }
        Path folder;
        try {
            folder = DatasetRegistry.fetch(known.folder(), downloads);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(e.getFile(), null, notFound + "; " + e.getReason());
        }
        Loaded d = fromKnownFolder(key, folder, options);
        if (d == null) {
            throw new NoSuchFileException(folder.toString(), null, "the downloaded files of '" + key + "' are not a "
                    + "dataset format: " + listing(folder));
        }
        return d;
    }

    /** The data shipped in the jar for this name, or null. */
    private static Dataset bundled(String key, TuFeatures tu) throws IOException {
        return switch (key) {
            case "cora" -> BundledCora.planetoid();
            case "mutag" -> TuFormat.loadBundled("MUTAG", tu).dataset();
            case "karate" -> AdjacencyListFormat.karate().asNodeDataset("karate");
            default -> null;
        };
    }

    /** The dataset of a known name from its folder: the first present source, else the folder's own format. */
    private static Loaded fromKnownFolder(String key, Path folder, ReadOptions o) throws IOException {
        for (Source s : KNOWN.get(key).sources()) {
            if (Files.exists(folder.resolve(s.marker()))) {
                return s.load().from(folder, o);
            }
        }
        return detectFolder(folder, o);
    }

    /**
     * Loads a dataset folder or file, its format detected from the files (see the class comment); TU graphs get
     * one-hot node labels only.
     *
     * @throws DatasetFormatException when no supported format is recognised (the message says what was found)
     */
    public static Dataset loadPath(Path path) throws IOException {
        return loadPath(path, ReadOptions.DEFAULT).dataset();
    }

    private static Loaded loadPath(Path path, ReadOptions o) throws IOException {
        if (Files.isDirectory(path)) {
            Loaded d = detectFolder(path, o);
            if (d == null) {
                String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
                if (KNOWN.containsKey(name)) {
                    d = fromKnownFolder(name, path, o);
                }
            }
            if (d == null) {
                throw new DatasetFormatException(path, "folder", "expected the files of one dataset format (TU "
                        + "<DS>_A.txt, Planetoid ind.<name>.*, Geom-GCN out1_*.txt, LINQS .content/.cites, MovieLens "
                        + "u.data or ratings.dat/.csv, Arrow nodes.arrow + edges.arrow, an adjacency .npz with "
                        + "*labels*.npy, or one .npz/.mat/.adjlist/.edgelist/.csv/.tsv file), found " + listing(path));
            }
            return d;
        }
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString());
        }
        return loadFile(path, o);
    }

    private static final Pattern TU_FILE = Pattern.compile(
            "(.+)_(A|graph_indicator|graph_labels|node_labels|node_attributes|edge_labels|edge_attributes"
                    + "|graph_attributes)\\.txt");
    private static final Pattern PLANETOID_FILE = Pattern.compile("ind\\.([^.]+)\\.(x|tx|allx|y|ty|ally|graph|test\\.index)");

    /** The dataset in a folder by its files, or null when no format is recognised. */
    private static Loaded detectFolder(Path dir, ReadOptions o) throws IOException {
        List<String> files = fileNames(dir);
        List<String> tuNames = files.stream().filter(f -> f.endsWith("_graph_indicator.txt"))
                .map(f -> f.substring(0, f.length() - "_graph_indicator.txt".length()))
                .filter(p -> files.contains(p + "_A.txt")).toList();
        if (tuNames.size() > 1) {
            throw new DatasetFormatException(dir, "folder", "expected one TU dataset, found " + tuNames);
        }
        if (tuNames.size() == 1) {
            return read(dir, TuFormat.load(dir, tuNames.getFirst(), o.tuFeatures()).dataset());
        }
        List<String> planetoid = files.stream().map(PLANETOID_FILE::matcher).filter(Matcher::matches)
                .filter(m -> m.group(2).equals("graph")).map(m -> m.group(1)).toList();
        if (planetoid.size() > 1) {
            throw new DatasetFormatException(dir, "folder", "expected one Planetoid dataset, found " + planetoid);
        }
        if (planetoid.size() == 1) {
            return planetoid(dir, planetoid.getFirst());
        }
        if (files.contains("out1_node_feature_label.txt")) {
            return read(dir, GeomGcn.load(dir, geomGcnName(dir)));
        }
        List<String> linqs = files.stream().filter(f -> f.endsWith(".content"))
                .map(f -> f.substring(0, f.length() - ".content".length()))
                .filter(p -> files.contains(p + ".cites")).toList();
        if (linqs.size() == 1) {
            return read(dir, Linqs.load(dir, linqs.getFirst()));
        }
        if (files.contains("u.data")) {
            return read(dir, MovieLens100k.load(dir));
        }
        for (String ratings : new String[] {"ratings.dat", "ratings.csv"}) {
            Path file = dir.resolve(ratings);
            if (files.contains(ratings) && (ratings.endsWith(".dat") || MovieLensRatings.isRatingsCsv(file))) {
                return read(file, MovieLensRatings.load(file));
            }
        }
        if (ArrowFolder.isArrowFolder(dir)) {
            return read(dir, ArrowFolder.load(dir));
        }
        NumpyFolder.Parts numpy = NumpyFolder.find(dir, files);
        if (numpy != null) {
            return read(dir, NumpyFolder.load(dir, numpy));
        }
        List<String> data = files.stream().filter(Datasets::isSingleFileFormat).toList();
        if (data.size() == 1) {
            return loadFile(dir.resolve(data.getFirst()), o);
        }
        // Several: the one named after the folder or its parent (texas/heterophilous-graphs/texas.npz).
        Path abs = dir.toAbsolutePath().normalize();
        for (Path named : Arrays.asList(abs, abs.getParent())) {
            String base = named == null || named.getFileName() == null ? null : named.getFileName().toString();
            for (String f : data) {
                if (baseName(Path.of(f)).equals(base)) {
                    return loadFile(dir.resolve(f), o);
                }
            }
        }
        return null;
    }

    /**
     * Planetoid {@code ind.<name>.*} in {@code dir}; when the sibling folder {@code ../geom-gcn/splits} holds
     * {@code <name>}'s Geom-GCN split files (as {@code shared/datasets} has for Cora and CiteSeer), its ten splits
     * follow "public".
     */
    private static Loaded planetoid(Path dir, String name) throws IOException {
        NodeDataset d = Planetoid.load(dir, name);
        Path folder = dir.toAbsolutePath().normalize();
        Path splits = folder.getParent() == null ? null : folder.getParent().resolve("geom-gcn").resolve("splits");
        if (splits == null || !Files.isRegularFile(GeomGcn.splitFile(splits, name, 0))) {
            return read(folder, d);
        }
        List<Split> all = new ArrayList<>(d.splits());
        all.addAll(GeomGcn.loadSplits(splits, name, d.graph().numNodes()));
        NodeDataset withSplits = new NodeDataset(d.name(), d.graph(), d.numFeatures(), d.features(), d.labels(),
                d.numClasses(), all, d.multiLabels());
        return new Loaded(withSplits, folder + " with splits " + splits);
    }

    /** The Geom-GCN dataset name: from {@code splits/<name>_split_0.6_0.2_0.npz}, else the folder name. */
    private static String geomGcnName(Path dir) throws IOException {
        Path splits = dir.resolve("splits");
        if (Files.isDirectory(splits)) {
            for (String f : fileNames(splits)) {
                if (f.endsWith("_split_0.6_0.2_0.npz")) {
                    return f.substring(0, f.length() - "_split_0.6_0.2_0.npz".length());
                }
            }
        }
        Path name = dir.getFileName().toString().equals("geom-gcn") && dir.getParent() != null ? dir.getParent() : dir;
        return name.getFileName().toString();
    }

    private static boolean isSingleFileFormat(String f) {
        String ext = extension(f);
        return ext.equals("npz") || ext.equals("mat") || ext.equals("adjlist") || ext.equals("edgelist")
                || ext.equals("csv") || ext.equals("tsv");
    }

    /** One file: a single-file format, or a member of a multi-file format (read with its folder). */
    private static Loaded loadFile(Path file, ReadOptions o) throws IOException {
        String f = file.getFileName().toString();
        Path dir = file.toAbsolutePath().getParent();
        Matcher tuFile = TU_FILE.matcher(f);
        if (tuFile.matches() && Files.isRegularFile(dir.resolve(tuFile.group(1) + "_graph_indicator.txt"))) {
            return read(dir, TuFormat.load(dir, tuFile.group(1), o.tuFeatures()).dataset());
        }
        Matcher pl = PLANETOID_FILE.matcher(f);
        if (pl.matches()) {
            return planetoid(dir, pl.group(1));
        }
        if (f.startsWith("out1_") && f.endsWith(".txt")) {
            return read(dir, GeomGcn.load(dir, geomGcnName(dir)));
        }
        if (f.endsWith(".content") || f.endsWith(".cites")) {
            return read(dir, Linqs.load(dir, f.substring(0, f.lastIndexOf('.'))));
        }
        if (f.equals("u.data") || f.equals("u.item") || f.equals("u.user")) {
            return read(dir, MovieLens100k.load(dir));
        }
        if (f.equals("ratings.dat") || extension(f).equals("csv") && MovieLensRatings.isRatingsCsv(file)) {
            return read(file, MovieLensRatings.load(file));
        }
        if ((f.equals(ArrowGraphSchema.NODES_FILE) || f.equals(ArrowGraphSchema.EDGES_FILE))
                && ArrowFolder.isArrowFolder(dir)) {
            return read(dir, ArrowFolder.load(dir));
        }
        if (f.endsWith(".npz") || f.endsWith(".npy")) {
            NumpyFolder.Parts numpy = NumpyFolder.find(dir, fileNames(dir));
            if (numpy != null && (f.equals(numpy.adjacency()) || f.equals(numpy.labels()) || f.equals(numpy.features()))) {
                return read(dir, NumpyFolder.load(dir, numpy));
            }
        }
        return read(file, switch (extension(f)) {
            case "npz" -> npz(file, o);
            case "mat" -> BlogCatalog.load(file);
            case "adjlist" -> adjacencyList(file, o);
            case "edgelist", "csv", "tsv" -> edgeList(file, o);
            default -> throw new DatasetFormatException(file, "file name", "expected a dataset file (.npz, .mat, "
                    + ".adjlist, .edgelist, .csv, .tsv, or a file of a TU, Planetoid, Geom-GCN, LINQS or MovieLens "
                    + "folder), found '" + f + "'");
        });
    }

    /** An npz file by its keys. */
    private static Dataset npz(Path file, ReadOptions o) throws IOException {
        NpzFile npz = NpzFile.open(file);
        if (npz.has("adj_indptr")) {
            return GnnBenchmarkNpz.load(file);
        }
        if (npz.has("node_features") && npz.has("edges")) {
            return heterophilous(file, o);
        }
        if (npz.has("format") && npz.has("shape")) {
            CsrMatrix m = ScipySparseNpz.load(file);
            return new LoadedGraph(m.toGraph(file, "matrix", true), null, m.nnz(), 0, null)
                    .asNodeDataset(baseName(file));
        }
        if (npz.has("train_mask")) {
            throw new DatasetFormatException(file, "keys " + npz.keys(), "expected a dataset, found a Geom-GCN split "
                    + "file (masks only): load the dataset's folder instead");
        }
        throw new DatasetFormatException(file, "keys", "expected adj_* (gnn-benchmark), node_features + edges "
                + "(heterophilous-graphs) or format + shape (scipy.sparse), found " + npz.keys());
    }

    /** A heterophilous-graphs file: directed when its name says so ({@code _directed}) or the options ask for arcs. */
    private static NodeDataset heterophilous(Path file, ReadOptions o) throws IOException {
        return o.edgesAsArcs() ? HeterophilousNpz.load(file, true) : HeterophilousNpz.load(file);
    }

    private static Dataset adjacencyList(Path file, ReadOptions o) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Scan s = scan(bytes, true, ' ');
        return AdjacencyListFormat.read(file, bytes, s.ids, o.edgesAsArcs()).asNodeDataset(baseName(file));
    }

    private static Dataset edgeList(Path file, ReadOptions o) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        char sep = extension(file.getFileName().toString()).equals("csv") ? ',' : ' ';
        Scan s = scan(bytes, false, sep);
        EdgeListOptions options = EdgeListOptions.builder().separator(sep).ids(s.ids).header(s.header)
                .weighted(s.columns == 3).directed(o.edgesAsArcs()).build();
        return EdgeListFormat.read(file, bytes, options).asNodeDataset(baseName(file));
    }

    /** What a plain edge or adjacency list looks like: id mode, header line, columns of the first data line. */
    private record Scan(NodeIds ids, boolean header, int columns) {}

    private static Scan scan(byte[] bytes, boolean adjacency, char sep) {
        String split = sep == ',' ? "\\s*,\\s*" : "\\s+";
        List<String[]> rows = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("%")) {
                rows.add(t.split(split));
            }
        }
        // A header: the first line's id fields are not all integers while the second line's are.
        boolean header = !adjacency && rows.size() >= 2 && !integerIds(rows.get(0), adjacency)
                && integerIds(rows.get(1), adjacency);
        int first = header ? 1 : 0;
        // Names only when the first data line has them: a stray non-integer later is damage the reader reports.
        boolean names = rows.size() > first && !integerIds(rows.get(first), adjacency);
        long min = Long.MAX_VALUE;
        for (int r = first; r < rows.size() && !names; r++) {
            String[] fields = rows.get(r);
            int idFields = adjacency ? fields.length : Math.min(2, fields.length);
            for (int k = 0; k < idFields; k++) {
                if (fields[k].matches("-?\\d{1,18}")) {
                    min = Math.min(min, Long.parseLong(fields[k]));
                }
            }
        }
        int columns = rows.size() > first ? rows.get(first).length : 2;
        NodeIds ids = names ? NodeIds.NAMES : min >= 1 && min != Long.MAX_VALUE ? NodeIds.ONE_BASED : NodeIds.ZERO_BASED;
        return new Scan(ids, header, columns);
    }

    private static boolean integerIds(String[] fields, boolean adjacency) {
        int idFields = adjacency ? fields.length : Math.min(2, fields.length);
        for (int k = 0; k < idFields; k++) {
            if (!fields[k].matches("-?\\d{1,18}")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
            return names.size() > 20 ? names.subList(0, 20) + " …" : names.toString();
        }
    }

    private static String extension(String f) {
        int dot = f.lastIndexOf('.');
        return dot < 0 ? "" : f.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(Path file) {
        String s = file.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    /** A short description of what each known name resolves to, for {@code --help} texts. */
    public static Map<String, List<String>> sources() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        KNOWN.forEach((k, v) -> out.put(k, v.sources().stream().map(s -> v.folder() + "/" + s.marker()).toList()));
        return out;
    }
}
