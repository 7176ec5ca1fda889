package io.connectorkit.samples.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.testing.ConnectorTest;
import io.connectorkit.testing.ConnectorTester;
import io.connectorkit.testing.MigrationSummary;
import io.connectorkit.testing.ResumeSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * list-input through the recovery test kit: resume from every checkpoint, a crash after every record, checkpoints
 * that never go backwards, and golden checkpoint files for every version in
 * {@code src/test/resources/connectorkit/golden/checkpoint/list-input/} (v1 written by hand in v1's form, v2 by
 * {@code -Dconnectorkit.golden.write=true}).
 */
@ConnectorTest
class ListInputResumeTest {

    private static final Map<String, String> BY_ID = Map.of("configuration.total", "500");

    @Test
    void resumesFromEveryCheckpointAndACrashAtAnyRecordRepeatsAtMostOneBatch(ConnectorTester tester) {
        ResumeSummary summary = tester.resumeCheck("checkpoint", "list-input", BY_ID)
                .orderedBy(state -> state.getInt("sinceId"))
                .duplicateBound(10) // a crash repeats at most one batch (the default batchSize)
                .verify();

        assertEquals(500, summary.records());
        assertEquals(50, summary.checkpoints());
        assertEquals(50, summary.resumedFrom());
        assertEquals(501, summary.crashPoints());
        assertEquals(10, summary.maxDuplicates());
    }

    @Test
    void resumesByDateFromEveryCheckpoint(ConnectorTester tester) {
        Map<String, String> byDate = Map.of("configuration.total", "200", "configuration.batchSize", "7",
                "configuration.checkpoint.strategy", "BY_DATE");

        ResumeSummary summary = tester.resumeCheck("checkpoint", "list-input", byDate)
                .orderedBy(state -> state.getString("startDate"))
                .verify();

        assertEquals(29, summary.checkpoints(), "28 full batches of 7 and the final one at 200");
        assertEquals(7, summary.duplicateBound(), "derived: the largest gap between checkpoints");
    }

    @Test
    void readsEveryOldCheckpointVersion(ConnectorTester tester) {
        MigrationSummary summary = tester.migrationCheck("checkpoint", "list-input", Map.of("configuration.total", "50"))
                .verify();

        assertEquals(2, summary.currentVersion());
        assertEquals(List.of(1, 2), summary.versionsChecked());
    }
}
