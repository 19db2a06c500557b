package io.gnn4j.datasets.cache;

import java.net.URI;
import java.util.Locale;

/**
 * A file the data directory can fetch: where it lives under the data directory, where to download it from, and its
 * SHA-256 (64 hex digits), which every download and every cached copy must match — or null when the hash is unknown
 * (then {@link DataDirectory#fetch} keeps the download unchecked and reports the hash it computed).
 */
public record RemoteFile(String relativePath, URI url, String sha256) {
    public RemoteFile {
        if (relativePath == null || relativePath.isEmpty()) {
            throw new IllegalArgumentException("relativePath must not be empty");
        }
        if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits or null (unknown), got '" + sha256 + "'");
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("file"))) {
            throw new IllegalArgumentException("url " + url + " must be http, https or file");
        }
    }
}
