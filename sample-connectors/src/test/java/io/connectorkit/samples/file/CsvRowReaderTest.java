package io.connectorkit.samples.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CsvRowReader} against {@link ReferenceCsvRowReader}, the reader it replaced, on generated files, valid and
 * broken: the same rows, the same offset after each row, the same error message (file, row, line, column, problem),
 * from the start and after a seek. Tiny buffers and field limits reach every refill, the buffer's growth and the
 * field limit in a few bytes.
 */
class CsvRowReaderTest {

    /** Pieces files are made of: every byte the parser treats apart, several at once, and non-ASCII letters. */
    private static final List<String> PIECES = List.of("a", "bc", "def", ",", ",", ";", "\"", "\"", "\"\"", "'",
            "\r", "\n", "\n", "\r\n", " ", "ü", "€x", "日本", "\t");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void readsTheSameRowsOffsetsAndErrorsAsTheReferenceReader(long seed) throws IOException {
        Random random = new Random(seed);
        Path file = dir.resolve("random.csv");
        for (int i = 0; i < 2_000; i++) {
            Charset charset = random.nextInt(4) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            byte delimiter = (byte) (random.nextInt(4) == 0 ? ';' : ',');
            byte quote = (byte) (random.nextInt(6) == 0 ? '\'' : '"');
            byte[] content = content(random, charset);
            Files.write(file, content);
            long limit = random.nextInt(8) == 0 ? random.nextInt(content.length + 1) : content.length;
            int bufferBytes = List.of(1, 2, 3, 5, 8, 64 * 1024).get(random.nextInt(6));
            int maxFieldBytes = List.of(1, 2, 3, 7, CsvRowReader.MAX_FIELD_BYTES).get(random.nextInt(5));
            String what = "case " + i + ": " + charset + ", delimiter " + (char) delimiter + ", quote " + (char) quote
                    + ", buffer " + bufferBytes + ", field limit " + maxFieldBytes + ", limit " + limit + ", bytes "
                    + new String(content, charset).replace("\r", "{CR}").replace("\n", "{LF}");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ReferenceCsvRowReader reference = new ReferenceCsvRowReader(channel, file, charset, delimiter, quote,
                        limit, maxFieldBytes);
                CsvRowReader reader = new CsvRowReader(channel, file, charset, delimiter, quote, limit, bufferBytes,
                        maxFieldBytes);
                List<String> expected = readAll(reference::skipByteOrderMark, reference::readRow,
                        reference::position);
                assertEquals(expected, readAll(reader::skipByteOrderMark, reader::readRow, reader::position), what);

                // A resume: both seek to where a row starts and read on.
                List<Long> offsets = expected.stream().filter(line -> line.startsWith("row "))
                        .map(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).toList();
                if (!offsets.isEmpty()) {
                    long offset = offsets.get(random.nextInt(offsets.size()));
                    reference.seek(offset);
                    reader.seek(offset);
                    assertEquals(readAll(() -> { }, reference::readRow, reference::position),
                            readAll(() -> { }, reader::readRow, reader::position), what + ", from " + offset);
                }
            }
        }
    }

    @Test
    void aFieldAsLongAsTheLimitIsReadAndOneByteMoreIsAnErrorAtThatByte() throws IOException {
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "abcd,\"wxyz\"\nabcde\n");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            CsvRowReader reader = new CsvRowReader(channel, file, StandardCharsets.UTF_8, (byte) ',', (byte) '"',
                    Files.size(file), 2, 4);
            assertEquals(List.of("abcd", "wxyz"), reader.readRow(1));
            IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> reader.readRow(2));
            assertEquals("malformed CSV in " + file + ", row 2, column 5: a field is longer than 4 bytes, most likely "
                    + "a quote that is never closed", error.getMessage());
        }
    }

    @Test
    void aFieldLongerThanTheBufferGrowsItAndKeepsItsBytes() throws IOException {
        Path file = dir.resolve("grow.csv");
        String longField = "x".repeat(200_000);
        Files.writeString(file, "id,text\n1," + longField + "\n2,\"" + longField + "\"\"q\"\n");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            CsvRowReader reader = new CsvRowReader(channel, file, StandardCharsets.UTF_8, (byte) ',', (byte) '"',
                    Files.size(file));
            assertEquals(List.of("id", "text"), reader.readRow(0));
            assertEquals(List.of("1", longField), reader.readRow(1));
            assertEquals(List.of("2", longField + "\"q"), reader.readRow(2));
            assertEquals(null, reader.readRow(3));
            assertEquals(Files.size(file), reader.position());
        }
    }

    private interface Bom {
        void skip() throws IOException;
    }

    private interface Rows {
        List<String> read(long row) throws IOException;
    }

    private interface Position {
        long get();
    }

    /** Every row as "row N [fields] offset", then "end" or "error: message". */
    private static List<String> readAll(Bom bom, Rows rows, Position position) {
        List<String> lines = new ArrayList<>();
        try {
            bom.skip();
            for (long row = 0; ; row++) {
                List<String> fields = rows.read(row);
                if (fields == null) {
                    lines.add("end at " + position.get());
                    return lines;
                }
                lines.add("row " + row + " " + fields + " " + position.get());
            }
        } catch (IllegalStateException | IOException e) {
            lines.add("error: " + e.getMessage());
            return lines;
        }
    }

    /** 0 to 40 random pieces, sometimes after a byte order mark. */
    private static byte[] content(Random random, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(10) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        int pieces = random.nextInt(41);
        for (int i = 0; i < pieces; i++) {
            String piece = PIECES.get(random.nextInt(PIECES.size()));
            out.writeBytes(piece.getBytes(charset));
        }
        return out.toByteArray();
    }
}
