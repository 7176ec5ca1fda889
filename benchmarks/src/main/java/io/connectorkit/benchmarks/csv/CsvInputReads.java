package io.connectorkit.benchmarks.csv;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code file/csv-input} driven the way a host drives it, through {@link ComponentManager}: checkpointing on, a
 * checkpoint every 1,000 rows handed to a callback (which keeps the newest), and each row handed to a
 * {@link RowSink}.
 */
final class CsvInputReads {

    private final ComponentManager manager;
    private final Map<String, String> configuration;

    CsvInputReads(ComponentManager manager, Path file) {
        this.manager = manager;
        this.configuration = Map.of("configuration.path", file.toString(), "configuration.batchSize", "1000");
    }

    /** Every row, from the start. @return the rows */
    long readAll(RowSink sink) {
        Input input = manager.findMapper("file", "csv-input", 1, configuration).orElseThrow().create();
        CheckpointState[] newest = new CheckpointState[1];
        input.start(state -> newest[0] = state);
        long rows = 0;
        for (Object row = input.next(); row != null; row = input.next()) {
            sink.accept((JsonObject) row);
            rows++;
        }
        input.stop();
        return rows;
    }

    /** The checkpoint after {@code rows} rows, as the configuration a resume from it is given. */
    Map<String, String> checkpointAfter(long rows) {
        Input input = manager.findMapper("file", "csv-input", 1, configuration).orElseThrow().create();
        input.start(); // explicit mode: the host takes the checkpoint when it likes
        for (long i = 0; i < rows; i++) {
            input.next();
        }
        CheckpointState state = input.getCheckpoint();
        input.stop();
        Map<String, String> resume = new HashMap<>(configuration);
        resume.putAll(ComponentManager.jsonToMap(state.toJson()));
        return Map.copyOf(resume);
    }

    /** A resume: {@code findMapper} + {@code create} + {@code start} + the first {@code next()} + {@code stop()}. */
    JsonObject resume(Map<String, String> fromCheckpoint) {
        Input input = manager.findMapper("file", "csv-input", 1, fromCheckpoint).orElseThrow().create();
        input.start();
        Object first = input.next();
        input.stop();
        return (JsonObject) first;
    }
}
