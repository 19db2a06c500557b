package io.gnn4j.datasets.cache;

import io.gnn4j.datasets.DatasetFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where every dataset {@link io.gnn4j.datasets.Datasets} knows by name can be downloaded: for each dataset folder the
 * files its loader reads, each with its place under the data directory (the layout of {@code shared/datasets}), its
 * public URL and its SHA-256. The table is the resource {@code registry.tsv}, written by
 * {@code datasets/scripts/make_registry.py} from the manifest of {@code shared/datasets}: files there are byte copies
 * of public files at pinned commits, so their URL is that commit's raw file and their hash is known; a file outside
 * that collection (PubMed's Planetoid files; MovieLens-1M and ml-latest-small, GroupLens's archives) has its
 * well-known URL and hash "unknown" — then the download is kept unchecked and its computed hash printed (see
 * {@link DataDirectory}), never compared with a guessed value. Files inside a zip archive (IMDB-BINARY, MovieLens)
 * are extracted from the downloaded archive and checked against their own hashes
 * where known.
 */
public final class DatasetRegistry {
    /**
     * One file of a dataset.
     *
     * @param file    where it lives under the data directory, its URL and SHA-256 (null: unknown); for a member of an
     *                archive the URL is the archive's
     * @param archive for a member of a zip archive, the archive's entry; else null
     * @param member  the member's name inside the archive, or null
     */
    public record Entry(RemoteFile file, RemoteFile archive, String member) {}

    private static final SequencedMap<String, List<Entry>> BY_FOLDER = read();

    private DatasetRegistry() {}

    /** The dataset folders the registry covers ({@code cora}, {@code MUTAG}, …), in registry order. */
    public static List<String> folders() {
        return List.copyOf(BY_FOLDER.sequencedKeySet());
    }

    /** The files of one dataset folder; empty when the registry does not cover it. */
    public static List<Entry> files(String folder) {
        return BY_FOLDER.getOrDefault(folder, List.of());
    }

    /**
     * Makes sure every file of {@code folder} is in {@code dir} (downloading what is missing, checking every hash
     * that is known) and returns {@code dir/folder}.
     *
     * @throws NoSuchFileException    when files are missing and cannot be downloaded (offline, or the download
     *                                failed): the message lists, for each, the URL and the exact path to put it at
     * @throws DatasetFormatException when a download or a file already there has another SHA-256
     */
    public static Path fetch(String folder, DataDirectory dir) throws IOException {
        List<Entry> entries = files(folder);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no download is registered for dataset folder '" + folder + "'");
        }
        return fetch(folder, entries, dir);
    }

    /** {@link #fetch(String, DataDirectory)} for the given entries (tests use their own). */
    static Path fetch(String folder, List<Entry> entries, DataDirectory dir) throws IOException {
        List<String> missing = new ArrayList<>();
        String reason = dir.isOffline() ? "downloads are off (" + DataDirectory.OFFLINE_ENV + "=true)" : null;
        for (Entry e : entries) {
            try {
                if (e.member() == null) {
                    dir.fetch(e.file());
                } else {
                    extract(dir, e);
                }
            } catch (DatasetFormatException bad) {
                throw bad;
            } catch (IOException failed) {
                reason = reason != null ? reason : failed.getMessage();
                missing.add(dir.resolve(e.file().relativePath()) + " from " + (e.member() == null
                        ? dir.source(e.file()) : dir.source(e.archive()) + " (member " + e.member() + ")"));
            }
        }
        if (!missing.isEmpty()) {
            throw new NoSuchFileException(dir.resolve(folder).toString(), null, "dataset files could not be "
                    + "downloaded (" + reason + "); put each file at its path: " + String.join("; ", missing));
        }
        return dir.resolve(folder);
    }

    /** Extracts one member from its (fetched) archive unless already there, checking the member's hash. */
    private static void extract(DataDirectory dir, Entry e) throws IOException {
        Path target = dir.resolve(e.file().relativePath());
        if (Files.isRegularFile(target)) {
            dir.fetch(new RemoteFile(e.file().relativePath(), dir.source(e.archive()), e.file().sha256()));
            return;
        }
        Path archive = dir.fetch(e.archive());
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                ZipEntry entry = zip.getEntry(e.member());
                if (entry == null) {
                    throw new DatasetFormatException(archive, "member " + e.member(), "missing from the archive");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String actual = DataDirectory.sha256(tmp);
            if (e.file().sha256() != null && !actual.equals(e.file().sha256())) {
                throw new DatasetFormatException(archive, "member " + e.member(), "SHA-256 expected "
                        + e.file().sha256() + ", found " + actual);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static SequencedMap<String, List<Entry>> read() {
        SequencedMap<String, List<Entry>> out = new LinkedHashMap<>();
        Map<String, RemoteFile> archives = new LinkedHashMap<>();
        try (InputStream in = DatasetRegistry.class.getResourceAsStream("registry.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("registry.tsv: expected 4 tab-separated fields, found: " + line);
                }
                String sha = f[3].equals("unknown") ? null : f[3];
                Entry e;
                if (f[2].startsWith("zip:")) {
                    String[] ref = f[2].substring("zip:".length()).split("!/", 2);
                    RemoteFile archive = archives.get(ref[0]);
                    if (archive == null) {
                        throw new IllegalStateException("registry.tsv: member of unlisted archive: " + line);
                    }
                    e = new Entry(new RemoteFile(f[1], archive.url(), sha), archive, ref[1]);
                } else {
                    e = new Entry(new RemoteFile(f[1], URI.create(f[2]), sha), null, null);
                    if (f[1].endsWith(".zip")) {
                        archives.put(f[1], e.file());
                        continue;
                    }
                }
                out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("registry.tsv cannot be read", e);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }
}
