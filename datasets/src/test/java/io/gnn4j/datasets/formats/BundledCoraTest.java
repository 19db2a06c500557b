package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gnn4j.datasets.NodeDataset;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Cora copies bundled as resources: unchanged bytes (SHA-256 of shared/datasets/SHA256SUMS), and they load. */
class BundledCoraTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "npz/cora.npz, 068e22d90c3849b4057dfb05851741428992af058efcd4e7ebb4186f3d581de2",
        "planetoid/ind.cora.allx, 9419ba2f26f5c35243db64aba110e0f35a04851609e0dc5433450676ca6b8543",
        "planetoid/ind.cora.ally, 2b998f5cc7fedc86e7f97ca2498f47a1ffc1462c29e2d578b23bf3f62b6e7d71",
        "planetoid/ind.cora.graph, 58f13302f39dde8852dad6fe6d15b89b077b6d7f837626bce671ef80344b383d",
        "planetoid/ind.cora.test.index, 297ce89af2b51a6a194181c7dbe1796c6a1cf9cd9349a88383b1b1e227867875",
        "planetoid/ind.cora.tx, b9afbaa4a400df991f6f02ef677e1e44da55ffc04801fd02f9e673987829226a",
        "planetoid/ind.cora.ty, 41f5ac76596a1699cc33f53084a2419e92961c42bb75f36fc38e616d348532ad",
        "planetoid/ind.cora.x, 23cfa55d91c6f624233f5eb7b6e3f141f1bd2b2ae39608a63cf5d084bb27baab",
        "planetoid/ind.cora.y, 94465c14eb53e04ca262198dcbb2521ee8af60fb3f3d546cd6ca24a511b0e7d1",
    })
    void resourcesAreThePublishedBytes(String resource, String sha256) throws Exception {
        try (InputStream in = BundledCora.class.getResourceAsStream("/io/gnn4j/datasets/bundled/cora/" + resource)) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertEquals(sha256, HexFormat.of().formatHex(digest));
        }
    }

    @Test
    void bundledCoraLoadsInBothEncodings() throws Exception {
        NodeDataset npz = BundledCora.npz();
        assertEquals(2708, npz.graph().numNodes());
        assertEquals(5429, npz.graph().numEntries());
        NodeDataset p = BundledCora.planetoid();
        assertEquals(5278, p.graph().numEdges());
        assertArrayEquals(new int[] {140, 500, 1000},
                new int[] {p.split("public").train().length, p.split("public").val().length, p.split("public").test().length});
        // Same papers, two node orders: the label histograms agree.
        assertArrayEquals(java.util.Arrays.stream(SharedData.classCounts(npz)).sorted().toArray(),
                java.util.Arrays.stream(SharedData.classCounts(p)).sorted().toArray());
    }
}
