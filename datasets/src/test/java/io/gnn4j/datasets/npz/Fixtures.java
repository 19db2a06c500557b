package io.gnn4j.datasets.npz;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Location of the NumPy-written fixture files in the test resources. */
final class Fixtures {
    private Fixtures() {}

    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("make_fixtures.py").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
