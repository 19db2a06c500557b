package io.gnn4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gnn4j.datasets.formats.GeomGcn;
import io.gnn4j.datasets.text.SharedDatasets;
import io.gnn4j.datasets.tu.TuFeatures;
import io.gnn4j.graph.Graph;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@link Datasets} facade: bundled names without any folder, search roots before the bundled copies, every known
 * name from a {@code shared/datasets} folder (counts from its README), the Geom-GCN splits next to Planetoid folders,
 * the TU feature choice, where a dataset was read, format detection for paths, and the errors for unknown or
 * missing data.
 */
class DatasetsTest {
    @TempDir
    Path tmp;

    /** Nodes (node datasets), graphs (graph datasets) or ratings (ratings datasets). */
    private static long size(Dataset d) {
        return switch (d) {
            case NodeDataset n -> n.graph().numNodes();
            case GraphDataset g -> g.graphs().size();
            case RatingsDataset r -> r.numRatings();
        };
    }

    /** Edges as a user counts them (graph datasets: summed over graphs). */
    private static long edges(Dataset d) {
        return switch (d) {
            case NodeDataset n -> n.graph().numEdges();
            case GraphDataset g -> g.graphs().stream().mapToLong(Graph::numEdges).sum();
            case RatingsDataset r -> r.graph().numEdges();
        };
    }

    private static int features(Dataset d) {
        return switch (d) {
            case NodeDataset n -> n.numFeatures();
            case GraphDataset g -> g.numFeatures();
            case RatingsDataset r -> 0;
        };
    }

    private static int classes(Dataset d) {
        return switch (d) {
            case NodeDataset n -> n.numClasses();
            case GraphDataset g -> g.numClasses();
            case RatingsDataset r -> 0;
        };
    }

    @Test
    void bundledNamesLoadWithoutAnyFolder() throws Exception {
        NodeDataset cora = assertInstanceOf(NodeDataset.class, Datasets.load("cora", List.of()));
        assertEquals(2708, cora.graph().numNodes());
        assertEquals(5278, cora.graph().numEdges());
        assertEquals(1433, cora.numFeatures());
        Split pub = cora.split("public");
        assertArrayEquals(new int[] {140, 500, 1000}, new int[] {pub.train().length, pub.val().length, pub.test().length});
        GraphDataset mutag = assertInstanceOf(GraphDataset.class, Datasets.load("MUTAG", List.of()));
        assertEquals(188, mutag.graphs().size());
        assertEquals(3721, edges(mutag));
        NodeDataset karate = assertInstanceOf(NodeDataset.class, Datasets.load(" Karate ", List.of()));
        assertEquals(34, karate.graph().numNodes());
        assertEquals(78, karate.graph().numEdges());
    }

    @Test
    void unknownNameListsTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("coraa"));
        assertTrue(e.getMessage().contains("'coraa'"), e.getMessage());
        for (String n : List.of("cora", "pubmed", "imdb-binary", "karate", "ml-100k", "ml-1m", "ml-latest-small")) {
            assertTrue(e.getMessage().contains(n), n + " missing in: " + e.getMessage());
        }
        assertEquals(24, Datasets.knownNames().size());
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("  "), "blank is not the working directory");
    }

    @Test
    void knownNameFoundNowhereNamesTheFoldersSearched() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Datasets.load("tolokers", List.of(tmp)));
        assertTrue(e.getMessage().contains(tmp.resolve("tolokers").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(Datasets.SHARED_ENV), e.getMessage());
    }

    @Test
    void missingPathIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> Datasets.load(tmp.resolve("nothing/here").toString()));
    }

    @Test
    void sharedFolderPropertyIsTheLastSearchRoot() {
        String old = System.getProperty(Datasets.SHARED_ENV);
        try {
            System.setProperty(Datasets.SHARED_ENV, tmp.toString());
            List<Path> roots = Datasets.searchRoots();
            assertEquals(tmp.toAbsolutePath().normalize(), roots.getLast());
            assertEquals(2, roots.size());
        } finally {
            if (old == null) {
                System.clearProperty(Datasets.SHARED_ENV);
            } else {
                System.setProperty(Datasets.SHARED_ENV, old);
            }
        }
    }

    /** Names resolved from the shared folder (README counts; bundled names are read from the jar first). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, folder, size (nodes | graphs | ratings), edges, features, classes
        "cora, cora, 2708, 5278, 1433, 7",
        "citeseer, citeseer, 3327, 4552, 3703, 6",
        "cora_ml, cora_ml, 2995, 8416, 2879, 7",
        "polblogs, polblogs, 1490, 19025, 0, 2",
        "texas, texas, 183, 295, 1703, 5",            // geom-gcn: 279 pairs + 16 self loops
        "wisconsin, wisconsin, 251, 466, 1703, 5",    // 450 + 16
        "cornell, cornell, 183, 277, 1703, 5",        // heterophilous-graphs file: Cornell's own labels
        "film, film, 7600, 26752, 932, 5",            // 26,659 pairs + 93 distinct self loops
        "actor, film, 7600, 26752, 932, 5",           // PyG's name for Film
        "chameleon, chameleon, 2277, 31371, 2325, 5", // geom-gcn lacks features: heterophilous-graphs
        "squirrel, squirrel, 5201, 198353, 2089, 5",
        "tolokers, tolokers, 11758, 519000, 10, 2",
        "minesweeper, minesweeper, 10000, 39402, 7, 2",
        "mutag, MUTAG, 188, 3721, 7, 2",
        "proteins, PROTEINS, 1113, 81044, 3, 2",      // one-hot node labels only (PyG's default)
        "enzymes, ENZYMES, 600, 37282, 3, 6",
        "nci1, NCI1, 4110, 132753, 37, 2",
        "imdb-binary, IMDB-BINARY, 1000, 96531, 0, 2",
        "karate, karate, 34, 78, 0, 0",
        "ml-100k, ml-100k, 100000, 100000, 0, 0",
        "blogcatalog, blogcatalog, 10312, 333983, 0, 39",
    })
    void everyKnownNameResolvesFromTheSharedFolder(String name, String folder, long size, long edges, int features,
                                                   int classes) throws Exception {
        SharedDatasets.require(folder);
        Dataset d = Datasets.load(name, List.of(tmp, SharedDatasets.root()));
        assertEquals(size, size(d));
        assertEquals(edges, edges(d));
        assertEquals(features, features(d));
        assertEquals(classes, classes(d));
    }

    @Test
    void cornellByNameHasItsOwnLabelsNotTexas() throws Exception {
        SharedDatasets.require("cornell/heterophilous-graphs/cornell.npz");
        NodeDataset d = (NodeDataset) Datasets.load("cornell", List.of(SharedDatasets.root()));
        int[] counts = new int[5];
        for (int y : d.labels()) {
            counts[y]++;
        }
        assertArrayEquals(new int[] {38, 16, 30, 82, 17}, counts);
    }

    @Test
    void pubmedHasOnlySplitsInTheSharedFolder() {
        SharedDatasets.require("pubmed");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> Datasets.load("pubmed", List.of(SharedDatasets.root())));
        assertTrue(e.getMessage().contains("planetoid/ind.pubmed.graph"), e.getMessage());
    }

    @Test
    void dataDirectoryWithFlatLayoutIsSearchedBeforeTheSharedFolder() throws Exception {
        // A data directory holding polblogs.npz directly in polblogs/ (no npz/ sub-folder) wins over the shared copy.
        Path src = SharedDatasets.require("polblogs/npz/polblogs.npz");
        Files.createDirectories(tmp.resolve("polblogs"));
        Files.copy(src, tmp.resolve("polblogs/polblogs.npz"));
        NodeDataset d = (NodeDataset) Datasets.load("polblogs", List.of(tmp, SharedDatasets.root()));
        assertEquals(1490, d.graph().numNodes());
        Files.delete(tmp.resolve("polblogs/polblogs.npz"));
        Files.writeString(tmp.resolve("polblogs/notes.txt"), "nothing to load\n");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Datasets.load("polblogs", List.of(tmp)));
        assertTrue(e.getMessage().contains("npz/polblogs.npz"), e.getMessage());
    }

    /** Paths in the shared folder, the format detected from the files. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // relative path, type, size, edges
        "MUTAG, GraphDataset, 188, 3721",
        "MUTAG/MUTAG_A.txt, GraphDataset, 188, 3721",
        "IMDB-BINARY, GraphDataset, 1000, 96531",
        "cora, NodeDataset, 2708, 5278",                        // nested layout: Planetoid preferred
        "cora/planetoid, NodeDataset, 2708, 5278",
        "cora/planetoid/ind.cora.test.index, NodeDataset, 2708, 5278",
        "cora/npz/cora.npz, NodeDataset, 2708, 5429",           // gnn-benchmark kind, directed as stored
        "cora/linqs, NodeDataset, 2708, 5429",
        "cora/linqs/cora.cites, NodeDataset, 2708, 5429",
        "citeseer/npz/citeseer.npz, NodeDataset, 3312, 4715",
        "texas/geom-gcn, NodeDataset, 183, 295",
        "texas/geom-gcn/out1_graph_edges.txt, NodeDataset, 183, 295",
        "texas/heterophilous-graphs/texas.npz, NodeDataset, 183, 279",
        "texas/heterophilous-graphs, NodeDataset, 183, 279",          // texas.npz, not texas_4_classes.npz
        "chameleon/heterophilous-graphs, NodeDataset, 2277, 31371",   // chameleon.npz, named after the parent
        "chameleon/heterophilous-graphs/chameleon_filtered_directed.npz, NodeDataset, 890, 13584",
        "chameleon, NodeDataset, 2277, 31371",
        "karate, NodeDataset, 34, 78",                          // two files: the known name's adjlist
        "karate/karate.adjlist, NodeDataset, 34, 78",
        "ml-100k, RatingsDataset, 100000, 100000",
        "ml-100k/u.data, RatingsDataset, 100000, 100000",
        "blogcatalog, NodeDataset, 10312, 333983",             // one .mat file
    })
    void sharedPathsAreReadByTheirFormat(String rel, String type, long size, long edges) throws Exception {
        Path p = SharedDatasets.require(rel);
        Dataset d = Datasets.load(p.toString());
        assertEquals(type, d.getClass().getSimpleName());
        assertEquals(size, size(d));
        assertEquals(edges, edges(d));
    }

    @Test
    void geomGcnSplitsFollowTheTextFolder() throws Exception {
        NodeDataset d = (NodeDataset) Datasets.load(SharedDatasets.require("wisconsin/geom-gcn").toString());
        assertEquals("wisconsin", d.name());
        assertEquals(10, d.splits().size());
        assertEquals(120, d.split("geom-gcn-0").train().length);
    }

    @Test
    void foldersWithoutADatasetAreFormatErrors() throws Exception {
        Path edgesOnly = SharedDatasets.require("chameleon/geom-gcn");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Datasets.loadPath(edgesOnly));
        assertTrue(e.getMessage().contains("out1_graph_edges.txt"), e.getMessage());
        Path split = SharedDatasets.require("texas/geom-gcn/splits/texas_split_0.6_0.2_0.npz");
        DatasetFormatException s = assertThrows(DatasetFormatException.class, () -> Datasets.loadPath(split));
        assertTrue(s.getMessage().contains("split file"), s.getMessage());
    }

    @Test
    void emptyFolderAndUnknownFileAreFormatErrors() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Datasets.loadPath(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
        Path odd = Files.writeString(tmp.resolve("graph.xyz"), "1 2\n");
        DatasetFormatException f = assertThrows(DatasetFormatException.class, () -> Datasets.loadPath(odd));
        assertTrue(f.getMessage().contains("'graph.xyz'"), f.getMessage());
    }

    @Test
    void csvWithHeaderAndWeightsIsZeroBased() throws Exception {
        Path f = Files.writeString(tmp.resolve("w.csv"), "source,target,weight\n0,1,0.5\n1,2,2\n");
        NodeDataset d = (NodeDataset) Datasets.load(f.toString());
        Graph g = d.graph();
        assertEquals(3, g.numNodes());
        assertEquals(2, g.numEdges());
        assertFalse(g.isDirected());
        assertTrue(g.isWeighted());
        assertEquals("w", d.name());
    }

    @Test
    void oneBasedEdgeListHasNoPhantomNodeZero() throws Exception {
        Path f = Files.writeString(tmp.resolve("g.edgelist"), "# comment\n1 2\n2 3\n");
        assertEquals(3, ((NodeDataset) Datasets.load(f.toString())).graph().numNodes());
        Path z = Files.writeString(tmp.resolve("z.edgelist"), "0 2\n2 3\n");
        assertEquals(4, ((NodeDataset) Datasets.load(z.toString())).graph().numNodes());
    }

    @Test
    void namedTsvUsesNamesAndKeepsTheFirstLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("n.tsv"), "alice\tbob\nbob\tcarol\n");
        NodeDataset d = (NodeDataset) Datasets.load(f.toString());
        assertEquals(3, d.graph().numNodes());
        assertEquals(2, d.graph().numEdges());
    }

    @Test
    void damagedEdgeListIsAFormatErrorNotAShorterGraph() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.edgelist"), "1 2\n2 x3\n3 4\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Datasets.load(f.toString()));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void typedLoadsReturnTheirShapeAndNameTheMismatch() throws Exception {
        assertEquals(2708, Datasets.loadNodes("cora").graph().numNodes());
        assertEquals(188, Datasets.loadGraphs("mutag").graphs().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.loadGraphs("cora"));
        assertTrue(e.getMessage().contains("NodeDataset") && e.getMessage().contains("GraphDataset"), e.getMessage());
    }
    @Test
    void aCopyInASearchRootWinsOverTheBundledOne() throws Exception {
        // A 3-node karate in a search root is read instead of the bundled 34-node club.
        Files.createDirectories(tmp.resolve("karate"));
        Files.writeString(tmp.resolve("karate/karate.edgelist"), "1 2\n2 3\n");
        Datasets.Loaded local = Datasets.loadWithSource("karate", List.of(tmp), TuFeatures.LABELS_ONLY);
        assertEquals(3, ((NodeDataset) local.dataset()).graph().numNodes());
        assertEquals(tmp.resolve("karate/karate.edgelist").toAbsolutePath().normalize().toString(), local.source());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Datasets.Loaded bundled = Datasets.loadWithSource("karate", List.of(empty), TuFeatures.LABELS_ONLY);
        assertEquals(34, ((NodeDataset) bundled.dataset()).graph().numNodes());
        assertEquals(Datasets.BUNDLED, bundled.source());
    }

    @Test
    void knownNameNeitherInARootNorBundledSaysWhereItLooked() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Datasets.load("citeseer", List.of(empty)));
        assertTrue(e.getMessage().contains(empty.resolve("citeseer") + " (absent)"), e.getMessage());
        assertTrue(e.getMessage().contains("not bundled"), e.getMessage());
    }

    /** A two-graph TU dataset with node labels {0, 1} and one node attribute, written to {@code dir}. */
    private static Path tinyTu(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("T_A.txt"), "1, 2\n2, 1\n3, 4\n4, 3\n");
        Files.writeString(dir.resolve("T_graph_indicator.txt"), "1\n1\n2\n2\n");
        Files.writeString(dir.resolve("T_graph_labels.txt"), "0\n1\n");
        Files.writeString(dir.resolve("T_node_labels.txt"), "0\n1\n1\n0\n");
        Files.writeString(dir.resolve("T_node_attributes.txt"), "0.5\n1.5\n2.5\n3.5\n");
        return dir;
    }

    @Test
    void tuFeaturesAreOneHotLabelsByDefaultAndAttributesOnRequest() throws Exception {
        Path dir = tinyTu(tmp.resolve("T"));
        GraphDataset labels = (GraphDataset) Datasets.load(dir.toString());
        assertEquals(2, labels.numFeatures());
        assertArrayEquals(new float[] {1, 0, 0, 1}, labels.nodeFeatures().get(0));
        assertEquals(labels.numFeatures(), ((GraphDataset) Datasets.loadPath(dir)).numFeatures());
        Datasets.Loaded attrs = Datasets.loadWithSource(dir.toString(), List.of(), TuFeatures.ATTRIBUTES_AND_LABELS);
        GraphDataset a = (GraphDataset) attrs.dataset();
        assertEquals(3, a.numFeatures());
        assertArrayEquals(new float[] {2.5f, 0, 1, 3.5f, 1, 0}, a.nodeFeatures().get(1));
        assertEquals(dir.toAbsolutePath().normalize().toString(), attrs.source());
    }

    @Test
    void tuFeaturesOfSharedProteinsAndBundledMutag() throws Exception {
        // PROTEINS: 3 node-label values and 1 attribute (README); MUTAG: 7 node-label values, no attributes.
        SharedDatasets.require("PROTEINS");
        List<Path> roots = List.of(SharedDatasets.root());
        assertEquals(3, ((GraphDataset) Datasets.load("proteins", roots)).numFeatures());
        assertEquals(4, ((GraphDataset) Datasets.loadWithSource("proteins", roots, TuFeatures.ATTRIBUTES_AND_LABELS)
                .dataset()).numFeatures());
        assertEquals(7, ((GraphDataset) Datasets.loadWithSource("mutag", List.of(), TuFeatures.ATTRIBUTES_AND_LABELS)
                .dataset()).numFeatures());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cora, 2708, 140", "citeseer, 3327, 120"})   // Planetoid: 20 training nodes per class
    void planetoidNextToGeomGcnSplitsCarriesThemAfterPublic(String name, int nodes, int publicTrain) throws Exception {
        Path splits = SharedDatasets.require(name + "/geom-gcn/splits");
        List<Split> expected = GeomGcn.loadSplits(splits, name, nodes);
        Datasets.Loaded byName = Datasets.loadWithSource(name, List.of(SharedDatasets.root()), TuFeatures.LABELS_ONLY);
        NodeDataset byPath = (NodeDataset) Datasets.load(SharedDatasets.require(name + "/planetoid").toString());
        NodeDataset byFile = (NodeDataset) Datasets.load(
                SharedDatasets.require(name + "/planetoid/ind." + name + ".graph").toString());
        for (NodeDataset d : List.of((NodeDataset) byName.dataset(), byPath, byFile)) {
            assertEquals(List.of("public", "geom-gcn-0", "geom-gcn-1", "geom-gcn-2", "geom-gcn-3", "geom-gcn-4",
                    "geom-gcn-5", "geom-gcn-6", "geom-gcn-7", "geom-gcn-8", "geom-gcn-9"),
                    d.splits().stream().map(Split::name).toList());
            assertEquals(publicTrain, d.split("public").train().length);
            for (int k = 0; k < GeomGcn.NUM_SPLITS; k++) {
                assertArrayEquals(expected.get(k).train(), d.split("geom-gcn-" + k).train());
                assertArrayEquals(expected.get(k).test(), d.split("geom-gcn-" + k).test());
            }
        }
        assertEquals(splits.getParent().resolveSibling("planetoid").toAbsolutePath().normalize() + " with splits "
                + splits.toAbsolutePath().normalize(), byName.source());
    }

    @Test
    void planetoidWithoutSiblingSplitsHasOnlyPublic() throws Exception {
        Path src = SharedDatasets.require("cora/planetoid");
        Path copy = Files.createDirectories(tmp.resolve("cora/planetoid"));
        try (var files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        assertEquals(List.of("public"), ((NodeDataset) Datasets.load(copy.toString())).splits().stream()
                .map(Split::name).toList());
        assertEquals(List.of("public"), ((NodeDataset) Datasets.load("cora", List.of())).splits().stream()
                .map(Split::name).toList());
    }

    @Test
    void sharedFolderAboveIsTheNearestAncestorsSharedDatasets() throws Exception {
        Path outer = Files.createDirectories(tmp.resolve("shared/datasets"));
        Path project = Files.createDirectories(tmp.resolve("wt/a/project"));
        assertEquals(outer, Datasets.sharedFolderAbove(project));
        Path inner = Files.createDirectories(tmp.resolve("wt/shared/datasets"));
        assertEquals(inner, Datasets.sharedFolderAbove(project));
        assertEquals(inner, Datasets.sharedFolderAbove(tmp.resolve("wt/a/project/../project")));
    }

    @Test
    void searchRootsOfACheckoutEndWithItsSharedFolderUnlessTheVariableNamesOne() throws Exception {
        assumeTrue(System.getenv(Datasets.SHARED_ENV) == null, Datasets.SHARED_ENV + " set in the environment, skipped");
        Path shared = Files.createDirectories(tmp.resolve("shared/datasets"));
        Path project = Files.createDirectories(tmp.resolve("project"));
        String old = System.getProperty(Datasets.SHARED_ENV);
        try {
            System.clearProperty(Datasets.SHARED_ENV);
            assertEquals(shared, Datasets.searchRoots(project).getLast());
            assertEquals(Datasets.searchRoots().size() + 1, Datasets.searchRoots(project).size());
            Path named = Files.createDirectories(tmp.resolve("elsewhere"));
            System.setProperty(Datasets.SHARED_ENV, named.toString());
            assertEquals(Datasets.searchRoots(), Datasets.searchRoots(project));
            assertEquals(named.toAbsolutePath().normalize(), Datasets.searchRoots(project).getLast());
        } finally {
            if (old == null) {
                System.clearProperty(Datasets.SHARED_ENV);
            } else {
                System.setProperty(Datasets.SHARED_ENV, old);
            }
        }
    }

    @Test
    void npzOfAnUnknownKindNamesItsKeys() throws Exception {
        Path f = tmp.resolve("mystery.npz");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("weights.npy"));
            z.write(1);
            z.closeEntry();
        }
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Datasets.load(f.toString()));
        assertTrue(e.getMessage().contains("[weights]"), e.getMessage());
    }

    @Test
    void tuEdgeFileWithoutGraphIndicatorIsNotReadAsTu() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("X"));
        Files.writeString(dir.resolve("X_A.txt"), "1, 2\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Datasets.loadPath(dir));
        assertTrue(e.getMessage().contains("[X_A.txt]"), e.getMessage());
    }
}
