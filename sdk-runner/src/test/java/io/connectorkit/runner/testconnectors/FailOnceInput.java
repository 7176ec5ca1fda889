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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Emits {@code {"id": n}} for n = 1 … total and fails once, when about to emit {@code failAt}: the failure creates
 * {@code marker}, and a marker that exists means the failure already happened, so a retry (or a rerun) goes through.
 * With {@code failAlways} it fails at {@code failAt} every time. Checkpoints every {@link FailOnceCheckpoint}
 * interval records.
 */
@Emitter(family = "test", name = "fail-once")
public class FailOnceInput {

    private final JsonBuilderFactory factory;
    private final FailOnceConfig configuration;
    private int nextId;

    public FailOnceInput(JsonBuilderFactory factory, @Option("configuration") FailOnceConfig configuration) {
        this.factory = factory;
        this.configuration = configuration;
    }

    /** Starts after the checkpoint's id. */
    @PostConstruct
    public void init() {
        nextId = configuration.getCheckpoint().getSinceId() + 1;
    }

    /** The next record, or {@code null} after {@code total}; throws once at {@code failAt}. */
    @Producer
    public JsonObject next() {
        if (nextId > configuration.getTotal()) {
            return null;
        }
        if (nextId == configuration.getFailAt() && shouldFail()) {
            throw new IllegalStateException("simulated failure before record " + nextId);
        }
        int id = nextId++;
        configuration.getCheckpoint().setSinceId(id);
        return factory.createObjectBuilder().add("id", id).build();
    }

    /** The state covering every record emitted so far. */
    @CheckpointData
    public FailOnceCheckpoint getCheckpoint() {
        return configuration.getCheckpoint();
    }

    private boolean shouldFail() {
        if (configuration.isFailAlways()) {
            return true;
        }
        try {
            Files.createFile(Path.of(configuration.getMarker()));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
