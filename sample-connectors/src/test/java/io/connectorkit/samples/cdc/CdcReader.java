package io.connectorkit.samples.cdc;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running {@code postgres/cdc-input} in a test, driven as a host drives it: records and checkpoints (with how many
 * records had been received when each checkpoint came) are collected; {@link #close()} stops it.
 */
public final class CdcReader implements AutoCloseable {

    /** A checkpoint, and the number of records received before it. */
    public record Taken(CheckpointState state, int afterRecords) {

        /** Its {@code lsn}. */
        public String lsn() {
            return state.state().getString("lsn");
        }
    }

    private final Input input;
    private final List<JsonObject> records = new ArrayList<>();
    private final List<Taken> checkpoints = new ArrayList<>();

    /** Starts the input over {@code configuration}; a {@code ComponentException} if it cannot start. */
    public CdcReader(ComponentManager manager, Map<String, String> configuration) {
        input = manager.findMapper("postgres", "cdc-input", 1, configuration).orElseThrow().create();
        input.start(state -> checkpoints.add(new Taken(state, records.size())));
    }

    /** Reads until {@code count} more records came; fails after a minute. */
    public List<JsonObject> read(int count) {
        int target = records.size() + count;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (records.size() < target) {
            if (!poll()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("only " + records.size() + " of " + target + " records within a minute: "
                            + records);
                }
                pause();
            }
        }
        return records.subList(target - count, target);
    }

    /** One {@code next()}; whether it gave a record. */
    public boolean poll() {
        Object record = input.next();
        if (record != null) {
            records.add((JsonObject) record);
        }
        return record != null;
    }

    /** Every record so far. */
    public List<JsonObject> records() {
        return records;
    }

    /** Every checkpoint so far. */
    public List<Taken> checkpoints() {
        return checkpoints;
    }

    /** The input. */
    public Input input() {
        return input;
    }

    /** Tells the input {@code taken} is durable. */
    public void commit(Taken taken) {
        input.checkpointCommitted(taken.state());
    }

    @Override
    public void close() {
        input.stop();
    }

    static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
