package io.connectorkit.benchmarks.emitter;

import io.connectorkit.api.component.Version;
import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/** The last id emitted; a checkpoint every 1,000 records unless the host says otherwise. */
@Checkpoint(interval = 1000)
@Version(1)
public class SmallRecordsCheckpoint {

    @Option
    private long sinceId;

    public long getSinceId() {
        return sinceId;
    }

    public void setSinceId(long sinceId) {
        this.sinceId = sinceId;
    }
}
