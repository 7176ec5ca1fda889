package io.connectorkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class SplitCheckTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @AfterEach
    void close() {
        manager.close();
    }

    private SplitCheck numbers(String mode) {
        return SplitCheck.of(manager, "test", "numbers",
                Map.of("range.to", "20", "range.mode", mode)).desiredSize(6);
    }

    @Test
    void aCorrectPartitionMapperPassesAndTheSummarySaysWhatWasChecked() {
        SplitSummary summary = numbers("good").verify();

        assertEquals(20, summary.estimatedSize());
        assertEquals(6, summary.desiredSize());
        assertEquals(20, summary.records());
        assertEquals(List.of(6, 6, 6, 2), summary.recordsPerSplit());
        assertEquals(4, summary.splitIds().size());
        assertTrue(summary.splitIds().get(0).matches("s-[0-9a-f]{16}"), summary.splitIds().get(0));
    }

    @Test
    void theDefaultDesiredSizeIsAQuarterOfTheEstimate() {
        SplitSummary summary = SplitCheck.of(manager, "test", "numbers", Map.of("range.to", "20")).verify();
        assertEquals(5, summary.desiredSize());
        assertEquals(List.of(5, 5, 5, 5), summary.recordsPerSplit());
    }

    @Test
    void overlappingSplitsFailNamingBothSplitsAndTheRecord() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> numbers("overlap").verify());
        assertTrue(error.getMessage().matches("(?s)test/numbers: splits s-[0-9a-f]{16} and s-[0-9a-f]{16} both read "
                + "the record 6: splits must be disjoint\\..*"), error.getMessage());
    }

    @Test
    void splitsThatMissARecordFail() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> numbers("gap").verify());
        assertTrue(error.getMessage().startsWith("test/numbers: no split reads the record 6 (read 1 time(s) by the "
                + "whole configuration, 0 by the splits): the 4 splits together must read everything."),
                error.getMessage());
    }

    @Test
    void aPlanThatChangesFromOneSplitToTheNextFails() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> numbers("unstable").verify());
        assertTrue(error.getMessage().startsWith("test/numbers: splitting the same configuration twice gives two "
                + "plans"), error.getMessage());
        assertTrue(error.getMessage().contains("split:      #1"), error.getMessage());
    }

    @Test
    void eachSplitResumesFromItsOwnCheckpointsAndAFailureNamesTheSplit() {
        Map<String, ResumeSummary> summaries = numbers("good")
                .verifyResumeOfEachSplit(resume -> resume.duplicateBound(3));

        assertEquals(4, summaries.size());
        ResumeSummary first = summaries.values().iterator().next();
        assertEquals(6, first.records());
        assertEquals(7, first.crashPoints());
        assertTrue(first.maxDuplicates() <= 3);

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> numbers("good").verifyResumeOfEachSplit(resume -> resume.duplicateBound(1)));
        assertTrue(error.getMessage().matches("(?s)test/numbers \\(split s-[0-9a-f]{16}\\): a crash after record #2 "
                + "repeats 2 records.*"), error.getMessage());
    }
}
