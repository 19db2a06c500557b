package io.gnn4j.datasets.npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy reader against files written by NumPy itself (see make_fixtures.py) and hand-made headers; the writer. */
class NpyArrayTest {
    static final Path DIR = Fixtures.dir();
    static final int[] SIGNED = {0, 1, -2, 3, -4, 127};
    static final int[] UNSIGNED = {0, 1, 2, 3, 4, 250};
    static final double[] FLOATS = {0.5, -1.25, 3.0, 1e-3, -7.0, 2.5e6};

    @Test
    void readsEveryIntegerDtypeInBothByteOrdersAndBothMemoryOrders() throws Exception {
        for (String file : new String[] {"dtypes_stored.npz", "dtypes_deflate.npz"}) {
            NpzFile npz = NpzFile.open(DIR.resolve(file));
            for (String order : new String[] {"C", "F"}) {
                for (String e : new String[] {"le", "be"}) {
                    for (String t : new String[] {"i1", "i2", "i4", "i8"}) {
                        NpyArray a = npz.get(t + "_" + e + "_" + order).requireShape(2, 3);
                        assertArrayEquals(SIGNED, a.toIntArray(), file + " " + a);
                        assertEquals(order.equals("F"), a.fortranOrder(), a.toString());
                    }
                    for (String t : new String[] {"u1", "u2", "u4", "u8"}) {
                        NpyArray a = npz.get(t + "_" + e + "_" + order);
                        assertArrayEquals(Arrays.stream(UNSIGNED).asLongStream().toArray(), a.toLongArray(), a.toString());
                    }
                }
            }
        }
    }

    @Test
    void readsFloatsInBothByteOrdersAndBothMemoryOrders() throws Exception {
        NpzFile npz = NpzFile.open(DIR.resolve("dtypes_stored.npz"));
        for (String name : new String[] {"f8_le_C", "f8_be_C", "f8_le_F", "f8_be_F"}) {
            assertArrayEquals(FLOATS, npz.get(name).toDoubleArray(), 0.0, name);
        }
        for (String name : new String[] {"f4_le_C", "f4_be_C", "f4_le_F", "f4_be_F"}) {
            float[] v = npz.get(name).toFloatArray();
            for (int i = 0; i < 6; i++) {
                assertEquals((float) FLOATS[i], v[i], 0f, name + "[" + i + "]");
            }
        }
        // A standalone .npy, big endian and Fortran ordered.
        assertArrayEquals(FLOATS, NpyArray.read(DIR.resolve("f8_be_F.npy")).toDoubleArray(), 0.0);
    }

    @Test
    void readsBoolMasksAndThreeDimensionalFortranArrays() throws Exception {
        NpzFile npz = NpzFile.open(DIR.resolve("dtypes_deflate.npz"));
        boolean[] expected = {true, false, true, false, false, true};
        assertArrayEquals(expected, npz.get("b1_C").toBooleanArray());
        assertArrayEquals(expected, npz.get("b1_F").toBooleanArray());
        int[] cube = npz.get("cube_F").requireShape(2, 3, 4).toIntArray();
        for (int i = 0; i < 24; i++) {
            assertEquals(i, cube[i], "C-order element " + i + " of a Fortran-ordered 2×3×4 arange");
        }
        NpyArray scalar = npz.get("scalar");
        assertEquals(0, scalar.ndim());
        assertArrayEquals(new long[] {42}, scalar.toLongArray());
        assertEquals(0, npz.get("empty").requireShape(0, 5).toFloatArray().length);
    }

    @Test
    void readsByteAndUnicodeStrings() throws Exception {
        NpzFile npz = NpzFile.open(DIR.resolve("dtypes_stored.npz"));
        assertArrayEquals(new String[] {"abc", "d", ""}, npz.get("S3").toStringArray());
        assertArrayEquals(new String[] {"h\u00e9llo", "x", "\uD83D\uDE00"}, npz.get("U5_le").toStringArray());
        assertArrayEquals(new String[] {"abc", "z"}, npz.get("U3_be").toStringArray());
    }

    @Test
    void rejectsLossyConversionsNamingTheElement() throws Exception {
        NpzFile npz = NpzFile.open(DIR.resolve("dtypes_stored.npz"));
        DatasetFormatException big = assertThrows(DatasetFormatException.class, () -> npz.get("big_i8").toIntArray());
        assertTrue(big.getMessage().contains("element 1 = 1099511627776"), big.getMessage());
        assertThrows(DatasetFormatException.class, () -> npz.get("big_u8").toLongArray());
        DatasetFormatException f = assertThrows(DatasetFormatException.class, () -> npz.get("f4_le_C").toIntArray());
        assertTrue(f.getMessage().contains("<f4"), f.getMessage());
        DatasetFormatException mask = assertThrows(DatasetFormatException.class, () -> npz.get("i4_le_C").toBooleanArray());
        assertTrue(mask.getMessage().contains("not a 0/1"), mask.getMessage());
        assertThrows(DatasetFormatException.class, () -> npz.get("i4_le_C").toStringArray());
    }

    @Test
    void rejectsPickledObjectArrays() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> NpyArray.read(DIR.resolve("object.npy")));
        assertTrue(e.getMessage().contains("object.npy") && e.getMessage().contains("pickled"), e.getMessage());
    }

    @Test
    void rejectsMalformedHeaders() {
        String[] bad = {
            "{'descr': '<f4', 'fortran_order': False}",                        // no shape
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2), }",         // not a tuple
            "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,), }",
            "{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }",        // complex
            "{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (2,), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }",        // 8 data bytes for 3 floats
            "{'descr': '<f2', 'fortran_order': False, 'shape': (4,), }",        // half floats unsupported
        };
        for (String h : bad) {
            byte[] file = npy(h, new byte[8]);
            assertThrows(DatasetFormatException.class, () -> NpyArray.parse(Path.of("bad.npy"), "array", file), h);
        }
        byte[] ok = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", new byte[8]);
        assertDoesNotThrowFormat(ok);
    }

    @Test
    void anyTruncationOfANpyFileIsAFormatError() throws Exception {
        byte[] whole = java.nio.file.Files.readAllBytes(DIR.resolve("f8_be_F.npy"));
        for (int len = 0; len < whole.length; len++) {
            byte[] cut = Arrays.copyOf(whole, len);
            assertThrows(DatasetFormatException.class, () -> NpyArray.parse(Path.of("cut.npy"), "array", cut),
                    "length " + len);
        }
    }

    @Test
    void headerByteFlipsGiveTheSameArrayOrAFormatError() throws Exception {
        byte[] whole = java.nio.file.Files.readAllBytes(DIR.resolve("f8_be_F.npy"));
        int headerEnd = 10 + ((whole[8] & 0xFF) | (whole[9] & 0xFF) << 8);
        // A plain .npy has no checksum: turning the byte-order mark '>' into '<' (one bit) is a valid file with
        // other values, so that one position is left out; every other header byte is structural.
        int orderMark = new String(whole, 0, headerEnd, StandardCharsets.ISO_8859_1).indexOf("'>f8'") + 1;
        assertTrue(orderMark > 0);
        Random rnd = new Random(7);
        for (int pos = 0; pos < headerEnd; pos++) {
            if (pos == orderMark) {
                continue;
            }
            for (int trial = 0; trial < 4; trial++) {
                byte[] m = whole.clone();
                m[pos] ^= (byte) (1 << rnd.nextInt(8));
                try {
                    NpyArray a = NpyArray.parse(Path.of("m.npy"), "array", m);
                    // Accepted: must then still be the 2×3 float64 array in the same logical order.
                    assertArrayEquals(FLOATS, a.toDoubleArray(), 0.0, "flip at " + pos);
                    assertArrayEquals(new long[] {2, 3}, a.shape(), "flip at " + pos);
                } catch (DatasetFormatException expected) {
                    // the clean failure
                }
            }
        }
    }

    private static void assertDoesNotThrowFormat(byte[] file) {
        try {
            assertEquals(2, NpyArray.parse(Path.of("ok.npy"), "array", file).size());
        } catch (DatasetFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** A version-1.0 .npy file with the given header dict (padded to 64 bytes) and data. */
    static byte[] npy(String dict, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        StringBuilder h = new StringBuilder(dict);
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.write(hb.length & 0xFF);
        out.write(hb.length >> 8);
        out.writeBytes(hb);
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void writesTheBytesNumpySaveWrites(@TempDir Path tmp) throws Exception {
        Path numpy = DIR.resolve("f8_be_F.npy");
        Path ours = tmp.resolve("copy.npy");
        NpyArray.read(numpy).write(ours);
        assertArrayEquals(java.nio.file.Files.readAllBytes(numpy), java.nio.file.Files.readAllBytes(ours));
    }

    @Test
    void float32ArraysRoundTripInEveryRank(@TempDir Path tmp) throws Exception {
        float[] v = {1.5f, -0f, Float.MIN_VALUE, Float.NaN, 3e38f, -2f};
        for (long[] shape : new long[][] {{6}, {2, 3}, {3, 1, 2}}) {
            Path f = tmp.resolve("a" + shape.length + ".npy");
            NpyArray.ofFloats(f, shape, v).write(f);
            NpyArray back = NpyArray.read(f);
            assertArrayEquals(shape, back.shape());
            assertEquals("<f4", back.dtype().descr());
            assertEquals(0, (java.nio.file.Files.size(f) - v.length * 4) % 64, "data starts at a multiple of 64");
            float[] w = back.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(w[i]), "element " + i);
            }
        }
        var e = assertThrows(DatasetFormatException.class, () -> NpyArray.ofFloats(tmp, new long[] {4, 2}, v));
        assertTrue(e.getMessage().contains("32") && e.getMessage().contains("24"), e.getMessage());
    }
}
