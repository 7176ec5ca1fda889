package io.connectorkit.runner;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * The partitioned job contract on {@code file/csv-input} over a glob of four files, a split each. After the crash a
 * fifth file matching the glob appears: a job that split again would read it, the saved plan does not.
 */
class CsvFilesPartitionedJobTest extends PartitionedJobContract {

    private static final int FILES = 4;
    private static final int ROWS = 500;

    @BeforeEach
    void writeFiles() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        for (int file = 0; file < FILES; file++) {
            write(dir.resolve("in").resolve("part-" + file + ".csv"), file * ROWS);
        }
    }

    @Override
    String component() {
        return "file/csv-input";
    }

    @Override
    String configuration() {
        return "{\"configuration\": {\"path\": \"" + dir.resolve("in").resolve("part-*.csv") + "\"}}";
    }

    @Override
    String changedConfiguration() {
        return "{\"configuration\": {\"path\": \"" + dir.resolve("in").resolve("part-*.csv") + "\", \"delimiter\": "
                + "\";\"}}";
    }

    @Override
    String changedKey() {
        return "configuration.delimiter";
    }

    @Override
    List<String> reference() {
        List<String> ids = new ArrayList<>();
        for (int id = 0; id < FILES * ROWS; id++) {
            ids.add(String.valueOf(id));
        }
        return ids;
    }

    @Override
    String identity(JsonObject record) {
        return record.getString("id");
    }

    @Override
    void changeSourceAfterCrash() throws IOException {
        write(dir.resolve("in").resolve("part-9.csv"), 100_000);
    }

    /** A file of {@value #ROWS} rows {@code id,name}, ids from {@code first}. */
    static void write(Path file, int first) throws IOException {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int id = first; id < first + ROWS; id++) {
            text.append(id).append(",name ").append(id).append('\n');
        }
        Files.writeString(file, text);
    }
}
