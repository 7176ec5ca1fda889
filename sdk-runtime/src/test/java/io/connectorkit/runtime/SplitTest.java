package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.fixtures.Ranges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Assessing and splitting a partition mapper, reading its splits, and an emitter as a mapper of one split. */
class SplitTest {

    private static final Map<String, String> ZERO_TO_TEN = Map.of("to", "10", "token", "s3cret");

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @AfterEach
    void close() {
        manager.close();
        Ranges.idMode = "named";
    }

    private Mapper ranges(String name, Map<String, String> configuration) {
        return manager.findMapper("test", name, 1, configuration).orElseThrow();
    }

    static List<Object> readAll(Input input) {
        List<Object> records = new ArrayList<>();
        input.start();
        for (Object record = input.next(); record != null; record = input.next()) {
            records.add(record);
        }
        input.stop();
        return records;
    }

    @Test
    void assessesThroughTheAssessorAndAnEmitterIsOfUnknownSize() {
        assertEquals(10, ranges("ranges", ZERO_TO_TEN).estimateSize());
        Mapper counter = manager.findMapper("test", "counter", 1, Map.of("total", "3")).orElseThrow();
        assertEquals(Mapper.UNKNOWN_SIZE, counter.estimateSize());
    }

    @Test
    void splitsIntoDisjointRangesWhoseConfigurationsHoldNoCredential() {
        List<Split> splits = ranges("ranges-named", ZERO_TO_TEN).split(4);

        assertEquals(List.of("range-0-4", "range-4-8", "range-8-10"), splits.stream().map(Split::id).toList());
        assertEquals(Map.of("from", "4", "to", "8", "position.next", "-1"), splits.get(1).configuration());
        assertEquals(1, splits.get(1).configurationVersion());
        assertFalse(splits.stream().anyMatch(split -> split.configuration().containsValue("s3cret")));
    }

    @Test
    void eachSplitReadsItsPartWithTheJobsCredentialAndTogetherTheyReadEverything() {
        Mapper mapper = ranges("ranges", ZERO_TO_TEN);
        List<Object> all = new ArrayList<>();
        for (Split split : mapper.split(3)) {
            List<Object> part = readAll(mapper.create(split, null));
            assertFalse(part.isEmpty(), split.id());
            all.addAll(part);
        }
        assertEquals(readAll(mapper.create()), all);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), all);
    }

    @Test
    void aSplitResumesFromItsOwnCheckpoint() {
        Mapper mapper = ranges("ranges", ZERO_TO_TEN);
        Split second = mapper.split(5).get(1);
        List<CheckpointState> checkpoints = new ArrayList<>();
        Input input = mapper.create(second, null);
        input.start(checkpoints::add);
        assertEquals(5L, input.next());
        assertEquals(6L, input.next());
        assertEquals(7L, input.next()); // delivers the checkpoint covering 5 and 6 first
        input.stop();

        assertEquals(7L, checkpoints.get(0).state().getJsonNumber("next").longValue());
        assertEquals(List.of(7L, 8L, 9L), readAll(mapper.create(second, checkpoints.get(0))));
    }

    @Test
    void derivedIdsAreStableForTheSameConfigurationAndDifferForAnother() {
        List<String> first = ranges("ranges", ZERO_TO_TEN).split(5).stream().map(Split::id).toList();
        List<String> again = ranges("ranges", Map.of("to", "10", "token", "other")).split(5).stream()
                .map(Split::id).toList();
        List<String> other = ranges("ranges", Map.of("to", "11", "token", "s3cret")).split(5).stream()
                .map(Split::id).toList();

        assertEquals(first, again, "the credential is not part of a split's identity");
        assertTrue(first.get(0).matches("s-[0-9a-f]{16}"), first.get(0));
        assertNotEquals(first.get(0), first.get(1));
        assertEquals(first, other.subList(0, 2), "the same ranges, whatever the job's other ranges");
        assertEquals(3, other.size());
        assertFalse(first.contains(other.get(2)));
    }

    @Test
    void aSplitIdThatIsNoStoreIdFailsNamingTheSplitAndTheRule() {
        Ranges.idMode = "bad";
        ComponentException error = assertThrows(ComponentException.class,
                () -> ranges("ranges-named", ZERO_TO_TEN).split(5));
        assertEquals("test/ranges-named: @SplitId splitId() returned 'range/0' for split #1 of 2, which is not a valid "
                + "split id: character '/' at index 5 is not allowed (allowed: 1 to 128 characters of [A-Za-z0-9._-], "
                + "not '.' or '..')", error.getMessage());
    }

    @Test
    void twoSplitsWithTheSameIdFail() {
        Ranges.idMode = "same";
        ComponentException error = assertThrows(ComponentException.class,
                () -> ranges("ranges-named", ZERO_TO_TEN).split(5));
        assertEquals("test/ranges-named: split #1 and split #2 of 2 have the same id 'range': @SplitId splitId() must "
                + "give each split of a plan its own id", error.getMessage());
    }

    @Test
    void aDesiredSizeBelowOneIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ranges("ranges", ZERO_TO_TEN).split(0));
        assertEquals("test/ranges: the desired size of a split must be 1 or more, got 0", error.getMessage());
    }

    @Test
    void anEmitterIsAMapperOfOneSplitOfItsOwnConfiguration() {
        Mapper counter = manager.findMapper("test", "counter", 1,
                Map.of("total", "3", "$checkpoint.next", "1")).orElseThrow();
        List<Split> splits = counter.split(100);

        assertEquals(1, splits.size());
        assertEquals(Map.of("total", "3"), splits.get(0).configuration());
        assertEquals(List.of(0L, 1L, 2L), readAll(counter.create(splits.get(0), null)));
    }

    @Test
    void theNonSecretConfigurationLeavesOutCredentialsAndCheckpointKeys() {
        Mapper mapper = ranges("ranges", Map.of("to", "10", "token", "s3cret", "$checkpoint.next", "3"));
        assertEquals(Map.of("to", "10"), mapper.nonSecretConfiguration());
    }

    @Test
    void aSplitRoundTripsThroughItsJson() {
        Split split = ranges("ranges", ZERO_TO_TEN).split(5).get(1);
        assertEquals(split, Split.fromJson(split.toJson()));
        assertEquals(1, split.toJson().getInt("__version"));
    }

    @Test
    void aSplitRefusesCheckpointKeysAndBadIds() {
        IllegalArgumentException checkpoint = assertThrows(IllegalArgumentException.class,
                () -> new Split("a", Map.of("$checkpoint.next", "1"), 1));
        assertTrue(checkpoint.getMessage().contains("a split's configuration holds no checkpoint"),
                checkpoint.getMessage());
        IllegalArgumentException dots = assertThrows(IllegalArgumentException.class, () -> new Split("..", Map.of(), 1));
        assertEquals("invalid split id '..': it names a folder (allowed: 1 to 128 characters of [A-Za-z0-9._-], not "
                + "'.' or '..')", dots.getMessage());
    }
}
