package io.connectorkit.benchmarks.emitter;

import io.connectorkit.api.configuration.Option;

/** {@code configuration.total} and {@code configuration.checkpoint.*}. */
public class SmallRecordsConfig {

    @Option
    private long total = 1_000_000;

    @Option
    private SmallRecordsCheckpoint checkpoint = new SmallRecordsCheckpoint();

    public long getTotal() {
        return total;
    }

    public void setTotal(long total) {
        this.total = total;
    }

    public SmallRecordsCheckpoint getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(SmallRecordsCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
