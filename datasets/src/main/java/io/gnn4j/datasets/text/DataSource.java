package io.gnn4j.datasets.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a multi-file dataset's files come from: a directory on disk or a folder of classpath resources (the data
 * bundled in the jar). Loaders ask for files by name and get their bytes plus a path to name in error messages.
 */
public interface DataSource {
    /** The whole file; {@link NoSuchFileException} when absent. */
    byte[] read(String fileName) throws IOException;

    /** Whether the file exists. */
    boolean exists(String fileName);

    /** A path naming the file in messages (a real path for directories, {@code classpath:…} for resources). */
    Path path(String fileName);

    /** Files in a directory. */
    static DataSource directory(Path dir) {
        return new DataSource() {
            @Override
            public byte[] read(String fileName) throws IOException {
                return Files.readAllBytes(dir.resolve(fileName));
            }

            @Override
            public boolean exists(String fileName) {
                return Files.isRegularFile(dir.resolve(fileName));
            }

            @Override
            public Path path(String fileName) {
                return dir.resolve(fileName);
            }

            @Override
            public String toString() {
                return dir.toString();
            }
        };
    }

    /** Resources under a classpath folder such as {@code io/gnn4j/datasets/bundled/MUTAG}, read with this class's loader. */
    static DataSource classpath(String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        ClassLoader loader = DataSource.class.getClassLoader();
        return new DataSource() {
            @Override
            public byte[] read(String fileName) throws IOException {
                try (InputStream in = loader.getResourceAsStream(prefix + fileName)) {
                    if (in == null) {
                        throw new NoSuchFileException(path(fileName).toString());
                    }
                    return in.readAllBytes();
                }
            }

            @Override
            public boolean exists(String fileName) {
                return loader.getResource(prefix + fileName) != null;
            }

            @Override
            public Path path(String fileName) {
                return Path.of("classpath:" + prefix + fileName);
            }

            @Override
            public String toString() {
                return "classpath:" + prefix;
            }
        };
    }
}
