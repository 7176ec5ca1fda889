package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Backlog;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.CheckpointCommitted;
import io.connectorkit.api.input.checkpoint.CheckpointData;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An infinite input: emits {@code {"id": n}} up to {@code burst}, then has nothing, forever. Its backlog is the ids
 * not yet made durable, {@code burst} minus the last committed id. It writes to {@code log} (when set) each id it is
 * told is durable ({@code committed 120}) and, at {@code @PreDestroy}, how many idle calls it answered
 * ({@code idle calls 17}), so a test can check that the host acknowledges and does not spin.
 */
@Emitter(family = "test", name = "ticker", infinite = true)
public class TickerInput {

    private final JsonBuilderFactory factory;
    private final TickerConfig configuration;
    private long idleCalls;
    private long committed;

    public TickerInput(JsonBuilderFactory factory, @Option("configuration") TickerConfig configuration) {
        this.factory = factory;
        this.configuration = configuration;
    }

    @PostConstruct
    public void init() {
        committed = configuration.getCheckpoint().getSinceId();
    }

    /** The next id up to {@code burst}; then {@code null}: nothing now. */
    @Producer
    public JsonObject next() {
        MarkerCheckpoint position = configuration.getCheckpoint();
        if (position.getSinceId() >= configuration.getBurst()) {
            idleCalls++;
            return null;
        }
        position.setSinceId(position.getSinceId() + 1);
        return factory.createObjectBuilder().add("id", position.getSinceId()).build();
    }

    @CheckpointData
    public MarkerCheckpoint checkpoint() {
        return configuration.getCheckpoint();
    }

    @CheckpointCommitted
    public void committed(MarkerCheckpoint durable) throws IOException {
        committed = durable.getSinceId();
        log("committed " + committed);
    }

    @Backlog
    public long backlog() {
        return configuration.getBurst() - committed;
    }

    @PreDestroy
    public void close() throws IOException {
        log("idle calls " + idleCalls);
    }

    private void log(String line) throws IOException {
        if (configuration.getLog() != null) {
            Files.writeString(Path.of(configuration.getLog()), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
