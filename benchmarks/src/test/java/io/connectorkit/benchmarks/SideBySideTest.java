package io.connectorkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.benchmarks.plain.CoalescingSaver;
import io.connectorkit.store.AsyncCheckpointWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke test: the harness runs every mode end to end, TCK included, with a tiny record count. No timing asserted. */
class SideBySideTest {

    @TempDir
    Path work;

    @Test
    void runsEveryModeOnceWithTenThousandRecords() throws Exception {
        SideBySide.Options options = new SideBySide.Options(10_000, 10_000, 20, 1, 0.05, work,
                BenchFiles.targetDir().resolve("tck-lib"), AsyncCheckpointWriter.DEFAULT_MIN_PAUSE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        SideBySide.Report report = SideBySide.run(options, out);
        SideBySideTable.print(options, report, out);

        for (SideBySide.Series series : report.series().values()) {
            assertTrue(series.median() > 0, series.name + " measured nothing");
            assertTrue(series.toBare() > 0, series.name + " has no ratio to the bare loop");
        }
        assertEquals(1.0, report.get("bare loop").toBare(), "the bare loop against itself");
        assertEquals(5, report.ckStartupMillis().size());
        assertEquals(1, report.tckStartupMillis().size());
        assertTrue(report.storeSavesPerSecond().get(0) > 0);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("| TCK callback |"), table);
        assertTrue(table.contains("| 4 TCK startup / CK startup |"), table);
    }

    @Test
    void theTckSaverPausesBetweenSavesAsLongAsConnectorKitsWriter() {
        assertEquals(AsyncCheckpointWriter.DEFAULT_MIN_PAUSE, CoalescingSaver.PAUSE);
    }
}
