package io.connectorkit.benchmarks.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * FastCSV ({@code de.siegmar:fastcsv}, defaults: comma, double quote, UTF-8, empty lines skipped) on the same file:
 * parsing alone, building the same {@link JsonObject} per row as csv-input (header name to string value, with the
 * same {@link JsonBuilderFactory}), and a seek to a byte offset followed by the first row.
 */
final class FastCsvReads {

    private FastCsvReads() {
    }

    /** Every record parsed, nothing built. @return {rows, fields} */
    static long[] parseOnly(Path file) {
        long rows = 0;
        long fields = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord record : reader) {
                rows++;
                fields += record.getFieldCount();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {rows - 1, fields}; // the header is a record too
    }

    /** A {@link JsonObject} per data row, handed to {@code sink}. @return the rows */
    static long toJson(Path file, JsonBuilderFactory factory, RowSink sink) {
        long rows = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file);
             CloseableIterator<CsvRecord> records = reader.iterator()) {
            String[] names = records.hasNext() ? records.next().getFields().toArray(String[]::new) : new String[0];
            while (records.hasNext()) {
                sink.accept(json(records.next(), names, factory));
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Opens the file, seeks to {@code offset}, parses one row and builds its object: the least any resume by byte
     * offset does. {@code names} are known beforehand (not read from the file).
     */
    static JsonObject seekFirstRow(Path file, long offset, String[] names, JsonBuilderFactory factory) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            try (CsvReader<CsvRecord> reader = CsvReader.builder()
                    .ofCsvRecord(Channels.newInputStream(channel), StandardCharsets.UTF_8);
                 CloseableIterator<CsvRecord> records = reader.iterator()) {
                return records.hasNext() ? json(records.next(), names, factory) : null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject json(CsvRecord record, String[] names, JsonBuilderFactory factory) {
        JsonObjectBuilder json = factory.createObjectBuilder();
        for (int i = 0; i < record.getFieldCount(); i++) {
            json.add(names[i], record.getField(i));
        }
        return json.build();
    }
}
