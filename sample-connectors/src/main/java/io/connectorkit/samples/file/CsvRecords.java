package io.connectorkit.samples.file;

import io.connectorkit.api.record.ColumnNames;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the fields of a CSV row into its record: {@code header name → string value}, or {@code col1..colN} without a
 * header. The names are made once and shared by every record ({@link ColumnNames}), so a record holds its values only.
 * Used by one thread.
 */
final class CsvRecords {

    /** Looked up once: every lookup of a JSON-P provider searches the class path. */
    private final JsonProvider json = JsonProvider.provider();
    private final ColumnNames header; // null without one
    private final List<ColumnNames> generated = new ArrayList<>(); // col1..colN at index N, made once each
    private final List<JsonValue> values = new ArrayList<>();

    /** @param header the header's names (checked to differ), or {@code null} when the file has none */
    CsvRecords(List<String> header) {
        this.header = header == null ? null : ColumnNames.of(header);
    }

    /** The header's names, or {@code null} without a header. */
    List<String> header() {
        return header == null ? null : header.names();
    }

    /** The record of {@code fields}, as many as the header's names when there is a header. */
    JsonObject record(List<String> fields) {
        values.clear();
        for (String field : fields) {
            values.add(json.createValue(field));
        }
        return columns(fields.size()).row(values);
    }

    private ColumnNames columns(int count) {
        if (header != null) {
            return header;
        }
        while (generated.size() <= count) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= generated.size(); i++) {
                names.add("col" + i);
            }
            generated.add(ColumnNames.of(names));
        }
        return generated.get(count);
    }
}
