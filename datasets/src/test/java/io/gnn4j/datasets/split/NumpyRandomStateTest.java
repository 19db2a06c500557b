package io.gnn4j.datasets.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gnn4j.datasets.Split;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link NumpyRandomState} and {@link Splits#pygsd} against numpy 1.24.2's legacy {@code RandomState}: the values
 * were printed by {@code src/test/resources/io/gnn4j/datasets/split/numpy_random_state.py} (run it to check them).
 */
class NumpyRandomStateTest {
    @Test
    void rawOutputsAreMt19937sOfInitGenrand() {
        NumpyRandomState r = new NumpyRandomState(0);
        assertArrayEquals(new long[] {2357136044L, 2546248239L, 3071714933L},
                new long[] {r.nextUint32(), r.nextUint32(), r.nextUint32()});
    }

    @Test
    void permutationsAreNumpys() {
        assertArrayEquals(new int[] {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}, new NumpyRandomState(0).permutation(10));
        assertArrayEquals(new int[] {
                778, 334, 271, 802, 216, 408, 812, 94, 487, 170, 24, 242, 542, 930, 886, 426, 125, 453, 650, 913
            },
                Arrays.copyOf(new NumpyRandomState(7).permutation(1000), 20));
        assertArrayEquals(new int[] {
                15, 2, 23, 20, 17, 31, 21, 24, 3, 30, 16, 1, 6, 8, 33, 28, 4, 36, 19, 9, 5, 14, 13, 10, 29, 11, 18,
                27, 32, 25, 26, 22, 0, 7, 12, 34, 35
            },
                new NumpyRandomState(4294967295L).permutation(37));
        assertArrayEquals(new int[] {7, 13, 9},
                new NumpyRandomState(0).choice(new int[] {5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, 3));
    }

    @Test
    void pygsdSplitIsTheOneNumpyMakes() {
        int[] labels = new int[400];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 7) % 5;
        }
        Split s = Splits.pygsd(labels, 5, 20, 100, 3);
        assertEquals("pygsd-3", s.name());
        assertArrayEquals(sorted(new int[] {
                305, 285, 385, 30, 225, 40, 175, 365, 45, 295, 60, 135, 170, 315, 235, 270, 275, 65, 250, 330, 248,
                18, 128, 188, 78, 258, 153, 33, 208, 338, 203, 318, 388, 398, 193, 213, 158, 68, 3, 323, 6, 81, 91,
                101, 121, 266, 26, 186, 16, 96, 71, 156, 261, 201, 331, 291, 76, 11, 136, 46, 49, 259, 54, 249, 334,
                84, 239, 104, 14, 234, 169, 89, 124, 399, 44, 349, 144, 194, 209, 79, 112, 82, 12, 362, 277, 142, 67,
                227, 242, 322, 337, 207, 377, 252, 177, 187, 262, 47, 147, 367
            }), s.train());
        assertArrayEquals(sorted(new int[] {
                265, 107, 13, 368, 269, 215, 253, 50, 190, 52, 155, 56, 328, 69, 172, 7, 171, 127, 149, 284, 271, 95,
                389, 390, 301, 131, 332, 134, 300, 165, 42, 160, 263, 384, 283, 111, 366, 59, 21, 139, 148, 4, 226,
                222, 358, 342, 236, 100, 117, 286, 272, 280, 232, 86, 231, 243, 140, 132, 63, 308, 15, 326, 154, 294,
                354, 164, 199, 114, 339, 115, 119, 351, 43, 99, 151, 137, 181, 255, 228, 256, 292, 129, 53, 110, 174,
                146, 197, 108, 281, 163, 276, 8, 340, 297, 359, 363, 36, 198, 167, 83
            }), s.val());
        assertEquals(400 - 100 - 100, s.test().length);
        boolean[] seen = new boolean[400];
        for (int[] part : new int[][] {s.train(), s.val(), s.test()}) {
            for (int v : part) {
                assertFalse(seen[v], "node " + v + " in two parts");
                seen[v] = true;
            }
        }
    }

    /** {@link Split} keeps its parts in ascending order; numpy's draws are compared as sets. */
    private static int[] sorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    @Test
    void badSeedsAndSizesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
        assertEquals("a RandomState seed must be in [0, 2^32 - 1], got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Splits.pygsd(new int[] {0, 0, 1}, 2, 2, 0, 0));
        assertEquals("class 1 has 1 nodes, fewer than trainPerClass = 2", e.getMessage());
    }
}
