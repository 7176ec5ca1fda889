package io.connectorkit.runner;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * The partitioned job contract on {@code file/csv-input} over one file cut into byte ranges
 * ({@code rowsWithoutLineBreaks}, {@code --split-size 8192}): ranges start mid-row, and each row is read by the one
 * range it starts in.
 */
class CsvRangesPartitionedJobTest extends PartitionedJobContract {

    private static final int ROWS = 3000;

    @BeforeEach
    void writeFile() throws IOException {
        StringBuilder text = new StringBuilder("id,name,note\n");
        for (int id = 0; id < ROWS; id++) {
            text.append(id).append(",\"name, ").append(id).append("\",").append("x".repeat(id % 17)).append('\n');
        }
        Files.writeString(dir.resolve("big.csv"), text);
    }

    @Override
    String component() {
        return "file/csv-input";
    }

    @Override
    String configuration() {
        return "{\"configuration\": {\"path\": \"" + dir.resolve("big.csv") + "\", \"rowsWithoutLineBreaks\": true}}";
    }

    @Override
    String changedConfiguration() {
        return "{\"configuration\": {\"path\": \"" + dir.resolve("big.csv") + "\", \"rowsWithoutLineBreaks\": false}}";
    }

    @Override
    String changedKey() {
        return "configuration.rowsWithoutLineBreaks";
    }

    @Override
    List<String> runArguments() {
        return List.of("--split-size", "8192");
    }

    @Override
    List<String> reference() {
        List<String> ids = new ArrayList<>();
        for (int id = 0; id < ROWS; id++) {
            ids.add(String.valueOf(id));
        }
        return ids;
    }

    @Override
    String identity(JsonObject record) {
        return record.getString("id");
    }
}
