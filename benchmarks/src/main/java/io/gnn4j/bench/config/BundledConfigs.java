package io.gnn4j.bench.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The paper configurations shipped in {@code benchmarks/src/main/resources/configs/}, listed in
 * {@code configs/index.txt} (one name per line) so they can be enumerated from a jar.
 */
public final class BundledConfigs {
    private BundledConfigs() {
    }

    /** Names of the bundled configurations, e.g. "gcn-cora". */
    public static List<String> names() {
        InputStream in = BundledConfigs.class.getResourceAsStream("/configs/index.txt");
        if (in == null) {
            return List.of();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
