package io.connectorkit.samples.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.Split;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planning arithmetic of jdbc-input's key ranges and their split ids, without a database. */
class KeyRangesTest {

    @Test
    void cutsTheSpanEveryDesiredSizeKeysWithOpenEnds() {
        assertEquals(List.of(new KeyRange(null, 11L), new KeyRange(11L, 21L), new KeyRange(21L, null)),
                KeyRanges.cut(KeyRange.ALL, 1, 30, 10));
        assertEquals(List.of(new KeyRange(null, 11L), new KeyRange(11L, 21L), new KeyRange(21L, null)),
                KeyRanges.cut(KeyRange.ALL, 1, 21, 10), "key 21 alone makes a third range");
    }

    @Test
    void aDesiredSizeAtOrAboveTheSpanGivesTheOuterRange() {
        assertEquals(List.of(KeyRange.ALL), KeyRanges.cut(KeyRange.ALL, 1, 30, 30));
        assertEquals(List.of(KeyRange.ALL), KeyRanges.cut(KeyRange.ALL, 7, 7, 1), "a single key");
        assertEquals(List.of(new KeyRange(5L, 50L)), KeyRanges.cut(new KeyRange(5L, 50L), 6, 40, 1000));
    }

    @Test
    void theOuterBoundsAreKeptAtBothEnds() {
        assertEquals(List.of(new KeyRange(-100L, -10L), new KeyRange(-10L, 0L), new KeyRange(0L, 1000L)),
                KeyRanges.cut(new KeyRange(-100L, 1000L), -20, 5, 10));
    }

    @Test
    void theWholeLongRangeIsCutIntoAtMostMaxRangesContiguousAndWithValidUniqueIds() {
        List<KeyRange> ranges = KeyRanges.cut(KeyRange.ALL, Long.MIN_VALUE, Long.MAX_VALUE, 1);

        assertEquals(KeyRanges.MAX_RANGES, ranges.size());
        assertNull(ranges.get(0).from());
        assertNull(ranges.get(ranges.size() - 1).to());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0) {
                assertEquals(ranges.get(i - 1).to(), ranges.get(i).from(), "contiguous at #" + i);
            }
            String id = ranges.get(i).id();
            assertNull(Split.idProblem(id), id);
            assertTrue(ids.add(id), "unique: " + id);
        }
    }

    @Test
    void aSpanLargerThanALongStillGivesExactKeyCounts() {
        assertEquals(Long.MAX_VALUE, new KeySpan(Long.MIN_VALUE, Long.MAX_VALUE).keys(), "2^64 keys, capped");
        assertEquals(Long.MAX_VALUE, new KeySpan(0, Long.MAX_VALUE - 1).keys());
        assertEquals(1, new KeySpan(-3, -3).keys());
        assertEquals(51, new KeySpan(-25, 25).keys());
    }

    @Test
    void idsNameTheBoundsWithStartEndAndMForMinus() {
        assertEquals("all", KeyRange.ALL.id());
        assertEquals("keys-start-m5", new KeyRange(null, -5L).id());
        assertEquals("keys-m5-15", new KeyRange(-5L, 15L).id());
        assertEquals("keys-15-end", new KeyRange(15L, null).id());
        assertEquals("keys-m9223372036854775808-9223372036854775807",
                new KeyRange(Long.MIN_VALUE, Long.MAX_VALUE).id());
    }

    @Test
    void aRangeWhoseFromIsNotBelowItsToIsRefusedNamingBothOptions() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new KeyRange(5L, 5L));
        assertEquals("configuration.keyFrom must be below configuration.keyTo (keyFrom is inclusive, keyTo "
                + "exclusive), got keyFrom 5 and keyTo 5", error.getMessage());
    }
}
