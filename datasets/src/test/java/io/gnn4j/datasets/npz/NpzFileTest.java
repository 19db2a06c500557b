package io.gnn4j.datasets.npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npz archive reader: members, checksums, and fuzzed archives that must load identically or fail cleanly. */
class NpzFileTest {
    static final Path DIR = Fixtures.dir();

    @TempDir
    Path tmp;

    @Test
    void listsMembersInArchiveOrderAndNamesMissingOnes() throws Exception {
        NpzFile npz = NpzFile.open(DIR.resolve("dtypes_deflate.npz"));
        assertEquals("i1_le_C", npz.keys().getFirst());
        assertTrue(npz.has("cube_F"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> npz.get("nope"));
        assertTrue(e.getMessage().contains("dtypes_deflate.npz") && e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void storedAndDeflatedArchivesHoldTheSameArrays() throws Exception {
        NpzFile a = NpzFile.open(DIR.resolve("dtypes_stored.npz"));
        NpzFile b = NpzFile.open(DIR.resolve("dtypes_deflate.npz"));
        assertEquals(List.copyOf(a.keys()), List.copyOf(b.keys()));
        assertEquals(snapshot(a), snapshot(b));
    }

    @Test
    void notAZipFileIsAFormatError() throws Exception {
        Path p = tmp.resolve("text.npz");
        Files.writeString(p, "hello, this is not an archive at all");
        assertThrows(DatasetFormatException.class, () -> NpzFile.open(p));
        Path empty = tmp.resolve("empty.npz");
        Files.write(empty, new byte[0]);
        assertThrows(DatasetFormatException.class, () -> NpzFile.open(empty));
    }

    @Test
    void fuzzedStoredArchivesLoadIdenticallyOrFailCleanly() throws Exception {
        fuzz("dtypes_stored.npz", 11);
    }

    @Test
    void fuzzedDeflatedArchivesLoadIdenticallyOrFailCleanly() throws Exception {
        fuzz("dtypes_deflate.npz", 12);
    }

    /**
     * Truncations at random lengths and single-byte corruptions at random positions: every member is covered by a
     * CRC-32, so the result must be the original arrays or a DatasetFormatException — never another exception.
     */
    private void fuzz(String name, long seed) throws Exception {
        byte[] whole = Files.readAllBytes(DIR.resolve(name));
        List<String> reference = snapshot(NpzFile.open(DIR.resolve(name)));
        Random rnd = new Random(seed);
        Path p = tmp.resolve("m.npz");
        int loaded = 0, failed = 0;
        for (int trial = 0; trial < 400; trial++) {
            byte[] m;
            String what;
            if (trial % 4 == 0) {
                int len = rnd.nextInt(whole.length);
                m = java.util.Arrays.copyOf(whole, len);
                what = "truncated to " + len;
            } else {
                m = whole.clone();
                int pos = rnd.nextInt(whole.length);
                byte v = (byte) (trial % 4 == 1 ? m[pos] ^ (1 << rnd.nextInt(8)) : rnd.nextInt(256));
                what = "byte " + pos + ": " + m[pos] + " -> " + v;
                m[pos] = v;
            }
            Files.write(p, m);
            try {
                List<String> got = snapshot(NpzFile.open(p));
                assertEquals(reference, got, what);
                loaded++;
            } catch (DatasetFormatException e) {
                assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
                failed++;
            } catch (RuntimeException | IOException e) {
                throw new AssertionError(what + ": " + e, e);
            }
        }
        assertTrue(failed > 0 && loaded + failed == 400, loaded + " loaded, " + failed + " failed");
    }

    /** Every array decoded to a comparable string (dtype, shape, values in C order). */
    static List<String> snapshot(NpzFile npz) throws DatasetFormatException {
        List<String> out = new ArrayList<>();
        for (String k : npz.keys()) {
            NpyArray a = npz.get(k);
            String values = switch (a.dtype().kind()) {
                case 'S', 'U' -> String.join("|", a.toStringArray());
                case 'f' -> java.util.Arrays.toString(a.toDoubleArray());
                case 'u' -> a.dtype().itemSize() == 8 ? "u8" : java.util.Arrays.toString(a.toLongArray());
                default -> java.util.Arrays.toString(a.toLongArray());
            };
            out.add(k + " " + a.dtype() + " " + java.util.Arrays.toString(a.shape()) + " " + values);
        }
        return out;
    }
}
