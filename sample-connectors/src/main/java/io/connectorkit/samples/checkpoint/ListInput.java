package io.connectorkit.samples.checkpoint;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.CheckpointAvailable;
import io.connectorkit.api.input.checkpoint.CheckpointData;
import jakarta.annotation.PostConstruct;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.time.LocalDate;

/**
 * The seed's {@code CheckpointInputDemo}, done right: emits the records {@code id = 1 … total}, each dated
 * {@code firstDate + id days}, and resumes after the last one it emitted, either by id or by date.
 *
 * <p>Its checkpoint ({@link ListInputCheckpoint}) sits one level deep in its configuration, at
 * {@code configuration.checkpoint}. A checkpoint is ready every {@code batchSize} records.
 */
@Emitter(family = "checkpoint", name = "list-input")
public class ListInput {

    private final JsonBuilderFactory factory;
    private final ListInputConfig configuration;
    private LocalDate firstDate;
    private int nextId;
    private boolean newBookmark;

    public ListInput(JsonBuilderFactory factory, @Option("configuration") ListInputConfig configuration) {
        this.factory = factory;
        this.configuration = configuration;
    }

    /** Finds where to start: after the checkpoint's id or date, or at the first record. */
    @PostConstruct
    public void init() {
        firstDate = LocalDate.parse(configuration.getFirstDate());
        ListInputCheckpoint checkpoint = configuration.getCheckpoint();
        nextId = switch (checkpoint.getStrategy()) {
            case BY_ID -> checkpoint.getSinceId() + 1;
            case BY_DATE -> checkpoint.getStartDate() == null ? 1
                    : (int) (LocalDate.parse(checkpoint.getStartDate()).toEpochDay()
                            - firstDate.toEpochDay()) + 1;
        };
    }

    /** The next record, {@code {"id": 7, "date": "2024-01-08"}}, or {@code null} after {@code total}. */
    @Producer
    public JsonObject next() {
        if (nextId > configuration.getTotal()) {
            return null;
        }
        int id = nextId++;
        String date = firstDate.plusDays(id).toString();
        ListInputCheckpoint checkpoint = configuration.getCheckpoint();
        checkpoint.setSinceId(id);
        checkpoint.setStartDate(date);
        if (id % configuration.getBatchSize() == 0) {
            newBookmark = true;
        }
        return factory.createObjectBuilder().add("id", id).add("date", date).build();
    }

    /** The state covering every record emitted so far; the runtime snapshots it at once. */
    @CheckpointData
    public ListInputCheckpoint getCheckpoint() {
        newBookmark = false;
        return configuration.getCheckpoint();
    }

    /** True at the end of each batch. */
    @CheckpointAvailable
    public boolean isCheckpointReady() {
        return newBookmark;
    }
}
