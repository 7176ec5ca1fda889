package io.connectorkit.benchmarks.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke test: the harness runs end to end on a small file; its own check fails it unless csv-input and FastCSV
 * build equal rows and resume at the same row. No timing asserted.
 */
class CsvSideBySideTest {

    @TempDir
    Path dir;

    @Test
    void runsEveryReaderAndBothResumesOnASmallFile() throws Exception {
        CsvSideBySide.Options options = new CsvSideBySide.Options(20_000, 1, 5, 5, 0.9, dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        CsvSideBySide.Report report = CsvSideBySide.run(options, out);
        CsvSideBySide.print(options, report, out);

        for (CsvSideBySide.Reading reading : report.readings().values()) {
            assertTrue(reading.median() > 0);
            assertTrue(reading.ratio() > 0);
        }
        assertEquals(1.0, report.readings().get(CsvSideBySide.FASTCSV_JSON).ratio(), "the baseline against itself");
        assertEquals(1, report.resumes().ratios().size());
        assertTrue(report.resumes().csvInputMicros().get(0) > 0 && report.resumes().seekMicros().get(0) > 0);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("| csv-input / seek |"), table);
    }

    @Test
    void theFileHasSixFieldsARowAndAQuotedDelimiterInEachRow() throws Exception {
        Path file = CsvBenchFile.of(dir, 100);
        assertEquals(101, Files.readAllLines(file).size());
        assertEquals("7,name-7,Berlin,\"note, 7\",7.17,2024-11-17", Files.readAllLines(file).get(7));
        long offset = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).indexOf("\n7,") + 1; // bytes
        JsonObject row = FastCsvReads.seekFirstRow(file, offset,
                CsvBenchFile.HEADER.toArray(String[]::new), JsonProvider.provider().createBuilderFactory(Map.of()));
        assertEquals("7", row.getString("id"));
        assertEquals("note, 7", row.getString("note"));
    }
}
