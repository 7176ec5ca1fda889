package io.connectorkit.samples.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.Split;
import io.connectorkit.testing.ConnectorTest;
import io.connectorkit.testing.ConnectorTester;
import io.connectorkit.testing.ResumeSummary;
import io.connectorkit.testing.SplitSummary;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * csv-input as a partition mapper: several files (a list, a glob) are a split each; with
 * {@code rowsWithoutLineBreaks}, a large file is cut into byte ranges, each reading the rows that start in it. Checked
 * with {@code SplitCheck} (disjoint, covering, deterministic, each split resumed from each of its checkpoints after a
 * crash at every record) and, for the range rule, byte by byte on small files.
 */
@ConnectorTest
class CsvInputSplitTest {

    @TempDir
    Path dir;

    // ---- several files ----

    @Test
    void aListOfFilesIsOneSplitPerFileInPathOrderAndEachResumes(ConnectorTester tester) throws IOException {
        Path a = write("a.csv", SplitFiles.rows("a", 12, "\n", true));
        Path b = write("b.csv", SplitFiles.rows("b", 30, "\r\n", true));
        Path c = write("c.csv", SplitFiles.rows("c", 7, "\n", true).stripTrailing());
        Map<String, String> configuration = Map.of("configuration.path", c.toString(),
                "configuration.paths[0]", a.toString(), "configuration.paths[1]", b.toString(),
                "configuration.paths[2]", c.toString(), // named twice, read once
                "configuration.batchSize", "5");

        SplitSummary splits = tester.splitCheck("file", "csv-input", configuration).desiredSize(10).verify();
        Map<String, ResumeSummary> resumed = tester.splitCheck("file", "csv-input", configuration).desiredSize(10)
                .verifyResumeOfEachSplit(split -> split.duplicateBound(5));

        assertEquals(List.of(12, 30, 7), splits.recordsPerSplit(), "a file is never cut without the option");
        assertEquals(49, splits.records());
        assertEquals(List.of(id("a.csv", a), id("b.csv", b), id("c.csv", c)), splits.splitIds());
        assertEquals(31, resumed.get(id("b.csv", b)).crashPoints()); // before the first row, and after each
        assertEquals(Files.size(a) + Files.size(b) + Files.size(c), splits.estimatedSize());
    }

    @Test
    void aGlobReadsTheMatchingFilesOfItsFolderInNameOrder(ConnectorTester tester) throws IOException {
        Path second = write("orders-2.csv", SplitFiles.rows("two", 9, "\n", true));
        Path first = write("orders-1.csv", SplitFiles.rows("one", 4, "\r\n", true));
        write("orders-3.txt", SplitFiles.rows("txt", 3, "\n", true));
        write("other.csv", SplitFiles.rows("other", 3, "\n", true));
        Map<String, String> configuration = Map.of("configuration.path", dir.resolve("orders-*.csv").toString());

        SplitSummary splits = tester.splitCheck("file", "csv-input", configuration).verify();

        assertEquals(List.of(id("orders-1.csv", first), id("orders-2.csv", second)), splits.splitIds());
        assertEquals(List.of(4, 9), splits.recordsPerSplit());
        List<Map<String, String>> whole = readAll(tester.manager(), configuration);
        assertEquals(13, whole.size());
        assertEquals("one-1", whole.get(0).get("id"));
        assertEquals("two-9", whole.get(12).get("id"), "the files one after another, in name order");
    }

    @Test
    void aGlobMatchingNothingReadsNothingAndHasNoSplit(ConnectorTester tester) {
        Map<String, String> configuration = Map.of("configuration.path", dir.resolve("none-*.csv").toString());
        Mapper mapper = mapper(tester.manager(), configuration);
        assertEquals(List.of(), mapper.split(100));
        assertEquals(0, mapper.estimateSize());
        assertEquals(List.of(), readAll(tester.manager(), configuration));
    }

    @Test
    void readWholeSeveralFilesResumeFromACheckpointNamingTheFile(ConnectorTester tester) throws IOException {
        write("a.csv", SplitFiles.rows("a", 23, "\n", true));
        write("b.csv", SplitFiles.rows("b", 17, "\r\n", true).stripTrailing()); // no last line end
        write("c.csv", "id,v\n"); // a header only: nothing to read, and the next file goes on
        write("d.csv", SplitFiles.rows("d", 11, "\n", true));
        Map<String, String> configuration = Map.of("configuration.path", dir.resolve("*.csv").toString(),
                "configuration.batchSize", "4");

        ResumeSummary summary = tester.resumeCheck("file", "csv-input", configuration).duplicateBound(4).verify();

        assertEquals(51, summary.records());
        assertEquals(52, summary.crashPoints());
    }

    @Test
    void aCheckpointOfAFileNoLongerListedIsRefusedNamingIt(ConnectorTester tester) throws IOException {
        write("a.csv", SplitFiles.rows("a", 5, "\n", true));
        Path b = write("b.csv", SplitFiles.rows("b", 5, "\n", true));
        Map<String, String> configuration = Map.of("configuration.path", dir.resolve("*.csv").toString(),
                "configuration.batchSize", "2");
        Input input = mapper(tester.manager(), configuration).create();
        List<CheckpointState> saved = new ArrayList<>();
        input.start(saved::add);
        for (int i = 0; i < 8; i++) {
            input.next();
        }
        input.stop();
        CheckpointState last = saved.get(saved.size() - 1);
        assertEquals(b.toString(), last.state().getString("file"), "the checkpoint says which file it is about");
        Files.move(b, dir.resolve("b.done"));

        Map<String, String> resumed = new HashMap<>(configuration);
        resumed.putAll(ComponentManager.jsonToMap(last.toJson()));
        Input again = mapper(tester.manager(), resumed).create();
        ComponentException error = assertThrows(ComponentException.class, () -> again.start(state -> { }));
        again.stop();
        assertEquals("file/csv-input", error.componentId());
        assertTrue(error.getMessage().contains("the checkpoint is about CSV file " + b + ", which configuration.path "
                + "and configuration.paths no longer name (they name [" + dir.resolve("a.csv") + "])"),
                error.getMessage());
    }

    @Test
    void aSinglePathCheckpointNamesNoFileAndResumesItsWholeFileSplit(ConnectorTester tester) throws IOException {
        Path csv = write("one.csv", SplitFiles.rows("x", 40, "\n", true));
        Map<String, String> configuration = Map.of("configuration.path", csv.toString(),
                "configuration.batchSize", "10");
        Input input = mapper(tester.manager(), configuration).create();
        List<CheckpointState> saved = new ArrayList<>();
        input.start(saved::add);
        for (int i = 0; i < 25; i++) {
            input.next();
        }
        input.stop();
        CheckpointState state = saved.get(1); // after row 20
        assertFalse(state.state().containsKey("file"), "as before splits: " + state.toJson());
        assertEquals(2, state.version());

        Mapper mapper = mapper(tester.manager(), configuration);
        List<Split> splits = mapper.split(1);
        assertEquals(1, splits.size(), "one plain file, not cut");
        List<Map<String, String>> rest = read(mapper.create(splits.get(0), state));
        assertEquals(20, rest.size());
        assertEquals("x-21", rest.get(0).get("id"));
    }

    // ---- byte ranges ----

    /** Rows: {@code id,v} (bytes 0-4), {@code 1,a} (5-8), {@code 22,bb} (9-14), {@code 333,ccc} (15-22), size 23. */
    private static final String SMALL = "id,v\n1,a\n22,bb\n333,ccc\n";

    @ParameterizedTest(name = "[{0}, {1}) header {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "0|5|true|",            // the header only: no data row
        "0|6|true|1",           // row 1 starts at 5
        "2|5|true|",            // inside the header: the next row start, 5, is past the end
        "5|9|true|1",           // exactly at a row start, to the next one
        "6|12|true|22",         // mid-row: goes on at the next row start, 9
        "8|16|true|22 333",     // at an LF: the row after it (9), and 15
        "9|15|true|22",         // at a row start whose byte before is the LF
        "10|14|true|",          // no row starts in it: nothing
        "15|23|true|333",       // the last row
        "0|5|false|id",         // without a header, the first row is data
        "1|23|false|1 22 333"}) // without a header, a range past byte 0 skips the first row
    void aRangeReadsTheRowsStartingInIt(long start, long end, boolean header, String ids,
            ConnectorTester tester) throws IOException {
        Path csv = write("small.csv", SMALL);
        List<String> expected = ids == null ? List.of() : List.of(ids.split(" "));
        assertEquals(expected, firstColumn(readRange(tester.manager(), csv, start, end, header)));
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource(delimiter = '|', value = {
        // id,v CR LF (0-5) | 1,a CR LF (6-10) | 22,bb CR LF (11-17) | 333,ccc (18-24, no line end), size 25
        "0|6|",
        "0|7|1",
        "9|11|",       // at the CR of row 1's CRLF: the row after the LF, 11, is past the end
        "10|12|22",    // at the LF of row 1's CRLF: the next row starts at 11
        "11|25|22 333",
        "12|25|333",   // the last row, which has no line end
        "19|25|"})
    void crlfLineEndsAndALastRowWithoutOne(long start, long end, String ids, ConnectorTester tester)
            throws IOException {
        Path csv = write("crlf.csv", "id,v\r\n1,a\r\n22,bb\r\n333,ccc");
        List<String> expected = ids == null ? List.of() : List.of(ids.split(" "));
        assertEquals(expected, firstColumn(readRange(tester.manager(), csv, start, end, true)));
    }

    @Test
    void blankLinesAndLoneCrLineEndsStartRowsAsTheReaderReadsThem(ConnectorTester tester) throws IOException {
        // id,v LF (0-4) | LF (5) | 1,a CR (6-9) | 2,b CR LF (10-14) | CR LF (15-16) | 3,c LF (17-20)
        Path csv = write("mixed.csv", "id,v\n\n1,a\r2,b\r\n\r\n3,c\n");
        assertEquals(List.of("1"), firstColumn(readRange(tester.manager(), csv, 0, 7, true)));
        assertEquals(List.of("2"), firstColumn(readRange(tester.manager(), csv, 7, 11, true)), "after a lone CR");
        assertEquals(List.of("3"), firstColumn(readRange(tester.manager(), csv, 11, 18, true)), "past blank lines");
        assertEquals(List.of(), firstColumn(readRange(tester.manager(), csv, 0, 6, true)), "a blank line, no row");
        assertEquals(List.of("3"), firstColumn(readRange(tester.manager(), csv, 15, 21, true)));
    }

    @ParameterizedTest(name = "header {0}, line end {1}, trailing line end {2}")
    @CsvSource({"true,LF,true", "true,CRLF,false", "false,LF,false", "false,CRLF,true"})
    void aLargeFileIsCutIntoRangesThatAreDisjointCoverItAndEachResume(boolean header, String lineEnd,
            boolean trailing, ConnectorTester tester) throws IOException {
        String content = SplitFiles.rows("r", 60, lineEnd.equals("LF") ? "\n" : "\r\n", header);
        Path csv = write("large.csv", trailing ? content : content.stripTrailing());
        Map<String, String> configuration = Map.of("configuration.path", csv.toString(),
                "configuration.rowsWithoutLineBreaks", "true", "configuration.header", String.valueOf(header),
                "configuration.batchSize", "3");

        SplitSummary splits = tester.splitCheck("file", "csv-input", configuration).desiredSize(50).verify();
        Map<String, ResumeSummary> resumed = tester.splitCheck("file", "csv-input", configuration).desiredSize(50)
                .verifyResumeOfEachSplit(split -> split.duplicateBound(3));

        long size = Files.size(csv);
        assertEquals((size + 49) / 50, splits.splitIds().size());
        assertEquals(60, splits.records());
        assertEquals(id("large.csv", csv) + ".0-50", splits.splitIds().get(0));
        assertEquals(id("large.csv", csv) + ".50-100", splits.splitIds().get(1));
        assertEquals(splits.recordsPerSplit().stream().filter(n -> n > 0).count(), resumed.size());
    }

    @Test
    void aRangeSplitResumesInItsRangeAndStopsAtItsEnd(ConnectorTester tester) throws IOException {
        Path csv = write("resume.csv", SplitFiles.rows("r", 50, "\n", true));
        Map<String, String> configuration = Map.of("configuration.path", csv.toString(),
                "configuration.rowsWithoutLineBreaks", "true", "configuration.batchSize", "2");
        Mapper mapper = mapper(tester.manager(), configuration);
        Split middle = mapper.split(200).get(1);
        List<Map<String, String>> all = read(mapper.create(middle, null));

        Input input = mapper.create(middle, null);
        List<CheckpointState> saved = new ArrayList<>();
        input.start(saved::add);
        for (int i = 0; i < 5; i++) {
            input.next();
        }
        input.stop();
        CheckpointState afterFour = saved.get(1);
        long offset = afterFour.state().getJsonNumber("offset").longValue();
        assertTrue(offset > 200 && offset < 400, "the file's offset, inside the range [200, 400): " + offset);
        assertEquals(5, afterFour.state().getJsonNumber("row").longValue(), "rows counted from the range's first");

        assertEquals(all.subList(4, all.size()), read(mapper.create(middle, afterFour)));
        assertTrue(all.size() > 4);
    }

    @Test
    void withoutTheOptionALargeFileIsOneSplit(ConnectorTester tester) throws IOException {
        Path csv = write("whole.csv", SplitFiles.rows("w", 50, "\n", true));
        List<Split> splits = mapper(tester.manager(), Map.of("configuration.path", csv.toString())).split(10);
        assertEquals(List.of(id("whole.csv", csv)), splits.stream().map(Split::id).toList());
    }

    @Test
    void aQuotedLineBreakWithRowsWithoutLineBreaksIsAnErrorNamingFileByteAndOption(ConnectorTester tester)
            throws IOException {
        Path csv = write("broken.csv", "id,v\n1,a\n2,\"two\nlines\"\n3,c\n");
        Map<String, String> configuration = Map.of("configuration.path", csv.toString(),
                "configuration.rowsWithoutLineBreaks", "true");
        String expected = "CSV file " + csv + " (configuration.path): the row starting at byte 9 (row 2) holds a "
                + "line break in quoted field 2, but configuration.rowsWithoutLineBreaks is true";

        ComponentException whole = assertThrows(ComponentException.class,
                () -> readAll(tester.manager(), configuration));
        assertTrue(whole.getMessage().contains(expected), whole.getMessage());
        assertTrue(whole.getMessage().contains("Set configuration.rowsWithoutLineBreaks to false"),
                whole.getMessage());

        ComponentException range = assertThrows(ComponentException.class,
                () -> readRange(tester.manager(), csv, 7, 12, true));
        assertEquals("file/csv-input", range.componentId());
        assertTrue(range.getMessage().contains("CSV file " + csv + " (configuration.path): the row starting at byte 9 "
                + "(row 1 counted from byte 7) holds a line break in quoted field 2"), range.getMessage());

        Map<String, String> off = Map.of("configuration.path", csv.toString());
        assertEquals(List.of("1", "2", "3"), firstColumn(readAll(tester.manager(), off)), "without it, read as ever");
    }

    // ---- split ids ----

    @Test
    void splitIdsAreValidUniqueAndDeterministicForFilesOfTheSameNameAndOddNames(ConnectorTester tester)
            throws IOException {
        Path x = Files.createDirectory(dir.resolve("x"));
        Path y = Files.createDirectory(dir.resolve("y"));
        Path one = Files.writeString(x.resolve("data.csv"), SplitFiles.rows("x", 5, "\n", true));
        Path two = Files.writeString(y.resolve("data.csv"), SplitFiles.rows("y", 5, "\n", true));
        Path odd = Files.writeString(dir.resolve("_plan"), SplitFiles.rows("p", 5, "\n", true));
        Path spaced = Files.writeString(dir.resolve("é t" + "a".repeat(120) + ".csv"),
                SplitFiles.rows("s", 5, "\n", true));
        Map<String, String> configuration = Map.of("configuration.path", one.toString(),
                "configuration.paths[0]", two.toString(), "configuration.paths[1]", odd.toString(),
                "configuration.paths[2]", spaced.toString(), "configuration.rowsWithoutLineBreaks", "true");

        List<String> ids = tester.splitCheck("file", "csv-input", configuration).desiredSize(40).verify().splitIds();

        assertEquals(ids.size(), new HashSet<>(ids).size(), "unique: " + ids);
        for (String id : ids) {
            assertNull(Split.idProblem(id), id);
            assertFalse(id.equals("_plan"));
        }
        assertTrue(ids.contains(id("data.csv", one) + ".0-40"), ids.toString());
        assertTrue(ids.contains(id("data.csv", two) + ".0-40"), ids.toString());
        assertTrue(ids.stream().anyMatch(id -> id.startsWith("_plan-")), ids.toString());
        assertTrue(ids.stream().anyMatch(id -> id.startsWith("__t" + "a".repeat(61) + "-")), ids.toString());
    }

    // ---- helpers ----

    /** The id of a whole-file split: the name, and 16 hex digits of the SHA-256 of the path. */
    static String id(String name, Path path) {
        return name + "-" + SplitFiles.sha256(path.toString()).substring(0, 16);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Mapper mapper(ComponentManager manager, Map<String, String> configuration) {
        return manager.findMapper("file", "csv-input", 1, configuration).orElseThrow();
    }

    static List<Map<String, String>> readRange(ComponentManager manager, Path csv, long start, long end,
            boolean header) {
        return readAll(manager, Map.of("configuration.path", csv.toString(), "configuration.header",
                String.valueOf(header), "configuration.rowsWithoutLineBreaks", "true",
                "configuration.rangeStart", String.valueOf(start), "configuration.rangeEnd", String.valueOf(end)));
    }

    static List<Map<String, String>> readAll(ComponentManager manager, Map<String, String> configuration) {
        return read(mapper(manager, configuration).create());
    }

    static List<Map<String, String>> read(Input input) {
        List<Map<String, String>> rows = new ArrayList<>();
        input.start(state -> { });
        try {
            for (Object record = input.next(); record != null; record = input.next()) {
                Map<String, String> fields = new java.util.LinkedHashMap<>();
                ((JsonObject) record).forEach((name, value) -> fields.put(name, ((JsonString) value).getString()));
                rows.add(fields);
            }
        } finally {
            input.stop();
        }
        return rows;
    }

    private static List<String> firstColumn(List<Map<String, String>> rows) {
        return rows.stream().map(row -> row.values().iterator().next()).toList();
    }
}
