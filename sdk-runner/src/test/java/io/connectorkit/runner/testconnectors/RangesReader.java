package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.CheckpointCommitted;
import io.connectorkit.api.input.checkpoint.CheckpointData;
import jakarta.annotation.PostConstruct;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * The worker of {@link RangesMapper}: emits its range's numbers from its position; the failing split throws after
 * {@code failAfter} records of each run. Each durable checkpoint reported to {@code @CheckpointCommitted} is passed to
 * {@link #commits}, which a test sets.
 */
public class RangesReader {

    /** Told (split id, position's next number) of each commit; a test sets it, and resets it to {@code null}. */
    public static volatile BiConsumer<String, Integer> commits;

    private final JsonBuilderFactory json;
    private final RangesConfig configuration;
    private final String id;
    private int emitted;

    RangesReader(JsonBuilderFactory json, RangesConfig configuration, String id) {
        this.json = json;
        this.configuration = configuration;
        this.id = id;
    }

    @PostConstruct
    public void init() {
        RangesPosition position = configuration.getPosition();
        if (position.getNext() < configuration.getFrom()) {
            position.setNext(configuration.getFrom());
        }
    }

    @Producer
    public JsonObject next() {
        RangesPosition position = configuration.getPosition();
        if (position.getNext() >= configuration.getTo()) {
            return null;
        }
        if (configuration.getFailingSplit() == configuration.getFrom() && emitted == configuration.getFailAfter()) {
            throw new IllegalStateException("planted failure at " + position.getNext());
        }
        if (configuration.getPauseMicros() > 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(configuration.getPauseMicros()));
        }
        int n = position.getNext();
        position.setNext(n + 1);
        emitted++;
        return json.createObjectBuilder().add("split", id).add("n", n).build();
    }

    @CheckpointData
    public RangesPosition position() {
        return configuration.getPosition();
    }

    @CheckpointCommitted
    public void committed(RangesPosition durable) {
        BiConsumer<String, Integer> listener = commits;
        if (listener != null) {
            listener.accept(id, durable.getNext());
        }
    }
}
