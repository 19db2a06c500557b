package io.gnn4j.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.npz.NpyArray;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict pickle reader on hand-assembled opcode sequences (opcodes as in CPython's pickletools). */
class PickleReaderTest {
    static final Path FILE = Path.of("hand.pickle");

    /** Builds a byte sequence from ints and chars (single bytes) and strings (latin-1 bytes). */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer i) {
                out.write(i);
            } else if (p instanceof Character c) {
                out.write(c);
            } else {
                out.writeBytes(((String) p).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }

    static Object read(Object... parts) throws DatasetFormatException {
        return PickleReader.read(FILE, bytes(parts));
    }

    @Test
    void readsADefaultdictOfIntListsWithMemoReferences() throws Exception {
        // defaultdict(list, {0: [300, 5], 7: []}) with protocol 2 opcodes.
        Object o = read(0x80, 2, "ccollections\ndefaultdict\n", 'q', 1, "c__builtin__\nlist\n", 0x85, 'R',
                '(', 'K', 0, ']', 'q', 2, '(', 'M', 300 & 0xFF, 300 >> 8, 'K', 5, 'e', 'K', 7, ']', 'u', '.');
        assertEquals(Map.of(0L, List.of(300L, 5L), 7L, List.of()), o);
    }

    @Test
    void readsANumpyArrayFromItsReconstructState() throws Exception {
        // _reconstruct(ndarray, (0,), 'b') then BUILD (1, (2,), dtype('<i4'), False, raw bytes).
        Object o = read(0x80, 2, "cnumpy.core.multiarray\n_reconstruct\n", "cnumpy\nndarray\n", 'K', 0, 0x85,
                'U', 1, "b", 0x87, 'R', '(', 'K', 1, 'K', 2, 0x85, "cnumpy\ndtype\n", 'U', 2, "i4", 'K', 0, 'K', 1, 0x87,
                'R', '(', 'K', 3, 'U', 1, "<", 'N', 'N', 'N', 'J', 255, 255, 255, 255, 'J', 255, 255, 255, 255, 'K', 0,
                't', 'b', 0x89, 'U', 8, "\u0007\0\0\0\u00fe\u00ff\u00ff\u00ff", 't', 'b', '.');
        assertArrayEquals(new int[] {7, -2}, ((NpyArray) o).toIntArray());
    }

    @Test
    void refusesGlobalsOutsideTheWhitelistWithoutRunningThem() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> read(0x80, 2, "cbuiltins\neval\n", 'U', 4, "1+1;", 0x85, 'R', '.'));
        assertTrue(e.getMessage().contains("builtins.eval is not allowed"), e.getMessage());
        assertTrue(e.getMessage().startsWith("hand.pickle: pickle offset 2"), e.getMessage());
    }

    @Test
    void rejectsStructuralErrorsNamingTheOffset() {
        assertMessage("memo entry 9 was never stored", 0x80, 2, 'h', 9, '.');
        assertMessage("stack underflow", 0x80, 2, 'a', '.');
        assertMessage("2 bytes after STOP", 0x80, 2, 'N', '.', 'N', 'N');
        assertMessage("truncated", 0x80, 2, 'T', 100, 0, 0, 0, "short");
        assertMessage("negative length", 0x80, 2, 'T', 255, 255, 255, 255);
        assertMessage("GLOBAL name is not terminated by a newline", 0x80, 2, "cos");
        assertMessage("protocol 5", 0x80, 5, 'N', '.');
        assertMessage("opcode 0x49", 0x80, 2, 'I', "12\n", '.');  // text INT: not an opcode these files use
        assertMessage("duplicate dict key 1", 0x80, 2, '}', '(', 'K', 1, 'N', 'K', 1, 'N', 'u', '.');
        assertMessage("APPEND(S) on something that is not a list", 0x80, 2, '}', 'K', 1, 'a', '.');
        assertMessage("exactly one object", 0x80, 2, 'N', 'N', '.');
    }

    private static void assertMessage(String fragment, Object... parts) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(parts));
        assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' missing in: " + e.getMessage());
    }
}
