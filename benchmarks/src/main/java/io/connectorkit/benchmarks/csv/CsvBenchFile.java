package io.connectorkit.benchmarks.csv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The CSV file of the side-by-side comparison: a header and {@code rows} rows of six fields, about 55 bytes a row
 * (2,000,000 rows are 109,669,107 bytes). Mostly short unquoted fields, one quoted field holding the delimiter in
 * every row, and a few non-ASCII letters, LF line ends. Written once to a temp name, renamed when complete, and
 * reused.
 */
final class CsvBenchFile {

    static final List<String> HEADER = List.of("id", "name", "city", "note", "amount", "date");
    private static final List<String> CITIES = List.of("Berlin", "Zürich", "Paris", "São Paulo", "Oslo", "New York",
            "Kraków");

    private CsvBenchFile() {
    }

    /** The file with {@code rows} data rows in {@code dir}, generated unless it is there already. */
    static Path of(Path dir, int rows) throws IOException {
        Path file = dir.resolve("csv-side-by-side-" + rows + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "csv-side-by-side-", ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
            out.write((String.join(",", HEADER) + "\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder(96);
            for (int r = 1; r <= rows; r++) {
                line.setLength(0);
                line.append(r).append(",name-").append(r % 1000).append(',').append(CITIES.get(r % CITIES.size()))
                        .append(",\"note, ").append(r % 97).append("\",").append(r % 100_000).append('.')
                        .append(10 + r % 90).append(",2024-").append(10 + r % 3).append('-').append(10 + r % 19)
                        .append('\n');
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
