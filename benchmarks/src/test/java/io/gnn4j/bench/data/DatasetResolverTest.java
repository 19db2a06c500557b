package io.gnn4j.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetResolverTest {
    static Path shared() {
        Path p = DatasetResolver.sharedDatasets();
        assumeTrue(Files.isDirectory(p), p + " absent, skipped");
        return p;
    }

    private static DatasetResolver sharedOnly() {
        return new DatasetResolver(List.of(shared()));
    }

    @Test
    void knownNamesResolveToThePreferredFormatOfTheSharedCollection() throws IOException {
        DatasetResolver r = sharedOnly();
        DatasetLocation cora = r.resolve("Cora");
        assertEquals(DatasetFormat.PLANETOID, cora.format());
        assertEquals("cora", cora.name());
        assertEquals(shared().resolve("cora/geom-gcn/splits"), cora.extraSplits());
        DatasetLocation texas = r.resolve("texas");
        assertEquals(DatasetFormat.GEOM_GCN, texas.format());
        assertEquals("texas", texas.name());
        DatasetLocation actor = r.resolve("actor");
        assertEquals("film", actor.name());
        DatasetLocation cham = r.resolve("chameleon");   // its geom-gcn folder has no features
        assertEquals(DatasetFormat.HETEROPHILOUS_NPZ, cham.format());
        assertEquals("chameleon", cham.name());
        DatasetLocation mutag = r.resolve("mutag");
        assertEquals(DatasetFormat.TU, mutag.format());
        assertEquals("MUTAG", mutag.name());
        assertEquals(DatasetFormat.GNN_BENCHMARK_NPZ, r.resolve("cora_ml").format());
    }

    @Test
    void pathsAreDetectedFromTheirFiles() throws IOException {
        Path s = shared();
        assertEquals(DatasetFormat.GNN_BENCHMARK_NPZ, DatasetResolver.detect(s.resolve("cora/npz/cora.npz")).format());
        DatasetLocation linqs = DatasetResolver.detect(s.resolve("cora/linqs"));
        assertEquals(DatasetFormat.LINQS, linqs.format());
        assertEquals("cora", linqs.name());
        assertEquals(DatasetFormat.TU, DatasetResolver.detect(s.resolve("PROTEINS/PROTEINS_A.txt")).format());
        assertEquals(DatasetFormat.HETEROPHILOUS_NPZ,
                DatasetResolver.detect(s.resolve("texas/heterophilous-graphs")).format());   // texas.npz = folder's
    }

    @Test
    void bundledCoraAndMutagAreTheFallbackWhenNoRootHasThem(@TempDir Path empty) throws IOException {
        DatasetLocation m = new DatasetResolver(List.of(empty)).resolve("MUTAG");
        assertEquals(DatasetFormat.TU, m.format());
        assertNull(m.path());
        assertEquals(DatasetFormat.PLANETOID, new DatasetResolver(List.of(empty)).resolve("cora").format());
        var e = assertThrows(IllegalArgumentException.class,
                () -> new DatasetResolver(List.of(empty)).resolve("citeseer"));
        assertTrue(e.getMessage().startsWith("dataset 'citeseer' is a known name but its folder 'citeseer' is in none "
                + "of the data roots"), e.getMessage());
    }

    @Test
    void unknownNamesAndUnrecognisedFoldersGiveClearErrors(@TempDir Path dir) throws IOException {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new DatasetResolver(List.of(dir)).resolve("coraa"));
        assertTrue(e.getMessage().startsWith("unknown dataset 'coraa': not a known name (cora, citeseer,"), e.getMessage());
        Files.writeString(dir.resolve("notes.txt"), "hello");
        var e2 = assertThrows(IllegalArgumentException.class, () -> DatasetResolver.detect(dir));
        assertTrue(e2.getMessage().startsWith("no dataset format recognised in " + dir + " (files: [notes.txt])"),
                e2.getMessage());
        Files.writeString(dir.resolve("X_A.txt"), "1, 2\n");
        var e3 = assertThrows(IllegalArgumentException.class, () -> DatasetResolver.detect(dir));
        assertEquals(dir + ": X_A.txt looks like the TU format but X_graph_indicator.txt is missing", e3.getMessage());
    }

    @Test
    void npzIsClassifiedByItsMembers(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mystery.npz");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("weights.npy"));
            z.write(1);
            z.closeEntry();
        }
        var e = assertThrows(IllegalArgumentException.class, () -> DatasetResolver.detect(f));
        assertTrue(e.getMessage().contains("an .npz with members [weights.npy]; expected gnn-benchmark"), e.getMessage());
    }
}
