package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/** The position of {@link FailOnceInput}: a checkpoint every {@value #INTERVAL} records. */
@Checkpoint(interval = FailOnceCheckpoint.INTERVAL)
public class FailOnceCheckpoint {

    /** Records between two checkpoints. */
    public static final int INTERVAL = 5;

    @Option
    private int sinceId;

    public int getSinceId() {
        return sinceId;
    }

    public void setSinceId(int sinceId) {
        this.sinceId = sinceId;
    }
}
