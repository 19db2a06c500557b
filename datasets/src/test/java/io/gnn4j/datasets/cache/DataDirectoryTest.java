package io.gnn4j.datasets.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.gnn4j.datasets.DatasetFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads only from a JDK HttpServer bound to 127.0.0.1 or from file: URLs; no test touches the network. */
class DataDirectoryTest {
    // sha256("hello gnn4j\n"), computed with sha256sum.
    private static final byte[] BODY = "hello gnn4j\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA = "cfa5cded4b9de84febfe91fdf1e936b4e82f00feb39b72c1b515c34cd55b56ca";

    @TempDir
    Path tmp;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String sha;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data.txt", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/missing", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        Path f = Files.write(tmp.resolve("reference.txt"), BODY);
        sha = DataDirectory.sha256(f);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void sha256MatchesHandComputedDigest() throws IOException {
        Path empty = Files.write(tmp.resolve("empty"), new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", DataDirectory.sha256(empty));
        assertEquals(SHA, sha);
    }

    @Test
    void aFileWithUnknownHashIsDownloadedUncheckedThenUsedAsFound() throws IOException {
        DataDirectory dir = DataDirectory.at(tmp.resolve("data"));
        RemoteFile unknown = new RemoteFile("u/data.txt", url("/data.txt"), null);
        Path p = dir.fetch(unknown);
        assertArrayEquals(BODY, Files.readAllBytes(p));
        assertEquals(p, dir.fetch(unknown));
        assertEquals(1, requests.get());
    }

    @Test
    void downloadsOnceThenHitsTheCache() throws IOException {
        DataDirectory dir = DataDirectory.at(tmp.resolve("data"));
        RemoteFile f = new RemoteFile("small/data.txt", url("/data.txt"), sha);
        Path p = dir.fetch(f);
        assertEquals(1, requests.get());
        assertArrayEquals(BODY, Files.readAllBytes(p));
        assertEquals(dir.root().resolve("small/data.txt"), p);
        dir.fetch(f);
        dir.offline(true).fetch(f);
        assertEquals(1, requests.get(), "second fetch must be served from the directory");
    }

    @Test
    void wrongDigestLeavesNothingBehind() throws IOException {
        DataDirectory dir = DataDirectory.at(tmp.resolve("data"));
        String wrong = "0".repeat(64);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> dir.fetch(new RemoteFile("x/data.txt", url("/data.txt"), wrong)));
        assertTrue(e.getMessage().contains("expected " + wrong + ", found " + sha), e.getMessage());
        try (var files = Files.list(dir.root().resolve("x"))) {
            assertEquals(0, files.count(), "no partial or corrupt file may remain");
        }
    }

    @Test
    void corruptCachedCopyIsReported() throws IOException {
        DataDirectory dir = DataDirectory.at(tmp.resolve("data"));
        Files.createDirectories(dir.root());
        Files.writeString(dir.root().resolve("data.txt"), "tampered\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> dir.fetch(new RemoteFile("data.txt", url("/data.txt"), sha)));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void httpErrorIsAnIOException() {
        DataDirectory dir = DataDirectory.at(tmp.resolve("data"));
        IOException e = assertThrows(IOException.class, () -> dir.fetch(new RemoteFile("m", url("/missing"), sha)));
        assertTrue(e.getMessage().contains("found 404"), e.getMessage());
        assertFalse(Files.exists(dir.root().resolve("m")));
    }

    @Test
    void offlineMissingFileFailsWithoutRequest() {
        DataDirectory dir = DataDirectory.at(tmp.resolve("data")).offline(true);
        assertThrows(NoSuchFileException.class, () -> dir.fetch(new RemoteFile("a.txt", url("/data.txt"), sha)));
        assertEquals(0, requests.get());
    }

    @Test
    void fileUrlIsCopiedAndChecked() throws IOException {
        Path src = tmp.resolve("reference.txt");
        DataDirectory dir = DataDirectory.at(tmp.resolve("data"));
        Path p = dir.fetch(new RemoteFile("copy.txt", src.toUri(), sha.toUpperCase()));
        assertArrayEquals(BODY, Files.readAllBytes(p));
    }

    @Test
    void environmentChoosesTheRoot() {
        assertEquals(Path.of("/tmp/x").toAbsolutePath(), DataDirectory.fromEnvironment(Map.of("GNN4J_DATA", "/tmp/x"), "/home/u").root());
        assertEquals(Path.of("/home/u/.gnn4j/data"), DataDirectory.fromEnvironment(Map.of(), "/home/u").root());
    }

    @Test
    void pathsMayNotLeaveTheDirectory() {
        DataDirectory dir = DataDirectory.at(tmp.resolve("data"));
        assertThrows(IllegalArgumentException.class, () -> dir.resolve("../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> dir.resolve("/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> new RemoteFile("a", URI.create("ftp://x/a"), sha));
        assertThrows(IllegalArgumentException.class, () -> new RemoteFile("a", URI.create("http://x/a"), "abc"));
    }
}
