package io.connectorkit.samples.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import io.connectorkit.samples.file.CsvFiles.CsvFile;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** csv-input end to end, through {@link ComponentManager} only, with the index the processor generated. */
class CsvInputTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        manager.close();
    }

    // ---- reading ----

    @Test
    void readsQuotedFieldsEmbeddedDelimitersLineEndsAndDoubledQuotesWithLfAndCrlf() throws IOException {
        Path csv = write("a.csv", "id,text,more\r\n"
                + "1,plain,\"with, comma\"\n"
                + "2,\"say \"\"hi\"\"\",\"\"\r\n"
                + "3,\"two\nlines\",\"crlf\r\nkept\"\r\n"
                + "\n" // a blank line holds no row
                + "4,,\"\"\"\"\n"
                + "5,unquoted \"quote\" kept,last line without a line end", StandardCharsets.UTF_8);
        assertEquals(List.of(
                row("id", "1", "text", "plain", "more", "with, comma"),
                row("id", "2", "text", "say \"hi\"", "more", ""),
                row("id", "3", "text", "two\nlines", "more", "crlf\r\nkept"),
                row("id", "4", "text", "", "more", "\""),
                row("id", "5", "text", "unquoted \"quote\" kept", "more", "last line without a line end")),
                readAll(config(csv, 2)));
    }

    @Test
    void readsAnIso88591FileWithASemicolonDelimiter() throws IOException {
        String content = "name;city\nJosé;Zürich\n\"Ærø; Dänemark\";Besançon\n";
        Path csv = write("latin1.csv", content, StandardCharsets.ISO_8859_1);
        assertEquals(content.length(), Files.size(csv), "one byte per letter: really ISO-8859-1");
        Map<String, String> config = config(csv, 10);
        config.put("configuration.charset", "ISO-8859-1");
        config.put("configuration.delimiter", ";");
        assertEquals(List.of(row("name", "José", "city", "Zürich"), row("name", "Ærø; Dänemark", "city", "Besançon")),
                readAll(config));
    }

    @Test
    void withoutAHeaderFieldsAreNamedCol1ToColN() throws IOException {
        Path csv = write("plain.csv", "a,b\nc,d,e\n", StandardCharsets.UTF_8);
        Map<String, String> config = config(csv, 10);
        config.put("configuration.header", "false");
        assertEquals(List.of(row("col1", "a", "col2", "b"), row("col1", "c", "col2", "d", "col3", "e")),
                readAll(config));
    }

    @Test
    void anEmptyFileAHeaderOnlyFileAndABlankFileEmitNothing() throws IOException {
        assertEquals(List.of(), readAll(config(write("empty.csv", "", StandardCharsets.UTF_8), 10)));
        assertEquals(List.of(), readAll(config(write("header.csv", "id,name\r\n", StandardCharsets.UTF_8), 10)));
        assertEquals(List.of(), readAll(config(write("header2.csv", "id,name", StandardCharsets.UTF_8), 10)));
        assertEquals(List.of(), readAll(config(write("blank.csv", "\n\r\n\n", StandardCharsets.UTF_8), 10)));
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws IOException {
        Path csv = write("bom.csv", "\uFEFFid,name\n1,Ann\n", StandardCharsets.UTF_8);
        assertEquals(List.of(row("id", "1", "name", "Ann")), readAll(config(csv, 10)));
    }

    @ParameterizedTest(name = "delimiter {0}, {1}, header {2}")
    @CsvSource(delimiter = '|', value = {
        ",|UTF-8|true", ";|UTF-8|true", ";|ISO-8859-1|true", ",|ISO-8859-1|false", "TAB|windows-1252|true",
        ",|UTF-8|false"})
    void readsEveryRowOfAGeneratedFile(String delimiter, String charset, boolean header) throws IOException {
        char d = delimiter.equals("TAB") ? '\t' : delimiter.charAt(0);
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 2_000, header ? 7 : 8, d, Charset.forName(charset),
                header);
        Map<String, String> config = config(file.path(), 100);
        config.put("configuration.delimiter", String.valueOf(d));
        config.put("configuration.charset", charset);
        config.put("configuration.header", String.valueOf(header));
        assertEquals(file.rows(), readAll(config));
    }

    // ---- checkpoints and resume ----

    @Test
    void explicitModeOffersACheckpointEveryBatchSizeRowsAtTheOffsetOfTheNextRow() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 2_500, 3, ',', StandardCharsets.UTF_8, true);
        Input input = create(config(file.path(), 1_000));
        input.start();
        List<Long> rows = new ArrayList<>();
        int produced = 0;
        for (Object record = input.next(); record != null; record = input.next()) {
            produced++;
            if (input.isCheckpointReady()) {
                JsonObject state = input.getCheckpoint().state();
                long row = state.getJsonNumber("row").longValue();
                assertEquals(produced + 1, row, "covers exactly the rows produced");
                assertEquals(file.rowOffsets()[(int) row - 1], state.getJsonNumber("offset").longValue());
                assertEquals(Files.size(file.path()), state.getJsonNumber("fileSize").longValue());
                assertEquals(crc32OfHead(file.path()), state.getString("crc32"));
                assertFalse(state.containsKey("sha256"), "version 2 records no SHA-256");
                rows.add(row);
            }
        }
        input.stop();
        assertEquals(List.of(1_001L, 2_001L), rows);
    }

    @Test
    void callbackModeDeliversEachBatchAndAFinalCheckpointAtTheEndOfTheFile() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 25, 4, ',', StandardCharsets.UTF_8, true);
        Input input = create(config(file.path(), 10));
        List<Long> rows = new ArrayList<>();
        input.start(state -> rows.add(state.state().getJsonNumber("row").longValue()));
        while (input.next() != null) {
            // drain
        }
        input.stop();
        assertEquals(List.of(11L, 21L, 26L), rows);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void crashesWithoutStopAtRandomPointsAndResumesWithoutLosingARow(long seed) throws IOException {
        int total = 3_000;
        int batch = 100;
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), total, seed, ',', StandardCharsets.UTF_8, true);
        Random random = new Random(seed);
        List<Map<String, String>> output = new ArrayList<>();
        CheckpointState saved = null;
        for (int run = 0; ; run++) {
            Map<String, String> config = config(file.path(), batch);
            if (saved != null) {
                config.putAll(ComponentManager.jsonToMap(saved.toJson()));
            }
            long coveredBefore = saved == null ? 0 : saved.state().getJsonNumber("row").longValue() - 1;
            int crashAfter = run < 4 ? random.nextInt(1, total / 3) : Integer.MAX_VALUE;
            CheckpointState[] last = {saved};
            Input input = create(config);
            input.start(state -> last[0] = state);
            int readHere = 0;
            boolean ended = false;
            while (!ended && readHere < crashAfter) {
                Object record = input.next();
                ended = record == null;
                if (!ended) {
                    output.add(fields((JsonObject) record));
                    readHere++;
                }
            }
            saved = last[0];
            if (ended) {
                input.stop();
                break;
            }
            // The process dies here: no stop(). Only what the callback received survives.
            long coveredNow = saved == null ? 0 : saved.state().getJsonNumber("row").longValue() - 1;
            long repeated = coveredBefore + readHere - coveredNow;
            assertTrue(repeated >= 0 && repeated <= batch, "run " + run + " repeats " + repeated + " rows");
        }
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        for (Map<String, String> row : output) {
            Map<String, String> before = byId.putIfAbsent(row.get("id"), row);
            assertTrue(before == null || before.equals(row), "a repeated row is the same row");
        }
        assertEquals(file.rows(), List.copyOf(byId.values()), "every row, in order, none missing");
        assertTrue(output.size() - total <= 4 * batch, (output.size() - total) + " duplicates");
    }

    @Test
    void aStateRoundTripsThroughJsonToAnEqualState() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 100, 5, ',', StandardCharsets.UTF_8, true);
        Input input = create(config(file.path(), 7));
        input.start();
        for (int i = 0; i < 30; i++) {
            input.next();
        }
        CheckpointState state = input.getCheckpoint();
        input.stop();

        Map<String, String> resumed = config(file.path(), 7);
        resumed.putAll(ComponentManager.jsonToMap(state.toJson()));
        Input again = create(resumed);
        again.start();
        assertEquals(state, again.getCheckpoint());
        assertEquals(31, state.state().getJsonNumber("row").longValue());
        assertEquals(2, state.version());
        assertEquals(file.rows().get(30), fields((JsonObject) again.next()), "and it goes on at row 31");
        again.stop();
    }

    @Test
    void resumeSeeksToTheOffsetWithoutReadingTheRowsBefore() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 400, 6, ',', StandardCharsets.UTF_8, true);
        Input input = create(config(file.path(), 1_000));
        input.start();
        for (int i = 0; i < 350; i++) {
            input.next();
        }
        CheckpointState state = input.getCheckpoint();
        input.stop();
        // Break row 200 (past the fingerprinted first 4096 bytes, before the offset), keeping the file's size:
        // a reader that went through the rows before the offset would fail on it.
        int broken = 200;
        assertTrue(file.rowOffsets()[broken - 1] > 4096);
        try (RandomAccessFile raf = new RandomAccessFile(file.path().toFile(), "rw")) {
            raf.seek(file.rowOffsets()[broken - 1]);
            raf.write('"');
        }
        ComponentException fresh = assertThrows(ComponentException.class, () -> readAll(config(file.path(), 1_000)));
        assertTrue(fresh.getMessage().contains("row " + broken), fresh.getMessage());

        Map<String, String> resumed = config(file.path(), 1_000);
        resumed.putAll(ComponentManager.jsonToMap(state.toJson()));
        assertEquals(file.rows().subList(350, 400), readAll(resumed));
    }

    // ---- a file that changed since the checkpoint ----

    @Test
    void aFileShorterThanTheCheckpointOffsetIsRefused() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 100, 9, ',', StandardCharsets.UTF_8, true);
        CheckpointState saved = checkpointAfter(file.path(), 35, 10);
        long offset = saved.state().getJsonNumber("offset").longValue();
        long size = Files.size(file.path());
        try (RandomAccessFile raf = new RandomAccessFile(file.path().toFile(), "rw")) {
            raf.setLength(offset - 5);
        }
        String message = resumeFailure(file.path(), saved);
        assertTrue(message.contains("CSV file " + file.path() + " changed since the checkpoint was taken"), message);
        assertTrue(message.contains("the checkpoint recorded " + size + " bytes"), message);
        assertTrue(message.contains("the next row (31) at byte " + offset), message);
        assertTrue(message.contains("the file now has " + (offset - 5) + " bytes, fewer than that offset"), message);
    }

    @Test
    void aFileThatGrewIsRefused() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 100, 10, ',', StandardCharsets.UTF_8, true);
        CheckpointState saved = checkpointAfter(file.path(), 35, 10);
        long size = Files.size(file.path());
        Files.writeString(file.path(), "101,Ann,appended,1.0\n", StandardOpenOption.APPEND);
        String message = resumeFailure(file.path(), saved);
        assertTrue(message.contains(file.path().toString()), message);
        assertTrue(message.contains("the checkpoint recorded " + size + " bytes"), message);
        assertTrue(message.contains("the file now has " + (size + 21) + " bytes."), message);
    }

    @Test
    void aFileWhoseFirstBytesChangedIsRefused() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 100, 11, ',', StandardCharsets.UTF_8, true);
        CheckpointState saved = checkpointAfter(file.path(), 35, 10);
        String recorded = saved.state().getString("crc32");
        try (RandomAccessFile raf = new RandomAccessFile(file.path().toFile(), "rw")) {
            raf.seek(0);
            raf.write('I'); // "id" becomes "Id": same size, another file
        }
        String message = resumeFailure(file.path(), saved);
        assertTrue(message.contains(file.path().toString()), message);
        assertTrue(message.contains("with CRC-32 " + recorded + " of the first ones"), message);
        assertTrue(message.contains("its first " + Math.min(4096, Files.size(file.path()))
                + " bytes now have CRC-32 " + crc32OfHead(file.path()) + "."), message);
    }

    @Test
    void aChangeOfOneByteAnywhereInTheFirst4096BytesIsRefused() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 300, 12, ',', StandardCharsets.UTF_8, true);
        assertTrue(Files.size(file.path()) > 4096);
        CheckpointState saved = checkpointAfter(file.path(), 250, 10);
        Random random = new Random(12);
        for (int i = 0; i < 20; i++) {
            int at = random.nextInt(4096);
            byte[] original = Files.readAllBytes(file.path());
            byte[] changed = original.clone();
            changed[at] ^= (byte) (1 << random.nextInt(8)); // one bit: the smallest edit there is
            Files.write(file.path(), changed);
            String message = resumeFailure(file.path(), saved);
            assertTrue(message.contains("bytes now have CRC-32 "), "byte " + at + ": " + message);
            Files.write(file.path(), original);
        }
        Map<String, String> resumed = config(file.path(), 10);
        resumed.putAll(ComponentManager.jsonToMap(saved.toJson()));
        assertEquals(file.rows().subList(240, 300), readAll(resumed), "restored, the file resumes again");
    }

    // ---- checkpoints of version 1 (SHA-256 fingerprint) ----

    @Test
    void aVersion1CheckpointResumesAtItsOffsetAndLaterCheckpointsCarryTheCrc32() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 400, 13, ',', StandardCharsets.UTF_8, true);
        CheckpointState current = checkpointAfter(file.path(), 255, 50); // covers 250 rows
        Map<String, String> resumed = config(file.path(), 50);
        resumed.putAll(version1(current.state(), sha256OfHead(file.path())));

        Input input = create(resumed);
        List<CheckpointState> delivered = new ArrayList<>();
        input.start(delivered::add);
        JsonObject migrated = input.getCheckpoint().state();
        assertEquals(current.state().getJsonNumber("offset"), migrated.getJsonNumber("offset"));
        assertEquals(sha256OfHead(file.path()), migrated.getString("sha256"), "the version 1 fingerprint is kept");
        assertEquals(crc32OfHead(file.path()), migrated.getString("crc32"), "and the CRC-32 added once it matched");
        List<Map<String, String>> rows = new ArrayList<>();
        for (Object record = input.next(); record != null; record = input.next()) {
            rows.add(fields((JsonObject) record));
        }
        input.stop();
        assertEquals(file.rows().subList(250, 400), rows, "every row after the checkpoint, none before");
        assertEquals(2, delivered.get(0).version());
        assertEquals(crc32OfHead(file.path()), delivered.get(0).state().getString("crc32"));

        // A checkpoint written after that resume goes on with the CRC-32.
        Map<String, String> again = config(file.path(), 50);
        again.putAll(ComponentManager.jsonToMap(delivered.get(0).toJson()));
        assertEquals(file.rows().subList(300, 400), readAll(again));
    }

    @Test
    void aVersion1CheckpointOfAFileWhoseFirstBytesChangedIsRefused() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 100, 14, ',', StandardCharsets.UTF_8, true);
        CheckpointState current = checkpointAfter(file.path(), 35, 10);
        String recorded = sha256OfHead(file.path());
        try (RandomAccessFile raf = new RandomAccessFile(file.path().toFile(), "rw")) {
            raf.seek(0);
            raf.write('I'); // same size, another file
        }
        Map<String, String> resumed = config(file.path(), 10);
        resumed.putAll(version1(current.state(), recorded));
        Input input = create(resumed);
        ComponentException error = assertThrows(ComponentException.class, () -> input.start(state -> { }));
        input.stop();
        String message = error.getMessage();
        assertTrue(message.contains("CSV file " + file.path() + " changed since the checkpoint was taken"), message);
        assertTrue(message.contains("with SHA-256 " + recorded + " of the first ones"), message);
        assertTrue(message.contains("bytes now have SHA-256 " + sha256OfHead(file.path()) + "."), message);
    }

    @Test
    void aVersion1CheckpointOfAFileOfAnotherSizeIsRefused() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 100, 15, ',', StandardCharsets.UTF_8, true);
        CheckpointState current = checkpointAfter(file.path(), 35, 10);
        Map<String, String> resumed = config(file.path(), 10);
        resumed.putAll(version1(current.state(), sha256OfHead(file.path())));
        long size = Files.size(file.path());
        Files.writeString(file.path(), "101,Ann,appended,1.0\n", StandardOpenOption.APPEND);
        Input input = create(resumed);
        ComponentException error = assertThrows(ComponentException.class, () -> input.start(state -> { }));
        input.stop();
        assertTrue(error.getMessage().contains("the checkpoint recorded " + size + " bytes"), error.getMessage());
        assertTrue(error.getMessage().contains("the file now has " + (size + 21) + " bytes."), error.getMessage());
    }

    // ---- errors ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // the broken row ({LF} is a line end), where the error says the problem is, what it says
        "24,\"unclosed,x|row 24, column 4|the quoted field opened here is never closed",
        "24,\"closed\"x,y|row 24, column 12|unexpected 'x' after the closing quote",
        // columns count characters, not bytes: 'ü' and '€' are one column each
        "24,\"Zürich € ok\"€,y|row 24, column 17|unexpected non-ASCII character after the closing quote",
        "24,\"two{LF}lines\" ,y|row 24 (line 2 of the row), column 7|unexpected ' ' after the closing quote"})
    void aMalformedRowNamesFileRowAndColumnAndTheLastGoodBatchStaysTheSavedCheckpoint(String broken, String where,
            String problem) throws IOException {
        StringBuilder content = new StringBuilder("id,a,b\n");
        for (int r = 1; r <= 23; r++) {
            content.append(r).append(",x,y\n");
        }
        content.append(broken.replace("{LF}", "\n")).append('\n').append("25,x,y\n");
        Path csv = write("bad.csv", content.toString(), StandardCharsets.UTF_8);
        Input input = create(config(csv, 10));
        List<CheckpointState> received = new ArrayList<>();
        input.start(received::add);
        int rows = 0;
        ComponentException error = null;
        try {
            while (input.next() != null) {
                rows++;
            }
        } catch (ComponentException e) {
            error = e;
        }
        input.stop();
        assertNotNull(error, "the malformed row fails");
        assertEquals(23, rows);
        assertTrue(error.getMessage().contains("malformed CSV in " + csv + ", " + where + ": " + problem), error.getMessage());
        assertEquals(List.of(11L, 21L), received.stream().map(s -> s.state().getJsonNumber("row").longValue())
                .toList(), "no checkpoint past the last good batch, and none at stop() after the failure");
    }

    @Test
    void aFieldLongerThan16MiBIsAnErrorAtTheByteOverTheLimit() throws IOException {
        byte[] content = new byte[4 + CsvRowReader.MAX_FIELD_BYTES + 2];
        java.util.Arrays.fill(content, (byte) 'x');
        System.arraycopy("a\n\"".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 3); // then a quote never closed
        Path csv = Files.write(dir.resolve("huge.csv"), content);
        ComponentException error = assertThrows(ComponentException.class, () -> readAll(config(csv, 10)));
        assertTrue(error.getMessage().contains("malformed CSV in " + csv + ", row 1, column 16777218: a field is "
                + "longer than 16777216 bytes, most likely a quote that is never closed"), error.getMessage());
    }

    @Test
    void aRowWithMoreOrFewerFieldsThanTheHeaderIsAnError() throws IOException {
        Path csv = write("count.csv", "a,b\n1,2\n3,4,5\n", StandardCharsets.UTF_8);
        ComponentException error = assertThrows(ComponentException.class, () -> readAll(config(csv, 10)));
        assertTrue(error.getMessage().contains("malformed CSV in " + csv + ", row 2: it has 3 fields, the header "
                + "has 2 [a, b]"), error.getMessage());
    }

    @Test
    void aMissingFileIsAnErrorNamingThePath() {
        Path missing = dir.resolve("no-such.csv");
        ComponentException error = assertThrows(ComponentException.class, () -> readAll(config(missing, 10)));
        assertEquals("file/csv-input", error.componentId());
        assertTrue(error.getMessage().contains("CSV file " + missing + " (configuration.path) does not exist"),
                error.getMessage());
    }

    @Test
    void aDirectoryIsAnErrorNamingThePath() {
        ComponentException error = assertThrows(ComponentException.class, () -> readAll(config(dir, 10)));
        assertTrue(error.getMessage().contains("CSV file " + dir + " (configuration.path) is a directory"),
                error.getMessage());
    }

    @Test
    void aCheckpointGivenWithADirectoryIsAnErrorNamingThePath() throws IOException {
        CsvFile file = CsvFiles.generate(dir.resolve("gen.csv"), 100, 16, ',', StandardCharsets.UTF_8, true);
        CheckpointState saved = checkpointAfter(file.path(), 35, 10);
        Path folder = Files.createDirectory(dir.resolve("folder"));
        String message = resumeFailure(folder, saved);
        assertTrue(message.contains("CSV file " + folder + " (configuration.path) is a directory"), message);

        // Even when the checkpoint's size is the directory's (a stat tells it, not the size).
        Map<String, String> resumed = config(folder, 10);
        resumed.putAll(ComponentManager.jsonToMap(saved.toJson()));
        resumed.put("$checkpoint.fileSize", Long.toString(Files.size(folder)));
        resumed.put("$checkpoint.offset", "10");
        Input input = create(resumed);
        ComponentException error = assertThrows(ComponentException.class, () -> input.start(state -> { }));
        input.stop();
        assertTrue(error.getMessage().contains("CSV file " + folder + " (configuration.path) is a directory"),
                error.getMessage());
    }

    @Test
    void aCharsetThatIsNotAsciiCompatibleIsRefusedByName() throws IOException {
        Map<String, String> config = config(write("a.csv", "a\n", StandardCharsets.UTF_8), 10);
        config.put("configuration.charset", "UTF-16");
        config.put("configuration.batchSize", "0");
        config.remove("configuration.path");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> manager.findMapper("file", "csv-input", 1, config));
        assertEquals(List.of("configuration.batchSize", "configuration.charset", "configuration.path"),
                error.problems().stream().map(p -> p.key()).toList());
        assertTrue(error.getMessage().contains("configuration.charset: expected a value its setter accepts "
                + "(IllegalArgumentException: charset 'UTF-16' is not ASCII-compatible"), error.getMessage());
        assertTrue(error.getMessage().contains("received 'UTF-16'"), error.getMessage());
    }

    @Test
    void asciiCompatibleCharsetsAreTheOnesAccepted() {
        for (String accepted : List.of("UTF-8", "ISO-8859-1", "windows-1252", "US-ASCII", "ISO-8859-15")) {
            assertTrue(CsvInputConfig.isAsciiCompatible(Charset.forName(accepted)), accepted);
        }
        for (String refused : List.of("UTF-16", "UTF-16LE", "UTF-32", "IBM037", "Shift_JIS")) {
            assertEquals(false, CsvInputConfig.isAsciiCompatible(Charset.forName(refused)), refused);
        }
    }

    // ---- helpers ----

    /**
     * {@code state} as version 1 wrote it: the same offset, row and size, the SHA-256 of the head as
     * {@code fingerprint}, no CRC-32, {@code __version} 1.
     */
    private static Map<String, String> version1(JsonObject state, String sha256) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("$checkpoint.offset", state.getJsonNumber("offset").toString());
        keys.put("$checkpoint.row", state.getJsonNumber("row").toString());
        keys.put("$checkpoint.fileSize", state.getJsonNumber("fileSize").toString());
        keys.put("$checkpoint.fingerprint", sha256);
        keys.put("$checkpoint.__version", "1");
        return keys;
    }

    /** The file's first 4096 bytes, or all of them. */
    private static byte[] head(Path csv) throws IOException {
        byte[] all = Files.readAllBytes(csv);
        return Arrays.copyOf(all, Math.min(all.length, 4096));
    }

    private static String crc32OfHead(Path csv) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(head(csv));
        return String.format("%08x", crc.getValue());
    }

    private static String sha256OfHead(Path csv) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(head(csv)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private CheckpointState checkpointAfter(Path csv, int rows, int batch) {
        Input input = create(config(csv, batch));
        CheckpointState[] last = new CheckpointState[1];
        input.start(state -> last[0] = state);
        for (int i = 0; i < rows; i++) {
            input.next();
        }
        // no stop(): the saved checkpoint is the last batch the callback received
        assertNotNull(last[0]);
        return last[0];
    }

    private String resumeFailure(Path csv, CheckpointState saved) {
        Map<String, String> resumed = config(csv, 10);
        resumed.putAll(ComponentManager.jsonToMap(saved.toJson()));
        Input input = create(resumed);
        ComponentException error = assertThrows(ComponentException.class, () -> input.start(state -> { }));
        input.stop();
        assertEquals("file/csv-input", error.componentId());
        return error.getMessage();
    }

    private Input create(Map<String, String> config) {
        return manager.findMapper("file", "csv-input", 1, config).orElseThrow().create();
    }

    private List<Map<String, String>> readAll(Map<String, String> config) {
        Input input = create(config);
        List<Map<String, String>> rows = new ArrayList<>();
        input.start(state -> { });
        try {
            for (Object record = input.next(); record != null; record = input.next()) {
                rows.add(fields((JsonObject) record));
            }
        } finally {
            input.stop();
        }
        return rows;
    }

    private static Map<String, String> fields(JsonObject record) {
        Map<String, String> fields = new LinkedHashMap<>();
        record.forEach((name, value) -> fields.put(name, ((JsonString) value).getString()));
        return fields;
    }

    private static Map<String, String> row(String... namesAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(charset));
    }

    private static Map<String, String> config(Path csv, int batchSize) {
        Map<String, String> config = new HashMap<>();
        config.put("configuration.path", csv.toString());
        config.put("configuration.batchSize", String.valueOf(batchSize));
        return config;
    }
}
