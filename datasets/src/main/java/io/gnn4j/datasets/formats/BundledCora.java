package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.NodeDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Cora files that ship inside the gnn4j jar (resources {@code io/gnn4j/datasets/bundled/cora/}, unchanged
 * copies of shchur/gnn-benchmark's {@code cora.npz} and Planetoid {@code ind.cora.*}), so that the quickstart runs
 * without downloads: {@link #npz()} gives the {@link GnnBenchmarkNpz} reading, {@link #planetoid()} the
 * {@link Planetoid} reading with PyG's public split. The resources are copied to a temporary directory, loaded and
 * deleted.
 */
public final class BundledCora {
    private static final String BASE = "/io/gnn4j/datasets/bundled/cora/";
    private static final String[] PLANETOID = {"x", "tx", "allx", "y", "ty", "ally", "graph", "test.index"};

    private BundledCora() {}

    /** gnn-benchmark's Cora: 2,708 nodes, 5,429 directed citations, 1,433 binary features, 7 classes, no split. */
    public static NodeDataset npz() throws IOException {
        return withCopies(new String[] {"npz/cora.npz"}, dir -> GnnBenchmarkNpz.load(dir.resolve("npz/cora.npz")));
    }

    /** Planetoid Cora as PyG loads it: 2,708 nodes, 5,278 undirected edges, split "public" 140/500/1000. */
    public static NodeDataset planetoid() throws IOException {
        String[] names = new String[PLANETOID.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "planetoid/ind.cora." + PLANETOID[i];
        }
        return withCopies(names, dir -> Planetoid.load(dir.resolve("planetoid"), "cora"));
    }

    private interface Load {
        NodeDataset from(Path dir) throws IOException;
    }

    private static NodeDataset withCopies(String[] resources, Load load) throws IOException {
        Path dir = Files.createTempDirectory("gnn4j-cora");
        try {
            for (String r : resources) {
                Path target = dir.resolve(r);
                Files.createDirectories(target.getParent());
                try (InputStream in = BundledCora.class.getResourceAsStream(BASE + r)) {
                    if (in == null) {
                        throw new NoSuchFileException("classpath:" + BASE + r);
                    }
                    Files.copy(in, target);
                }
            }
            return load.from(dir);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
