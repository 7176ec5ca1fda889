package io.connectorkit.benchmarks.emitter;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.CheckpointData;

/**
 * Builds one small record per call: the JSON line {@code {"id":7,"name":"row-7"}} as a {@code String}, for ids
 * {@code sinceId + 1 … total}. A {@code String} because TCK hands strings through unchanged (any other object goes
 * through its record converter), so that every side runs exactly the same per-record code.
 */
@Emitter(family = "bench", name = "small-records")
public class SmallRecords {

    private final SmallRecordsConfig configuration;
    private long next;

    public SmallRecords(@Option("configuration") SmallRecordsConfig configuration) {
        this.configuration = configuration;
        this.next = configuration.getCheckpoint().getSinceId() + 1;
    }

    /** The record for {@code id}: what every side of the benchmark builds per call. */
    public static String row(long id) {
        return "{\"id\":" + id + ",\"name\":\"row-" + id + "\"}";
    }

    @Producer
    public String next() {
        if (next > configuration.getTotal()) {
            return null;
        }
        long id = next++;
        configuration.getCheckpoint().setSinceId(id);
        return row(id);
    }

    @CheckpointData
    public SmallRecordsCheckpoint checkpoint() {
        return configuration.getCheckpoint();
    }
}
