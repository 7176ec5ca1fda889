package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.CheckpointData;
import jakarta.annotation.PostConstruct;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Emits {@code {"id": n}} for n = 1 … total; once the host has received {@code markAt} records of this run, creates
 * the file {@code marker} (holding the last id) and, when a {@code gate} file is configured, waits in {@code next()}
 * until that file exists, like a connector waiting for its source. A test thus knows where the job is without timing
 * it, and can act (signal it) while it waits; a gate never opened leaves it stuck, as in a read that never returns.
 */
@Emitter(family = "test", name = "marker")
public class MarkerInput {

    private final JsonBuilderFactory factory;
    private final MarkerConfig configuration;
    private int nextId;
    private int emitted;

    public MarkerInput(JsonBuilderFactory factory, @Option("configuration") MarkerConfig configuration) {
        this.factory = factory;
        this.configuration = configuration;
    }

    /** Starts after the checkpoint's id. */
    @PostConstruct
    public void init() {
        nextId = configuration.getCheckpoint().getSinceId() + 1;
    }

    /** The next record, or {@code null} after {@code total}. */
    @Producer
    public JsonObject next() {
        if (emitted == configuration.getMarkAt()) {
            write(Path.of(configuration.getMarker()), String.valueOf(nextId - 1));
            if (configuration.getGate() != null) {
                waitFor(Path.of(configuration.getGate()));
            }
        }
        if (nextId > configuration.getTotal()) {
            return null;
        }
        int id = nextId++;
        emitted++;
        configuration.getCheckpoint().setSinceId(id);
        return factory.createObjectBuilder().add("id", id).build();
    }

    /** The state covering every record emitted so far. */
    @CheckpointData
    public MarkerCheckpoint getCheckpoint() {
        return configuration.getCheckpoint();
    }

    private static void waitFor(Path gate) {
        try {
            while (!Files.exists(gate)) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + gate, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
