package io.gnn4j.datasets.cache;

import io.gnn4j.datasets.DatasetFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The local data directory: {@code $GNN4J_DATA}, or {@code ~/.gnn4j/data} when the variable is unset. Loaders read
 * datasets from it; {@link #fetch(RemoteFile)} returns a file that is already there (after checking its SHA-256) or,
 * unless the directory is offline, downloads it with {@link HttpClient} (http/https) or copies it (file:), checks
 * the SHA-256 of the bytes received and only then moves it into place atomically — a failed or corrupt download
 * never leaves a file behind. Offline, the same calls read the directory and fail clearly when a file is missing.
 * A file whose hash is unknown ({@link RemoteFile#sha256()} null) is used as found, or downloaded without a check
 * and its computed SHA-256 printed to standard error, to be compared with the source by hand. A mirror, when set,
 * serves every file at {@code <mirror>/<relative path>} instead of its own URL.
 *
 * <p>Settings ({@link #fromEnvironment()}: system property first, then environment variable): {@value #ENV} the
 * root, {@value #MIRROR_ENV} a mirror URL, {@value #OFFLINE_ENV} {@code true} to disable downloads.
 */
public final class DataDirectory {
    /** The environment variable naming the data directory. */
    public static final String ENV = "GNN4J_DATA";
    /** The setting naming a mirror that serves every file at {@code <mirror>/<relative path>}. */
    public static final String MIRROR_ENV = "GNN4J_MIRROR";
    /** The setting that disables downloads when {@code true}. */
    public static final String OFFLINE_ENV = "GNN4J_OFFLINE";

    private final Path root;
    private final boolean offline;
    private final Duration timeout;
    private final URI mirror;

    private DataDirectory(Path root, boolean offline, Duration timeout, URI mirror) {
        this.root = root.toAbsolutePath().normalize();
        this.offline = offline;
        this.timeout = timeout;
        this.mirror = mirror;
    }

    /**
     * The directory from the process settings ({@value #ENV}, else {@code ~/.gnn4j/data}; {@value #MIRROR_ENV};
     * {@value #OFFLINE_ENV}), each a system property or else an environment variable.
     */
    public static DataDirectory fromEnvironment() {
        Map<String, String> settings = new HashMap<>(System.getenv());
        for (String key : new String[] {ENV, MIRROR_ENV, OFFLINE_ENV}) {
            String value = System.getProperty(key);
            if (value != null && !value.isBlank()) {
                settings.put(key, value);
            }
        }
        return fromEnvironment(settings, System.getProperty("user.home"));
    }

    /** The directory from the given settings and home directory (for tests and launchers). */
    public static DataDirectory fromEnvironment(Map<String, String> env, String userHome) {
        String dir = env.get(ENV);
        Path root = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(userHome, ".gnn4j", "data");
        String mirror = env.get(MIRROR_ENV);
        return new DataDirectory(root, "true".equalsIgnoreCase(env.get(OFFLINE_ENV)), Duration.ofMinutes(5),
                mirror == null || mirror.isBlank() ? null : URI.create(mirror.endsWith("/") ? mirror : mirror + "/"));
    }

    /** A data directory at {@code root}, downloads enabled. */
    public static DataDirectory at(Path root) {
        return new DataDirectory(root, false, Duration.ofMinutes(5), null);
    }

    /** The same directory with downloads disabled (true) or enabled (false). */
    public DataDirectory offline(boolean off) {
        return new DataDirectory(root, off, timeout, mirror);
    }

    /** The same directory fetching every file from {@code <base>/<relative path>} instead of its URL. */
    public DataDirectory withMirror(URI base) {
        String b = base.toString();
        return new DataDirectory(root, offline, timeout, URI.create(b.endsWith("/") ? b : b + "/"));
    }

    /** Where {@code file} is downloaded from: its URL, or its place on the mirror. */
    public URI source(RemoteFile file) {
        return mirror == null ? file.url() : mirror.resolve(file.relativePath());
    }

    /** Whether downloads are disabled. */
    public boolean isOffline() {
        return offline;
    }

    /** The root folder. */
    public Path root() {
        return root;
    }

    /** {@code root/relative}; a path leaving the root (absolute, or through "..") is rejected. */
    public Path resolve(String relative) {
        Path p = root.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("relative path '" + relative + "' leaves the data directory " + root);
        }
        return p;
    }

    /**
     * The local copy of {@code file}: returned as is when present and its SHA-256 matches; otherwise downloaded
     * (unless offline) and checked.
     *
     * @throws DatasetFormatException when the cached copy or the download has another SHA-256 (both named)
     * @throws NoSuchFileException    when the file is absent and the directory is offline
     * @throws IOException            when the download fails (e.g. an HTTP status other than 200)
     */
    public Path fetch(RemoteFile file) throws IOException {
        Path target = resolve(file.relativePath());
        if (Files.isRegularFile(target) && file.sha256() == null) {
            return target;
        }
        if (Files.isRegularFile(target)) {
            String actual = sha256(target);
            if (!actual.equals(file.sha256())) {
                throw new DatasetFormatException(target, "SHA-256", "expected " + file.sha256() + ", found " + actual
                        + " (the cached copy is corrupt or another version; delete it to download again)");
            }
            return target;
        }
        if (offline) {
            throw new NoSuchFileException(target.toString(), null, "not in the data directory and downloads are off; "
                    + "copy it there from " + source(file) + " or enable downloads");
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            String actual;
            try (InputStream in = open(file); OutputStream out = Files.newOutputStream(tmp)) {
                MessageDigest md = newDigest();
                try (DigestInputStream din = new DigestInputStream(in, md)) {
                    din.transferTo(out);
                }
                actual = HexFormat.of().formatHex(md.digest());
            }
            if (file.sha256() != null && !actual.equals(file.sha256())) {
                throw new DatasetFormatException(target, "SHA-256 of the download from " + source(file),
                        "expected " + file.sha256() + ", found " + actual);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (file.sha256() == null) {
                System.err.println("gnn4j: " + target + " downloaded from " + source(file) + " unchecked: gnn4j does "
                        + "not know its SHA-256; it is " + actual + " (compare it with the source)");
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private InputStream open(RemoteFile file) throws IOException {
        URI url = source(file);
        if (url.getScheme().equals("file")) {
            return Files.newInputStream(Path.of(url));
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + url + " interrupted", e);
        }
        if (resp.statusCode() != 200) {
            resp.body().close();
            throw new IOException("download of " + url + " failed: expected HTTP status 200, found "
                    + resp.statusCode());
        }
        return resp.body();
    }

    /** SHA-256 of a file as 64 lowercase hex digits. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "DataDirectory(" + root + (offline ? ", offline" : "") + (mirror == null ? "" : ", mirror " + mirror)
                + ")";
    }
}
