package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The one regrouping: a stable sort of row ids by segment, with CSR offsets. */
class SegmentIndexTest {
    @Property
    void membersAreTheRowsStablySortedBySegment(@ForAll @Size(max = 200) int[] raw,
                                                @ForAll @IntRange(min = 1, max = 30) int segments) {
        int[] index = Arrays.stream(raw).map(v -> Math.floorMod(v, segments)).toArray();
        SegmentIndex s = SegmentIndex.of(index, segments);
        int[] expected = IntStream.range(0, index.length).boxed()
                .sorted(Comparator.comparingInt(i -> index[i])).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, s.members());
        for (int g = 0; g < segments; g++) {
            int seg = g;
            assertTrue(s.ptr()[g + 1] - s.ptr()[g] == Arrays.stream(index).filter(v -> v == seg).count());
        }
    }

    @Test
    void rejectsAnOutOfRangeSegmentNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> SegmentIndex.of(new int[] {0, -1}, 3));
        assertTrue(e.getMessage().contains("index[1] = -1") && e.getMessage().contains("[0, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SegmentIndex.of(new int[0], -1));
    }
}
