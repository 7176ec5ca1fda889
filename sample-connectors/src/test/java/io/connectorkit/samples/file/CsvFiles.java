package io.connectorkit.samples.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Writes CSV test files the RFC 4180 way and remembers what each row holds and where it starts. */
final class CsvFiles {

    /** Field values that need quoting, doubled quotes, line ends inside quotes, or non-ASCII letters. */
    private static final List<String> NOTES = List.of("", "plain", "with, comma", "with; semicolon", "say \"hi\"",
            "two\nlines", "crlf\r\ninside", "  spaces  ", "\"", "\"\"", "tab\tinside", "Zürich", "Ærøskøbing",
            "naïve café", "€100", "日本語", "ends with quote\"");
    private static final List<String> NAMES = List.of("Ann", "José", "Björk", "O'Brien", "Zoë", "Lee");
    private static final List<String> HEADER = List.of("id", "name", "note", "amount");

    /**
     * A generated file.
     *
     * @param rows each data row, by field name ({@code col1..} without a header)
     * @param rowOffsets the byte offset where each data row starts
     */
    record CsvFile(Path path, List<Map<String, String>> rows, long[] rowOffsets) {
    }

    private CsvFiles() {
    }

    /**
     * {@code rows} rows of {@code id} (1, 2, ...), a name, a note and an amount; line ends LF or CRLF at random; the
     * last line has no line end when the seed is odd. Only values the charset can encode are used.
     */
    static CsvFile generate(Path path, int rows, long seed, char delimiter, Charset charset, boolean header)
            throws IOException {
        Random random = new Random(seed);
        List<String> notes = NOTES.stream().filter(n -> charset.newEncoder().canEncode(n)).toList();
        List<String> names = NAMES.stream().filter(n -> charset.newEncoder().canEncode(n)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (header) {
            out.writeBytes((line(HEADER, delimiter, random) + "\n").getBytes(charset));
        }
        List<Map<String, String>> expected = new ArrayList<>();
        long[] offsets = new long[rows];
        for (int r = 1; r <= rows; r++) {
            List<String> values = List.of(String.valueOf(r), names.get(random.nextInt(names.size())),
                    notes.get(random.nextInt(notes.size())), random.nextInt(100_000) / 100.0 + "");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.put(header ? HEADER.get(i) : "col" + (i + 1), values.get(i));
            }
            expected.add(row);
            offsets[r - 1] = out.size();
            boolean last = r == rows;
            String end = last && seed % 2 == 1 ? "" : random.nextBoolean() ? "\r\n" : "\n";
            out.writeBytes((line(values, delimiter, random) + end).getBytes(charset));
        }
        Files.write(path, out.toByteArray());
        return new CsvFile(path, expected, offsets);
    }

    /** One CSV line: fields quoted when they must be, and sometimes when they need not. */
    static String line(List<String> values, char delimiter, Random random) {
        StringBuilder line = new StringBuilder();
        for (String value : values) {
            if (line.length() > 0) {
                line.append(delimiter);
            }
            boolean quote = value.indexOf(delimiter) >= 0 || value.contains("\"") || value.contains("\n")
                    || value.contains("\r") || random.nextInt(5) == 0;
            line.append(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return line.toString();
    }
}
