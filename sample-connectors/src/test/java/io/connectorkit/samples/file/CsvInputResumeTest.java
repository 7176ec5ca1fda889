package io.connectorkit.samples.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.testing.ConnectorTest;
import io.connectorkit.testing.ConnectorTester;
import io.connectorkit.testing.CrashPoints;
import io.connectorkit.testing.MigrationSummary;
import io.connectorkit.testing.ResumeSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * csv-input through the recovery test kit: resume from every checkpoint of a generated file (quotes, CRLF, a last
 * line without newline), a crash at sampled records, offsets that never go backwards, and the golden checkpoints
 * against the fixed file next to them: version 1 (SHA-256 {@code fingerprint}, as version 1 wrote it, with the state
 * it migrates to: {@code sha256} and, once that matched, the {@code crc32}) and version 2 (written with
 * {@code -Dconnectorkit.golden.write=true}).
 */
@ConnectorTest
class CsvInputResumeTest {

    /** The file the golden checkpoints were taken on: its size and fingerprint are in them. */
    private static final String GOLDEN_FILE = "src/test/resources/connectorkit/golden/file/csv-input/orders.csv";

    @TempDir
    Path dir;

    @Test
    void resumesFromEveryCheckpointAndACrashRepeatsAtMostOneBatch(ConnectorTester tester) throws Exception {
        Path file = CsvFiles.generate(dir.resolve("rows.csv"), 3_000, 7, ',', StandardCharsets.UTF_8, true).path();
        ResumeSummary summary = tester.resumeCheck("file", "csv-input", Map.of("configuration.path", file.toString(),
                        "configuration.batchSize", "100"))
                .orderedBy(state -> state.getJsonNumber("offset").longValue())
                .duplicateBound(100)
                .crashPoints(CrashPoints.sample(300, 11))
                .verify();

        assertEquals(3_000, summary.records());
        assertEquals(30, summary.checkpoints(), "one per batch of 100; the final state is the last batch's");
    }

    @Test
    void readsEveryCheckpointVersion(ConnectorTester tester) {
        MigrationSummary summary = tester.migrationCheck("file", "csv-input",
                Map.of("configuration.path", GOLDEN_FILE, "configuration.batchSize", "10")).verify();

        assertEquals(2, summary.currentVersion());
        assertEquals(List.of(1, 2), summary.versionsChecked());
    }
}
