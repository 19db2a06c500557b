package io.gnn4j.datasets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.text.SharedDatasets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download registry: it covers every known name, its known hashes are those of the published files in
 * shared/datasets, and a name loads on a fresh data directory from a mirror on a loopback HTTP server (no test
 * touches the real URLs).
 */
class DatasetRegistryTest {
    @TempDir
    Path tmp;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    /** What the mirror serves: the shared datasets, or a replaced body for one path. */
    private volatile Map<String, byte[]> overrides = Map.of();
    /** GNN4J_OFFLINE as the build set it (true: no test reaches the real URLs), restored after each test. */
    private final String offlineBefore = System.getProperty(DataDirectory.OFFLINE_ENV);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            String rel = ex.getRequestURI().getPath().substring(1);
            byte[] body = overrides.get(rel);
            Path f = SharedDatasets.root().resolve(rel).normalize();
            if (body == null && f.startsWith(SharedDatasets.root()) && Files.isRegularFile(f)) {
                body = Files.readAllBytes(f);
            }
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        for (String key : new String[] {DataDirectory.ENV, DataDirectory.MIRROR_ENV, DataDirectory.OFFLINE_ENV}) {
            System.clearProperty(key);
        }
        if (offlineBefore != null) {
            System.setProperty(DataDirectory.OFFLINE_ENV, offlineBefore);
        }
    }

    private URI mirror() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Points Datasets at a fresh data directory served by the loopback mirror. */
    private void freshMachine(boolean offline) {
        System.setProperty(DataDirectory.ENV, tmp.resolve("data").toString());
        System.setProperty(DataDirectory.MIRROR_ENV, mirror().toString());
        System.setProperty(DataDirectory.OFFLINE_ENV, Boolean.toString(offline));
    }

    @Test
    void everyKnownNameHasItsFilesRegistered() {
        for (Map.Entry<String, List<String>> e : Datasets.sources().entrySet()) {
            String folder = e.getValue().getFirst().substring(0, e.getValue().getFirst().indexOf('/'));
            assertFalse(DatasetRegistry.files(folder).isEmpty(), e.getKey() + " (" + folder + ")");
        }
    }

    @Test
    void knownHashesAreThoseOfThePublishedFilesAndUnknownOnesAreSaidToBe() throws IOException {
        SharedDatasets.require("SHA256SUMS");
        int unknown = 0;
        for (String folder : DatasetRegistry.folders()) {
            for (DatasetRegistry.Entry e : DatasetRegistry.files(folder)) {
                Path local = SharedDatasets.root().resolve(e.file().relativePath());
                if (e.file().sha256() == null) {
                    unknown++;
                    assertFalse(Files.exists(local), local + " exists, so its hash is known");
                } else {
                    assertEquals(e.file().sha256(), DataDirectory.sha256(local), local.toString());
                }
            }
        }
        assertEquals(10, unknown, "PubMed's eight Planetoid files, MovieLens-1M's ratings.dat, ml-latest-small's "
                + "ratings.csv");
    }

    @Test
    void aNameLoadsOnAFreshMachineFromTheMirrorAndThenFromTheCache() throws IOException {
        SharedDatasets.require("texas/geom-gcn/out1_graph_edges.txt");
        freshMachine(false);
        NodeDataset texas = Datasets.loadNodes("texas");
        assertEquals(183, texas.graph().numNodes());
        assertEquals(10, texas.splits().size());
        assertTrue(Files.isRegularFile(tmp.resolve("data/texas/geom-gcn/out1_node_feature_label.txt")));
        int fetched = requests.get();
        assertEquals(DatasetRegistry.files("texas").size(), fetched);
        Datasets.loadNodes("texas");
        assertEquals(fetched, requests.get(), "the second load reads the data directory");
    }

    @Test
    void offlineTheErrorSaysWhichFileToPutWhere() {
        freshMachine(true);
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Datasets.load("wisconsin"));
        String expectedPath = tmp.resolve("data/wisconsin/geom-gcn/out1_graph_edges.txt").toString();
        assertTrue(e.getReason().contains(expectedPath + " from " + mirror() + "wisconsin/geom-gcn/out1_graph_edges.txt"),
                e.getReason());
        assertTrue(e.getReason().contains("downloads are off"), e.getReason());
        assertEquals(0, requests.get());
        System.clearProperty(DataDirectory.MIRROR_ENV);
        e = assertThrows(NoSuchFileException.class, () -> Datasets.load("wisconsin"));
        assertTrue(e.getReason().contains(expectedPath + " from https://raw.githubusercontent.com/graphdml-uiuc-jlu/"
                + "geom-gcn/f1fc0d14b3b019c562737240d06ec83b07d16a8f/new_data/wisconsin/out1_graph_edges.txt"),
                e.getReason());
    }

    @Test
    void aDownloadWithAnotherHashIsRejectedAndNotKept() {
        freshMachine(false);
        overrides = Map.of("karate/karate.adjlist", "1 2\n".getBytes(StandardCharsets.US_ASCII));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetRegistry.fetch("karate", DataDirectory.fromEnvironment()));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("data/karate/karate.adjlist")));
    }

    @Test
    void archiveMembersAreExtractedAndChecked() throws IOException {
        byte[] member = "1 2\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("toy/edges.txt"));
            z.write(member);
            z.closeEntry();
        }
        overrides = Map.of("toy/toy.zip", zip.toByteArray());
        Path memberFile = Files.write(tmp.resolve("member"), member);
        Path zipFile = Files.write(tmp.resolve("zip"), zip.toByteArray());
        RemoteFile archive = new RemoteFile("toy/toy.zip", URI.create("https://example.org/toy.zip"),
                DataDirectory.sha256(zipFile));
        DataDirectory dir = DataDirectory.at(tmp.resolve("data")).withMirror(mirror());
        DatasetRegistry.Entry ok = new DatasetRegistry.Entry(new RemoteFile("toy/edges.txt", archive.url(),
                DataDirectory.sha256(memberFile)), archive, "toy/edges.txt");
        Path folder = DatasetRegistry.fetch("toy", List.of(ok), dir);
        assertEquals("1 2\n", Files.readString(folder.resolve("edges.txt")));

        DatasetRegistry.Entry wrong = new DatasetRegistry.Entry(new RemoteFile("toy/other.txt", archive.url(),
                "0".repeat(64)), archive, "toy/edges.txt");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetRegistry.fetch("toy", List.of(wrong), dir));
        assertTrue(e.getMessage().contains("member toy/edges.txt") && e.getMessage().contains("SHA-256"),
                e.getMessage());
        assertFalse(Files.exists(folder.resolve("other.txt")));
    }
}
